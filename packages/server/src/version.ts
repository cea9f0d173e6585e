import { readFileSync } from 'node:fs';

/** The version of `@dvc-kit/server` running, from its package.json (the same from `src/` and `dist/`). */
export const SERVER_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
