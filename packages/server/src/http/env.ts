import type { HttpBindings } from '@hono/node-server';
import type { Language } from '@dvc-kit/sdk';
import type { ClientConfig } from '../config.js';

/** The Hono environment of the app: Node's request when served by `serve()`, and per-request values. */
export interface AppEnv {
  /** Present when the app runs under `@hono/node-server`; absent when `fetch` is called directly. */
  Bindings: Partial<HttpBindings>;
  Variables: {
    /** The portal the request comes from (set on `/v1/*`). */
    client: ClientConfig;
    /** Language of problem texts, from `Accept-Language`. */
    lang: Language;
  };
}
