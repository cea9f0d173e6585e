import type { TestDatabase } from '../support/database.js';

export function signInSpec(_db: () => TestDatabase): void {}
