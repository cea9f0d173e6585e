import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PluginSigner, SignerError, type SigningPluginBinding, type SignerErrorCode } from '../../src/signer/index.js';
import type { SignatureAlgorithm } from '../../src/contract/signatures.js';

/**
 * A fake vendor plugin, as a USB-token vendor ships one: its own certificate records, its own numeric
 * result codes (0 ok, 1 user cancelled, 2 wrong PIN, 3 PIN locked, 4 no token, 99 internal), a PIN it
 * checks and locks after three wrong tries. It signs with a real WebCrypto key, so what comes back
 * through the adapter can be verified.
 */
class FakeVendorPlugin {
  readonly records: { readonly serial: string; readonly subject: string; readonly der: string }[] = [];
  readonly keys = new Map<string, CryptoKeyPair>();
  pin = '123456';
  enteredPin = '123456';
  wrongTries = 0;
  tokenPresent = true;
  nextResult: number | undefined;
  hang = false;
  answer: ((signature: string) => { sig: string; alg: string }) | undefined;
  signedBytes: Uint8Array[] = [];

  async add(serial: string, subject: string): Promise<void> {
    this.records.push({ serial, subject, der: btoa(`fake-der-${serial}`) });
    this.keys.set(serial, (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair);
  }

  async getCertificates(): Promise<{ result: number; certs?: { serial: string; subject: string; der: string }[] }> {
    if (!this.tokenPresent) return { result: 4 };
    return { result: 0, certs: this.records };
  }

  async signData(serial: string, dataBase64: string): Promise<{ result: number; sig?: string; alg?: string }> {
    if (this.hang) return new Promise(() => {});
    if (!this.tokenPresent) return { result: 4 };
    if (this.nextResult !== undefined) return { result: this.nextResult };
    if (this.wrongTries >= 3) return { result: 3 };
    if (this.enteredPin !== this.pin) {
      this.wrongTries += 1;
      return { result: this.wrongTries >= 3 ? 3 : 2 };
    }
    const data = Uint8Array.from(atob(dataBase64), (char) => char.charCodeAt(0));
    this.signedBytes.push(data);
    const signature = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, this.keys.get(serial)!.privateKey, data));
    const sig = btoa(String.fromCharCode(...signature));
    return this.answer ? { result: 0, ...this.answer(sig) } : { result: 0, sig, alg: 'ECDSA' };
  }
}

class VendorError extends Error {
  constructor(readonly result: number) {
    super(`vendor result ${result}`);
  }
}

const VENDOR_CODES: Readonly<Record<number, SignerErrorCode>> = { 1: 'cancelled', 2: 'pin_incorrect', 3: 'pin_locked', 4: 'signer_unavailable' };

type VendorRecord = FakeVendorPlugin['records'][number];

/** The binding a portal team would write for this vendor: its protocol in, the SDK's shapes out. */
function bindingFor(plugin: FakeVendorPlugin, overrides: Partial<SigningPluginBinding<VendorRecord>> = {}): SigningPluginBinding<VendorRecord> {
  return {
    name: 'Fake Vendor Plugin',
    async listCertificates() {
      const answer = await plugin.getCertificates();
      if (answer.result !== 0) throw new VendorError(answer.result);
      return answer.certs ?? [];
    },
    describe: (record) => ({ id: record.serial, certificate: record.der, details: { holder: record.subject } }),
    async sign(record, data) {
      const answer = await plugin.signData(record.serial, btoa(String.fromCharCode(...data)));
      if (answer.result !== 0) throw new VendorError(answer.result);
      return { signature: answer.sig ?? '', algorithm: answer.alg as SignatureAlgorithm };
    },
    classify: (error) => (error instanceof VendorError ? VENDOR_CODES[error.result] : undefined),
    ...overrides,
  };
}

async function refusal(promise: Promise<unknown>): Promise<SignerError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  assert.ok(error instanceof SignerError, `expected a SignerError, got ${String(error)}`);
  return error;
}

const fromBase64Url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
const bytes = new TextEncoder().encode('DVC-Kit signature challenge v1\nservice: https://id.example\nnonce: x');

describe('PluginSigner, the adapter over a vendor plugin', () => {
  test('lists the plugin\'s certificates and returns its signature over the exact bytes, base64url, verifiable with the key', async () => {
    const plugin = new FakeVendorPlugin();
    await plugin.add('5401', 'Nguyễn Văn An');
    await plugin.add('5402', 'Công ty TNHH Ví Dụ');
    const signer = new PluginSigner(bindingFor(plugin));
    assert.equal(signer.name, 'Fake Vendor Plugin');
    const listed = await signer.listCertificates();
    assert.deepEqual(listed.map((certificate) => [certificate.id, certificate.details.holder]), [['5401', 'Nguyễn Văn An'], ['5402', 'Công ty TNHH Ví Dụ']]);
    const made = await signer.sign({ certificateId: '5402', data: bytes });
    assert.equal(made.certificate, btoa('fake-der-5402'));
    assert.equal(made.algorithm, 'ECDSA');
    assert.match(made.signature, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(plugin.signedBytes, [bytes]);
    assert.ok(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, plugin.keys.get('5402')!.publicKey, fromBase64Url(made.signature), bytes));
    assert.equal(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, plugin.keys.get('5401')!.publicKey, fromBase64Url(made.signature), bytes), false);
  });

  test('the plugin\'s own result codes come out as the stable codes; a PIN locks after wrong tries', async () => {
    const plugin = new FakeVendorPlugin();
    await plugin.add('5401', 'Nguyễn Văn An');
    const signer = new PluginSigner(bindingFor(plugin));
    await signer.listCertificates();
    plugin.nextResult = 1;
    assert.equal((await refusal(signer.sign({ certificateId: '5401', data: bytes }))).code, 'cancelled');
    plugin.nextResult = undefined;
    plugin.enteredPin = '000000';
    assert.equal((await refusal(signer.sign({ certificateId: '5401', data: bytes }))).code, 'pin_incorrect');
    assert.equal((await refusal(signer.sign({ certificateId: '5401', data: bytes }))).code, 'pin_incorrect');
    const locked = await refusal(signer.sign({ certificateId: '5401', data: bytes }));
    assert.equal(locked.code, 'pin_locked');
    assert.ok(locked.cause instanceof VendorError, 'the vendor\'s error is kept as the cause');
    plugin.enteredPin = plugin.pin;
    assert.equal((await refusal(signer.sign({ certificateId: '5401', data: bytes }))).code, 'pin_locked', 'the right PIN does not unlock it');
    plugin.tokenPresent = false;
    assert.equal((await refusal(signer.listCertificates())).code, 'signer_unavailable');
    plugin.tokenPresent = true;
    plugin.wrongTries = 0;
    plugin.nextResult = 99;
    const failed = await refusal(signer.sign({ certificateId: '5401', data: bytes }));
    assert.equal(failed.code, 'failed');
    assert.equal((failed.cause as VendorError).result, 99);
  });

  test('a plugin that does not answer is a timeout; a page that gives up is cancelled, even when the plugin ignores the signal', async () => {
    const plugin = new FakeVendorPlugin();
    await plugin.add('5401', 'Nguyễn Văn An');
    const signer = new PluginSigner(bindingFor(plugin), { signTimeoutMs: 30 });
    await signer.listCertificates();
    plugin.hang = true;
    assert.equal((await refusal(signer.sign({ certificateId: '5401', data: bytes }))).code, 'timeout');
    const patient = new PluginSigner(bindingFor(plugin), { signTimeoutMs: 60_000 });
    await patient.listCertificates();
    const controller = new AbortController();
    const signing = patient.sign({ certificateId: '5401', data: bytes, signal: controller.signal });
    controller.abort();
    assert.equal((await refusal(signing)).code, 'cancelled');
    assert.equal((await refusal(patient.sign({ certificateId: '5401', data: bytes, signal: AbortSignal.abort() }))).code, 'cancelled');
    const slowList = new PluginSigner(bindingFor(plugin, { listCertificates: () => new Promise(() => {}) }), { listTimeoutMs: 30 });
    assert.equal((await refusal(slowList.listCertificates())).code, 'timeout');
  });

  test('answers that cannot be right are refused, not passed on: an unlisted certificate, no signature, an algorithm the service does not verify', async () => {
    const plugin = new FakeVendorPlugin();
    await plugin.add('5401', 'Nguyễn Văn An');
    const signer = new PluginSigner(bindingFor(plugin));
    assert.equal((await refusal(signer.sign({ certificateId: '5401', data: bytes }))).code, 'certificate_not_found', 'nothing listed yet');
    await signer.listCertificates();
    assert.equal((await refusal(signer.sign({ certificateId: '9999', data: bytes }))).code, 'certificate_not_found');
    for (const answer of [{ sig: '', alg: 'ECDSA' }, { sig: 'not base64!', alg: 'ECDSA' }, { sig: 'AAAA', alg: 'SHA1withRSA' }]) {
      plugin.answer = () => answer;
      assert.equal((await refusal(signer.sign({ certificateId: '5401', data: bytes }))).code, 'failed', JSON.stringify(answer));
    }
    const broken = new PluginSigner(bindingFor(plugin, { describe: () => ({ id: '', certificate: '', details: { holder: '' } }) }));
    assert.equal((await refusal(broken.listCertificates())).code, 'failed');
    const confused = new PluginSigner(bindingFor(plugin, { classify: () => 'no-such-code' as SignerErrorCode }));
    plugin.tokenPresent = false;
    assert.equal((await refusal(confused.listCertificates())).code, 'failed');
    const throwing = new PluginSigner(bindingFor(plugin, { classify: () => { throw new Error('binding bug'); } }));
    assert.equal((await refusal(throwing.listCertificates())).code, 'failed');
  });
});
