import type { TestDatabase } from '../support/database.js';

export function otpSpec(_db: () => TestDatabase): void {}
