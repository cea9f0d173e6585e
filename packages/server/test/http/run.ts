import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { POSTGRES_MISSING, type TestDatabase } from '../support/database.js';
import { clientsSpec } from './clients.spec.js';
import { crashRecoverySpec } from './crash-recovery.spec.js';
import { devOutboxSpec } from './dev-outbox.spec.js';
import { housekeepingSpec } from './housekeeping.spec.js';
import { otpSpec } from './otp.spec.js';
import { registrationSpec } from './registration.spec.js';
import { signInSpec } from './sign-in.spec.js';
import { tokensSpec } from './tokens.spec.js';

/** Every HTTP specification, run against one kind of database shared by the file. */
export function runHttpSuite(label: string, open: (() => Promise<TestDatabase>) | undefined): void {
  if (!open) {
    console.log(POSTGRES_MISSING);
    test(`HTTP API on ${label}`, (t) => {
      if (process.env.CI === 'true') assert.fail(`${POSTGRES_MISSING} (PostgreSQL is required in CI)`);
      t.skip(POSTGRES_MISSING);
    });
    return;
  }
  let database: TestDatabase | undefined;
  const db = () => {
    if (!database) throw new Error('database not open');
    return database;
  };
  describe(`HTTP API on ${label}`, () => {
    before(async () => {
      database = await open();
    });
    after(async () => {
      await database?.close();
    });
    registrationSpec(db);
    otpSpec(db);
    signInSpec(db);
    tokensSpec(db);
    clientsSpec(db);
    devOutboxSpec(db);
    crashRecoverySpec(db);
    housekeepingSpec(db);
  });
}
