/**
 * React 19 typings of the DVC Kit elements: import this once (for example in `src/dvc-kit.d.ts`:
 * `import type {} from '@dvc-kit/elements/react';`) and `<dvc-login>`, `<dvc-register>` and the parts
 * type-check in JSX, with their attributes, properties and typed `ondvc-…` event handlers. React 19
 * passes attributes and listens to custom events on custom elements itself; no wrapper is needed.
 *
 * Generated from `custom-elements.json` (`dist/jsx-elements.d.ts`); this file only hands the types to
 * React's JSX namespace.
 */
import type { CustomElements } from '../dist/jsx-elements.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
