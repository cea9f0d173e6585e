/**
 * Registers `<dvc-register>`, `<dvc-login>` and their parts. Importing it twice, or alongside another
 * copy of the bundle, is harmless: tags already defined are left alone.
 *
 * @example
 * ```html
 * <script type="module" src="/vendor/dvc-elements.js"></script>
 * ```
 * @module
 */
import { defineElements } from './registry.js';

defineElements();
