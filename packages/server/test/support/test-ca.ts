import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BasicConstraintsExtension,
  CRLDistributionPointsExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  X509CertificateGenerator,
  X509CrlGenerator,
  X509CrlReason,
  type X509Certificate,
  type X509Crl,
} from '@peculiar/x509';

/** The UID attribute Vietnamese certificates carry the holder's number in. */
const UID = '0.9.2342.19200300.100.1.1';
const DAY = 86_400_000;

const EC: EcKeyGenParams & EcdsaParams = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const RSA: RsaHashedKeyGenParams = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };

/** A certificate of the test hierarchy with the key that signs with it. */
export interface TestCertificate {
  readonly certificate: X509Certificate;
  readonly keys: CryptoKeyPair;
  /** The certificate as a signing plugin exports it: base64 DER. */
  readonly base64: string;
  /** The certificate as PEM. */
  readonly pem: string;
}

/** The CA hierarchy the tests generate (fictional names; nothing here is a real CA). */
export interface TestCa {
  /** When the hierarchy was made; certificates are valid from a day before to a year after. */
  readonly now: Date;
  /** Where the CRLs are served, e.g. `http://127.0.0.1:41234`. */
  readonly crlBaseUrl: string;
  readonly nationalRoot: TestCertificate;
  readonly intermediate: TestCertificate;
  readonly governmentRoot: TestCertificate;
  readonly otherRoot: TestCertificate;
  /** RSA key, UID `CCCD:001090001234`. */
  readonly citizen: TestCertificate;
  /** ECDSA P-256, UID `MST:0101234567`, O = the company. */
  readonly enterprise: TestCertificate;
  /** Under the government root, UID `CCCD:079095004321`. */
  readonly agency: TestCertificate;
  /** In the intermediate's CRL. */
  readonly revoked: TestCertificate;
  readonly expired: TestCertificate;
  readonly notYetValid: TestCertificate;
  /** keyEncipherment only: not for signing. */
  readonly wrongKeyUsage: TestCertificate;
  /** Chains to `otherRoot`, which no subject type trusts. */
  readonly untrusted: TestCertificate;
  /** A CA under the intermediate, whose path length (0) allows no CA below it. */
  readonly subCa: TestCertificate;
  /** A leaf under {@link TestCa.subCa}: its path breaks the intermediate's path-length limit. */
  readonly tooDeep: TestCertificate;
  /** CRLs by the file name they are served under: `national-root.crl`, `intermediate.crl`, `government-root.crl`. */
  readonly crls: Readonly<Record<string, X509Crl>>;
  /** Writes the roots as PEM files and the CRLs as DER files; their paths. */
  writeFiles(): Promise<{ nationalRoot: string; governmentRoot: string; otherRoot: string; crls: string[] }>;
}

/** The citizen's ID number in {@link TestCa.citizen}. */
export const TEST_CITIZEN_ID = '001090001234';
/** The enterprise's tax code in {@link TestCa.enterprise}. */
export const TEST_TAX_CODE = '0101234567';
/** The officer's ID number in {@link TestCa.agency}. */
export const TEST_OFFICER_ID = '079095004321';

let serial = 0x1000;

async function issue(options: {
  name: string;
  keys: CryptoKeyPair;
  issuer?: TestCertificate;
  ca?: { pathLength?: number };
  usages?: number;
  from: Date;
  to: Date;
  crlUrl?: string;
}): Promise<TestCertificate> {
  const extensions = [
    new BasicConstraintsExtension(Boolean(options.ca), options.ca?.pathLength, true),
    new KeyUsagesExtension(options.usages ?? (options.ca ? KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign : KeyUsageFlags.digitalSignature | KeyUsageFlags.nonRepudiation), true),
    ...(options.crlUrl ? [new CRLDistributionPointsExtension([options.crlUrl])] : []),
  ];
  serial += 1;
  const common = { serialNumber: serial.toString(16).padStart(8, '0'), notBefore: options.from, notAfter: options.to, extensions, signingAlgorithm: options.issuer ? algorithmOf(options.issuer.keys) : algorithmOf(options.keys) };
  const certificate = options.issuer
    ? await X509CertificateGenerator.create({ ...common, subject: options.name, issuer: options.issuer.certificate.subject, publicKey: options.keys.publicKey, signingKey: options.issuer.keys.privateKey })
    : await X509CertificateGenerator.createSelfSigned({ ...common, name: options.name, keys: options.keys });
  return { certificate, keys: options.keys, base64: Buffer.from(certificate.rawData).toString('base64'), pem: certificate.toString('pem') };
}

function algorithmOf(keys: CryptoKeyPair): Algorithm | EcdsaParams {
  return keys.privateKey.algorithm.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };
}

const ecKeys = () => crypto.subtle.generateKey(EC, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
const rsaKeys = () => crypto.subtle.generateKey(RSA, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;

async function crlOf(issuer: TestCertificate, now: Date, revoked: readonly TestCertificate[], nextUpdate: Date): Promise<X509Crl> {
  return X509CrlGenerator.create({
    issuer: issuer.certificate.subject,
    thisUpdate: new Date(now.getTime() - DAY),
    nextUpdate,
    entries: revoked.map((certificate) => ({ serialNumber: certificate.certificate.serialNumber, revocationDate: new Date(now.getTime() - DAY / 2), reason: X509CrlReason.keyCompromise })),
    signingAlgorithm: algorithmOf(issuer.keys),
    signingKey: issuer.keys.privateKey,
  });
}

/**
 * Generates the test CA hierarchy: a national root and an intermediate (public CA) for citizens and
 * enterprises, a government root for agency officers, another root nobody trusts, and leaf certificates
 * for each case the service must tell apart. Every certificate points at its issuer's CRL under
 * `crlBaseUrl`; the CRLs are current for a week from `now`.
 */
export async function createTestCa(options: { now?: Date; crlBaseUrl?: string } = {}): Promise<TestCa> {
  const now = options.now ?? new Date();
  const crlBaseUrl = options.crlBaseUrl ?? 'http://127.0.0.1:9/crl';
  const from = new Date(now.getTime() - DAY);
  const to = new Date(now.getTime() + 365 * DAY);
  const longer = new Date(now.getTime() + 10 * 365 * DAY);
  const crlUrl = (name: string) => `${crlBaseUrl}/${name}`;

  const nationalRoot = await issue({ name: 'CN=Test National Root CA, O=DVC Kit Tests, C=VN', keys: await ecKeys(), ca: { pathLength: 1 }, from, to: longer });
  const intermediate = await issue({ name: 'CN=Test Public CA, O=DVC Kit Tests, C=VN', keys: await ecKeys(), issuer: nationalRoot, ca: { pathLength: 0 }, from, to: longer, crlUrl: crlUrl('national-root.crl') });
  const governmentRoot = await issue({ name: 'CN=Test Government CA, O=DVC Kit Tests, C=VN', keys: await ecKeys(), ca: { pathLength: 0 }, from, to: longer });
  const otherRoot = await issue({ name: 'CN=Test Unknown Root CA, O=Elsewhere, C=VN', keys: await ecKeys(), ca: {}, from, to: longer });
  const underIntermediate = { issuer: intermediate, crlUrl: crlUrl('intermediate.crl') };
  const citizenName = (uid: string, cn: string) => `CN=${cn}, ${UID}=${uid}, C=VN`;

  const citizen = await issue({ name: citizenName(`CCCD:${TEST_CITIZEN_ID}`, 'Nguyễn Văn An'), keys: await rsaKeys(), ...underIntermediate, from, to });
  const enterprise = await issue({ name: `CN=Công ty TNHH Ví Dụ, O=Công ty TNHH Ví Dụ, ${UID}=MST:${TEST_TAX_CODE}, C=VN`, keys: await ecKeys(), ...underIntermediate, from, to });
  const agency = await issue({ name: `CN=Trần Thị Bình, O=UBND tỉnh Bắc Ninh, ${UID}=CCCD:${TEST_OFFICER_ID}, C=VN`, keys: await ecKeys(), issuer: governmentRoot, crlUrl: crlUrl('government-root.crl'), from, to });
  const revoked = await issue({ name: citizenName('CCCD:001090001235', 'Lê Văn Cường'), keys: await ecKeys(), ...underIntermediate, from, to });
  const expired = await issue({ name: citizenName('CCCD:001090001236', 'Phạm Thị Dung'), keys: await ecKeys(), ...underIntermediate, from: new Date(now.getTime() - 400 * DAY), to: new Date(now.getTime() - 30 * DAY) });
  const notYetValid = await issue({ name: citizenName('CCCD:001090001237', 'Hoàng Văn Em'), keys: await ecKeys(), ...underIntermediate, from: new Date(now.getTime() + 30 * DAY), to });
  const wrongKeyUsage = await issue({ name: citizenName('CCCD:001090001238', 'Vũ Thị Giang'), keys: await ecKeys(), ...underIntermediate, usages: KeyUsageFlags.keyEncipherment, from, to });
  const untrusted = await issue({ name: citizenName(`CCCD:${TEST_CITIZEN_ID}`, 'Nguyễn Văn An'), keys: await ecKeys(), issuer: otherRoot, from, to });
  const subCa = await issue({ name: 'CN=Test Sub CA, O=DVC Kit Tests, C=VN', keys: await ecKeys(), ...underIntermediate, ca: {}, from, to: longer });
  const tooDeep = await issue({ name: citizenName('CCCD:001090001239', 'Đỗ Văn Hải'), keys: await ecKeys(), issuer: subCa, crlUrl: crlUrl('sub-ca.crl'), from, to });

  const week = new Date(now.getTime() + 7 * DAY);
  const crls = {
    'national-root.crl': await crlOf(nationalRoot, now, [], week),
    'intermediate.crl': await crlOf(intermediate, now, [revoked], week),
    'government-root.crl': await crlOf(governmentRoot, now, [], week),
  };
  return {
    now,
    crlBaseUrl,
    nationalRoot,
    intermediate,
    governmentRoot,
    otherRoot,
    citizen,
    enterprise,
    agency,
    revoked,
    expired,
    notYetValid,
    wrongKeyUsage,
    untrusted,
    subCa,
    tooDeep,
    crls,
    async writeFiles() {
      const folder = await mkdtemp(join(tmpdir(), 'dvc-test-ca-'));
      const write = async (name: string, data: string | Uint8Array) => {
        const path = join(folder, name);
        await writeFile(path, data);
        return path;
      };
      return {
        nationalRoot: await write('national-root.pem', nationalRoot.pem),
        governmentRoot: await write('government-root.pem', governmentRoot.pem),
        otherRoot: await write('other-root.pem', otherRoot.pem),
        crls: await Promise.all(Object.entries(crls).map(([name, crl]) => write(name, new Uint8Array(crl.rawData)))),
      };
    },
  };
}

/**
 * Signs bytes with a test certificate's key as a signing plugin would: RSA PKCS#1 v1.5 (or RSA-PSS with
 * a 32-byte salt) for an RSA key, ECDSA with SHA-256 (r‖s, as WebCrypto gives it) for an EC key.
 * @returns the signature, base64url.
 */
export async function signWith(signer: TestCertificate, bytes: Uint8Array, algorithm?: 'RSASSA-PKCS1-v1_5' | 'RSA-PSS' | 'ECDSA'): Promise<string> {
  const name = algorithm ?? (signer.keys.privateKey.algorithm.name === 'ECDSA' ? 'ECDSA' : 'RSASSA-PKCS1-v1_5');
  let key = signer.keys.privateKey;
  if (name === 'RSA-PSS') {
    const pkcs8 = await crypto.subtle.exportKey('pkcs8', key);
    key = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['sign']);
  }
  const params = name === 'ECDSA' ? { name, hash: 'SHA-256' } : name === 'RSA-PSS' ? { name, saltLength: 32 } : { name };
  return Buffer.from(await crypto.subtle.sign(params, key, Uint8Array.from(bytes))).toString('base64url');
}

/** A local HTTP server for CRLs: what is published is served; the rest answers 404. */
export interface CrlServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Requests received, by path. */
  readonly hits: Map<string, number>;
  /** Serves `crl` at `/<name>`. */
  publish(name: string, crl: X509Crl): void;
  /** Answers every request with 503 (`true`) or as published (`false`). */
  unavailable(down: boolean): void;
  close(): Promise<void>;
}

/** Starts a {@link CrlServer} on a free loopback port. */
export async function startCrlServer(): Promise<CrlServer> {
  const published = new Map<string, Uint8Array>();
  const hits = new Map<string, number>();
  let down = false;
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const body = published.get(path);
    if (down || !body) {
      response.writeHead(down ? 503 : 404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/pkix-crl', 'Content-Length': body.byteLength }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    publish: (name, crl) => published.set(`/${name}`, new Uint8Array(crl.rawData)),
    unavailable: (value) => {
      down = value;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
