import type { TestDatabase } from '../support/database.js';

export function devOutboxSpec(_db: () => TestDatabase): void {}
