import type { TestDatabase } from '../support/database.js';

export function clientsSpec(_db: () => TestDatabase): void {}
