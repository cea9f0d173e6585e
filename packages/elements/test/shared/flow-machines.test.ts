import { expect } from '@open-wc/testing';
import { MockScenario } from '@dvc-kit/sdk/mock';
import type { OtpChallenge } from '@dvc-kit/sdk';
import { registerTransition } from '../../src/register/machine.js';
import type { RegisterState } from '../../src/register/state.js';
import { loginTransition } from '../../src/login/machine.js';
import type { LoginState } from '../../src/login/state.js';

const config = { ...new MockScenario().config, clientId: 'ministry-portal' };
const otp: OtpChallenge = { maskedPhone: '091****678', length: 6, expiresAt: '2026-03-02T08:03:00.000Z', resendAt: '2026-03-02T08:01:00.000Z' };
const details = { idNumber: '079195004321', fullName: 'Trần Thị Bích Ngọc', birthDate: '1995-03-12', phone: '0912345678' };

describe('the flows’ state machines', () => {
  it('takes a registration from loading to done, and to the final exists step from the code step', () => {
    let state: RegisterState = { step: 'loading' };
    state = registerTransition(state, { type: 'configured', config });
    expect(state.step).to.equal('method');
    state = registerTransition(state, { type: 'methodChosen', subjectType: 'citizen', method: 'mobile' });
    expect(state).to.include({ step: 'details', subjectType: 'citizen', method: 'mobile' });
    state = registerTransition(state, { type: 'started', details, registrationId: 'r1', otp, at: 1000 });
    expect(state).to.include({ step: 'code', registrationId: 'r1', startedAt: 1000, bySignature: false });
    expect(registerTransition(state, { type: 'accountExists' }).step).to.equal('exists');
    state = registerTransition(state, { type: 'codeVerified' });
    expect(state).to.include({ step: 'password', startedAt: 1000, bySignature: false });
    expect(registerTransition(state, { type: 'failed', code: 'flow_not_found' })).to.deep.equal({ step: 'error', code: 'flow_not_found' });
    expect(registerTransition(state, { type: 'restarted' })).to.deep.equal({ step: 'loading' });
  });

  it('remembers through the code and the password that an IAL3 registration came by a signature (its step count has one more)', () => {
    let state: RegisterState = registerTransition({ step: 'loading' }, { type: 'configured', config });
    state = registerTransition(state, { type: 'methodChosen', subjectType: 'citizen', method: 'usb_token' });
    state = registerTransition(state, { type: 'signing', details, humanCheck: {} });
    expect(state.step).to.equal('signature');
    state = registerTransition(state, { type: 'started', details, registrationId: 'r1', otp, at: 1000 });
    expect(state).to.include({ step: 'code', bySignature: true });
    expect(registerTransition(state, { type: 'codeVerified' })).to.include({ step: 'password', bySignature: true });
  });

  it('goes straight from loading to the details when the portal narrows the choice to one subject type and one method', () => {
    const both = { ...config, subjectTypes: new MockScenario({ config: { registrationMethods: ['mobile', 'bhxh'] } }).config.subjectTypes };
    expect(registerTransition({ step: 'loading' }, { type: 'configured', config: both }).step).to.equal('method');
    expect(registerTransition({ step: 'loading' }, { type: 'configured', config: both }, { subjectType: 'citizen' }).step).to.equal('method');
    expect(registerTransition({ step: 'loading' }, { type: 'configured', config: both }, { methods: ['bhxh'] })).to.include({ step: 'details', subjectType: 'citizen', method: 'bhxh' });
    expect(registerTransition({ step: 'loading' }, { type: 'configured', config }, { subjectType: 'citizen', methods: ['mobile', 'usb_token'] })).to.include({ step: 'details', method: 'mobile' });
    expect(registerTransition({ step: 'loading' }, { type: 'configured', config }, { methods: ['mobile', 'usb_token'] }).step).to.equal('method');
  });

  it('goes back from the details to the choice, still selected, with what was typed, and not once a code was sent', () => {
    const both = { ...config, subjectTypes: new MockScenario({ config: { registrationMethods: ['mobile', 'bhxh'] } }).config.subjectTypes };
    const chosen: RegisterState = { step: 'details', config: both, subjectType: 'citizen', method: 'bhxh' };
    const draft = { idNumber: details.idNumber, fullName: details.fullName, bhxhCode: '0123456789' };
    const method = registerTransition(chosen, { type: 'back', draft });
    expect(method).to.deep.equal({ step: 'method', config: both, chosen: { subjectType: 'citizen', method: 'bhxh' }, draft });
    // The draft goes with the next choice, whichever it is; the fields that choice shows start with it.
    const mobile = registerTransition(method, { type: 'methodChosen', subjectType: 'citizen', method: 'mobile' });
    expect(mobile).to.deep.equal({ step: 'details', config: both, subjectType: 'citizen', method: 'mobile', draft });
    // No choice to go back to: the portal narrowed it to one method, and the first step was skipped.
    expect(registerTransition(chosen, { type: 'back' }, { methods: ['bhxh'] })).to.equal(chosen);
    // A code was sent: the registration is open on the service, and back does not apply.
    const code = registerTransition(chosen, { type: 'started', details, registrationId: 'r1', otp, at: 1000 });
    expect(registerTransition(code, { type: 'back' })).to.equal(code);
    const password = registerTransition(code, { type: 'codeVerified' });
    expect(registerTransition(password, { type: 'back' })).to.equal(password);
    const start: RegisterState = { step: 'method', config: both };
    expect(registerTransition(start, { type: 'back' })).to.equal(start);
  });

  it('leaves the state as it is for an event that does not apply to the step on screen', () => {
    const method: RegisterState = { step: 'method', config };
    expect(registerTransition(method, { type: 'codeVerified' })).to.equal(method);
    expect(registerTransition(method, { type: 'configured', config })).to.equal(method);
    const credentials: LoginState = { step: 'credentials', config };
    expect(loginTransition(credentials, { type: 'codeResent', otp })).to.equal(credentials);
  });

  it('takes a sign-in from credentials to done, keeping its start through a resend', () => {
    let state: LoginState = loginTransition({ step: 'loading' }, { type: 'configured', config });
    state = loginTransition(state, { type: 'started', signInId: 's1', otp, at: 5 });
    state = loginTransition(state, { type: 'codeResent', otp: { ...otp, maskedPhone: '097****398' } });
    expect(state).to.include({ step: 'code', startedAt: 5, passkey: undefined });
    // An account with passkeys: the code step keeps the challenge one of them may answer, through a resend.
    const passkey = { challenge: 'c2lnbi1pbg', allowCredentials: [{ id: 'cred-1', type: 'public-key' }] };
    let withPasskey = loginTransition(loginTransition({ step: 'loading' }, { type: 'configured', config }), { type: 'started', signInId: 's2', otp, at: 6, passkey });
    withPasskey = loginTransition(withPasskey, { type: 'codeResent', otp });
    expect(withPasskey).to.deep.include({ step: 'code', passkey });
    expect(loginTransition(state, { type: 'signedIn', account: { sub: 'a', fullName: 'A', idNumberMasked: '001******234', subjectType: 'citizen', ial: 2, verificationMethod: 'mobile', createdAt: '2026-01-01T00:00:00.000Z' } }).step).to.equal('done');
  });

  it('opens recovery from the sign-in credentials with the ID number typed so far, and comes back to them', () => {
    const credentials = loginTransition({ step: 'loading' }, { type: 'configured', config });
    const recovery = loginTransition(credentials, { type: 'recoveryOpened', idNumber: '001090001234' });
    expect(recovery).to.deep.equal({ step: 'recovery', config, idNumber: '001090001234' });
    expect(loginTransition(recovery, { type: 'recoveryClosed' })).to.deep.equal({ step: 'credentials', config });
    expect(loginTransition(recovery, { type: 'signedIn', account: {} as never })).to.equal(recovery);
  });
});
