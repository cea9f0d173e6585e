import { LazyModule } from './lazy-module.js';

/**
 * `../later.js`, the one module of everything after a widget's first step, fetched once for every
 * widget on the page: when the citizen starts on a step (first focus), or when a later step, another
 * widget or the rest of the strings is needed.
 */
export const later = new LazyModule(() => import('../later.js'));
