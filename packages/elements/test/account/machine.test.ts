import { expect } from '@open-wc/testing';
import type { AccountDetails, OtpChallenge } from '@dvc-kit/sdk';
import { MockScenario } from '@dvc-kit/sdk/mock';
import { accountTransition } from '../../src/account/machine.js';
import type { AccountState } from '../../src/account/state.js';

const config = { ...new MockScenario().config, clientId: 'ministry-portal' };
const otp: OtpChallenge = { maskedPhone: '097****398', length: 6, expiresAt: '2026-03-02T08:03:00.000Z', resendAt: '2026-03-02T08:01:00.000Z' };
const account: AccountDetails = {
  sub: 'mock-001234-12',
  fullName: 'Nguyễn Văn An',
  idNumberMasked: '001******234',
  subjectType: 'citizen',
  ial: 2,
  verificationMethod: 'mobile',
  createdAt: '2026-03-02T08:00:00.000Z',
  phoneMasked: '097****398',
  idNumberKind: 'cccd',
  canAddCccd: false,
  hasBhxhCode: false,
};

describe('the account page’s state machine', () => {
  it('reads the account, then takes a password change through code and new password back to the overview, naming the change', () => {
    let state: AccountState = accountTransition({ step: 'loading' }, { type: 'configured', config });
    expect(state.step).to.equal('reading');
    state = accountTransition(state, { type: 'read', account });
    expect(state.step).to.equal('overview');
    state = accountTransition(state, { type: 'chosen', action: 'password' });
    expect(state).to.include({ step: 'change', action: 'password' });
    state = accountTransition(state, { type: 'started', changeId: 'c1', otp, at: 7 });
    expect(state).to.include({ step: 'code', changeId: 'c1', startedAt: 7 });
    state = accountTransition(state, { type: 'codeVerified' });
    expect(state).to.include({ step: 'password', changeId: 'c1', startedAt: 7 });
    state = accountTransition(state, { type: 'changed', otherSessionsEnded: 2 });
    expect(state).to.include({ step: 'overview', done: 'password', otherSessionsEnded: 2 });
  });

  it('makes an email change at the code step, offers the CCCD only to an account that may add one, and cancels back to the overview', () => {
    const overview: AccountState = { step: 'overview', config, account, passkeys: [] };
    expect(accountTransition(overview, { type: 'chosen', action: 'cccd' })).to.equal(overview);
    expect(accountTransition({ ...overview, account: { ...account, canAddCccd: true } }, { type: 'chosen', action: 'cccd' }).step).to.equal('change');
    let state = accountTransition(overview, { type: 'chosen', action: 'email' });
    state = accountTransition(state, { type: 'started', changeId: 'c2', otp, at: 1 });
    expect(accountTransition(state, { type: 'codeVerified' })).to.equal(state, 'only a password change has a password step');
    expect(accountTransition(state, { type: 'changed', otherSessionsEnded: 0 })).to.include({ step: 'overview', done: 'email' });
    expect(accountTransition(state, { type: 'cancelled' })).to.deep.equal(overview);
  });

  it('confirms a sign-out everywhere, and ends in signedOut from any step when the session is over', () => {
    const overview: AccountState = { step: 'overview', config, account };
    const confirm = accountTransition(overview, { type: 'chosen', action: 'signOut' });
    expect(confirm.step).to.equal('confirmSignOut');
    expect(accountTransition(confirm, { type: 'signedOut', reason: 'signed_out_everywhere', sessionsEnded: 3 })).to.deep.equal({ step: 'signedOut', config, reason: 'signed_out_everywhere', sessionsEnded: 3 });
    const ended = accountTransition({ step: 'reading', config }, { type: 'signedOut', reason: 'session_ended' });
    expect(ended).to.deep.equal({ step: 'signedOut', config, reason: 'session_ended' });
    expect(accountTransition(ended, { type: 'signedOut', reason: 'signed_out_everywhere' })).to.equal(ended);
    expect(accountTransition(ended, { type: 'restarted' })).to.deep.equal({ step: 'loading' });
  });

  it('adds or removes a passkey only when the service offers them, keeps the list through a change, and comes back with the new list', () => {
    const passkey = { id: 'cred-1', name: 'Điện thoại', transports: ['internal'], deviceType: 'single_device' as const, backedUp: false, createdAt: account.createdAt, lastUsedAt: null };
    const unoffered: AccountState = { step: 'overview', config, account };
    expect(accountTransition(unoffered, { type: 'passkeyChosen' })).to.equal(unoffered);
    const overview: AccountState = { step: 'overview', config, account, passkeys: [passkey] };
    const adding = accountTransition(overview, { type: 'passkeyChosen' });
    expect(adding.step).to.equal('addPasskey');
    expect(accountTransition(adding, { type: 'passkeysChanged', passkeys: [passkey, { ...passkey, id: 'cred-2' }], done: 'passkeyAdded' })).to.deep.include({ step: 'overview', done: 'passkeyAdded' });
    const removing = accountTransition(overview, { type: 'passkeyChosen', remove: passkey });
    expect(removing).to.deep.include({ step: 'removePasskey', passkey });
    expect(accountTransition(removing, { type: 'cancelled' })).to.deep.equal(overview);
    expect(accountTransition(removing, { type: 'passkeysChanged', passkeys: [], done: 'passkeyRemoved' })).to.deep.equal({ step: 'overview', config, account, passkeys: [], done: 'passkeyRemoved' });
    // A change of email carries the list to the overview it ends on.
    let state = accountTransition(overview, { type: 'chosen', action: 'email' });
    state = accountTransition(state, { type: 'started', changeId: 'c3', otp, at: 1 });
    expect(accountTransition(state, { type: 'changed', otherSessionsEnded: 0 })).to.deep.include({ passkeys: [passkey] });
  });
});
