import type { TestDatabase } from '../support/database.js';

export function tokensSpec(_db: () => TestDatabase): void {}
