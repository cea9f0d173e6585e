import { expect } from '@open-wc/testing';
import type { Account } from '@dvc-kit/sdk';
import type { CertificateDetails, SignatureChallenge, SignatureMethod } from '@dvc-kit/sdk/contract';
import { MockScenario } from '@dvc-kit/sdk/mock';
import type { SignerCertificate } from '@dvc-kit/sdk/signer';
import { signatureTransition, type SignatureEvent } from '../../src/signature/machine.js';
import type { SignatureState } from '../../src/signature/state.js';

const config = new MockScenario().config;
const certificate: SignerCertificate = { id: 'c1', certificate: 'AAAA', details: { holder: 'Nguyễn Văn An' } };
const challenge: SignatureChallenge = { challengeId: 'sgc_1', nonce: 'n', toBeSigned: 'dA', operation: 'upgrade', subjectType: 'citizen', expiresAt: '2026-03-02T08:05:00.000Z' };
const preview: CertificateDetails = { holder: 'Nguyễn Văn An', validFrom: '2026-01-01T00:00:00.000Z', validUntil: '2027-01-01T00:00:00.000Z', issuer: 'CA', serialNumber: '1' };
const account = { fullName: 'Nguyễn Văn An', ial: 3 } as Account;

const run = (offered: readonly SignatureMethod[], ...events: SignatureEvent[]) =>
  events.reduce<SignatureState>((state, event) => signatureTransition(state, event, () => offered), { step: 'loading' });

describe('the signature’s state machine', () => {
  it('asks for a choice among several methods, and opens the only one at once', () => {
    expect(run(['usb_token', 'sim_signature'], { type: 'configured', config }).step).to.equal('choose');
    expect(run(['sim_signature'], { type: 'configured', config })).to.include({ step: 'holder', method: 'sim_signature' });
    expect(run([], { type: 'configured', config })).to.deep.include({ step: 'choose', methods: [] });
    expect(run(['sim_signature'], { type: 'configured', config }, { type: 'chosen', method: 'usb_token' }).step, 'a method not offered').to.equal('holder');
  });

  it('takes a USB token through its certificates and the confirmation to done, and back from the confirmation keeping the certificates', () => {
    const confirm = run(['usb_token', 'sim_signature'], { type: 'configured', config }, { type: 'chosen', method: 'usb_token' }, { type: 'listed', certificates: [certificate] }, { type: 'previewed', certificate, challenge, preview });
    expect(confirm).to.deep.include({ step: 'confirm', preview, certificates: [certificate] });
    expect(signatureTransition(confirm, { type: 'back' }, () => [])).to.deep.include({ step: 'token', certificates: [certificate] });
    expect(signatureTransition(confirm, { type: 'signed', account }, () => [])).to.deep.include({ step: 'done', account });
    expect(signatureTransition(confirm, { type: 'methods' }, () => []).step).to.equal('choose');
  });

  it('waits for a request, polls it, goes back to the holder after an outcome, and never to done from the holder', () => {
    const waiting = run(['sim_signature'], { type: 'configured', config }, { type: 'started', requestId: 'sgr_1', expiresAt: 2000, pollAt: 1000 });
    expect(waiting).to.include({ step: 'waiting', requestId: 'sgr_1', expiresAt: 2000, pollAt: 1000 });
    expect(signatureTransition(waiting, { type: 'polled', pollAt: 3000 }, () => [])).to.include({ pollAt: 3000 });
    const holder = signatureTransition(waiting, { type: 'back' }, () => []);
    expect(holder).to.include({ step: 'holder', method: 'sim_signature' });
    expect(signatureTransition(holder, { type: 'signed', account }, () => [])).to.equal(holder);
    expect(signatureTransition(waiting, { type: 'methods' }, () => []), 'one method: no choice to go back to').to.equal(waiting);
  });
});
