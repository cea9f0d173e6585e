import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { POSTGRES_MISSING, type TestDatabase } from '../support/database.js';
import { accountChangesSpec } from './account-changes.spec.js';
import { atRestSpec } from './at-rest.spec.js';
import { cccdAdditionSpec } from './cccd-addition.spec.js';
import { clientsSpec } from './clients.spec.js';
import { crashRecoverySpec } from './crash-recovery.spec.js';
import { devOutboxSpec } from './dev-outbox.spec.js';
import { developmentSignerSpec } from './development-signer.spec.js';
import { modeSpec } from './mode.spec.js';
import { operatorSpec } from './operator.spec.js';
import { edgesSpec } from './edges.spec.js';
import { enterpriseAgencySpec } from './enterprise-agency.spec.js';
import { limitsSpec } from './limits.spec.js';
import { lostPhoneSpec } from './lost-phone.spec.js';
import { metricsSpec } from './metrics.spec.js';
import { housekeepingSpec } from './housekeeping.spec.js';
import { otpSpec } from './otp.spec.js';
import { passkeysSpec } from './passkeys.spec.js';
import { readinessSpec } from './readiness.spec.js';
import { recoverySpec } from './recovery.spec.js';
import { registrationSpec } from './registration.spec.js';
import { registrationBhxhSpec } from './registration-bhxh.spec.js';
import { sessionsSpec } from './sessions.spec.js';
import { sessionAssuranceSpec } from './session-assurance.spec.js';
import { signInIdempotencySpec } from './sign-in-idempotency.spec.js';
import { signInSpec } from './sign-in.spec.js';
import { signaturesSpec } from './signatures.spec.js';
import { signatureRequestsSpec } from './signature-requests.spec.js';
import { signatureFlowsSpec } from './signature-flows.spec.js';
import { signatureFlowsRemoteSpec } from './signature-flows-remote.spec.js';
import { tokensSpec } from './tokens.spec.js';

/**
 * Every HTTP specification, run against one kind of database shared by the file: the body of the
 * file's own `describe`, so the runner reports the suite under the test file that runs it.
 */
export function httpSuite(label: string, open: (() => Promise<TestDatabase>) | undefined): () => void {
  if (!open) {
    return () => {
      console.log(POSTGRES_MISSING);
      test(`HTTP API on ${label}`, (t) => {
        if (process.env.CI === 'true') assert.fail(`${POSTGRES_MISSING} (PostgreSQL is required in CI)`);
        t.skip(POSTGRES_MISSING);
      });
    };
  }
  let database: TestDatabase | undefined;
  const db = () => {
    if (!database) throw new Error('database not open');
    return database;
  };
  return () => {
    before(async () => {
      database = await open();
    });
    after(async () => {
      await database?.close();
    });
    registrationSpec(db);
    registrationBhxhSpec(db);
    otpSpec(db);
    signInSpec(db);
    recoverySpec(db);
    accountChangesSpec(db);
    cccdAdditionSpec(db);
    lostPhoneSpec(db);
    operatorSpec(db);
    tokensSpec(db);
    clientsSpec(db);
    devOutboxSpec(db);
    modeSpec(db);
    atRestSpec(db);
    edgesSpec(db);
    limitsSpec(db);
    sessionsSpec(db);
    sessionAssuranceSpec(db);
    metricsSpec(db);
    readinessSpec(db);
    crashRecoverySpec(db);
    signInIdempotencySpec(db);
    housekeepingSpec(db);
    signaturesSpec(db);
    developmentSignerSpec(db);
    signatureRequestsSpec(db);
    enterpriseAgencySpec(db);
    signatureFlowsSpec(db);
    signatureFlowsRemoteSpec(db);
    passkeysSpec(db);
  };
}
