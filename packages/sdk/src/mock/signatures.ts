import { CertificatePreviewSchema, StartSignatureChallengeSchema, CertificatePreviewRequestSchema, signedMessage, type CertificateDetails, type SignatureChallenge } from '../contract/signatures.js';
import type { SubjectType } from '../contract/common.js';
import { DevelopmentCertificateRequestSchema, type DevelopmentCertificate } from '../contract/development-certificates.js';
import type { ServiceProblemCode } from '../contract/problem-status.js';
import { normalizeIdNumber } from '../identity/id-number.js';
import type { RouteContext } from './route.js';

/** A challenge the mock issued. */
export interface MockSignatureChallenge {
  readonly challenge: SignatureChallenge;
  readonly clientId: string;
  /** Whether it was used up; set it to act out a challenge a signing flow used (`challenge_used`). */
  used: boolean;
}

const VALID_FROM = '2026-01-01T00:00:00.000Z';
const VALID_UNTIL = '2028-01-01T00:00:00.000Z';
const ISSUER = 'Mock Public CA';

/** What one mock certificate is: its details for a subject type, or the refusal it always gets. */
type MockCertificateOutcome = { readonly subjectType: SubjectType; readonly details: CertificateDetails } | { readonly refusal: ServiceProblemCode };

const marker = (name: string) => btoa(`dvc-kit-mock-certificate:${name}`);

/**
 * Fictional certificates the mock knows, as a signing plugin would send them (base64): three that pass
 * for their subject type — `citizen` (UID `CCCD:001090001234`), `enterprise` (`MST:0101234567`),
 * `agency` (an officer under the government CA) — and one for each refusal. Any other certificate is
 * `cert_untrusted`. Not X.509: the mock does not parse certificates.
 */
export const MOCK_SIGNATURE_CERTIFICATES = {
  citizen: marker('citizen'),
  enterprise: marker('enterprise'),
  agency: marker('agency'),
  expired: marker('expired'),
  notYetValid: marker('not-yet-valid'),
  revoked: marker('revoked'),
  wrongKeyUsage: marker('wrong-key-usage'),
  revocationUnavailable: marker('revocation-unavailable'),
} as const;

const OUTCOMES: ReadonlyMap<string, MockCertificateOutcome> = new Map<string, MockCertificateOutcome>([
  [MOCK_SIGNATURE_CERTIFICATES.citizen, { subjectType: 'citizen', details: { holder: 'Nguyễn Văn An', validFrom: VALID_FROM, validUntil: VALID_UNTIL, issuer: ISSUER, serialNumber: '1001', idNumber: '001090001234' } }],
  [MOCK_SIGNATURE_CERTIFICATES.enterprise, { subjectType: 'enterprise', details: { holder: 'Công ty TNHH Ví Dụ', organisation: 'Công ty TNHH Ví Dụ', validFrom: VALID_FROM, validUntil: VALID_UNTIL, issuer: ISSUER, serialNumber: '1002', taxCode: '0101234567' } }],
  [MOCK_SIGNATURE_CERTIFICATES.agency, { subjectType: 'agency', details: { holder: 'Trần Thị Bình', organisation: 'UBND tỉnh Bắc Ninh', validFrom: VALID_FROM, validUntil: VALID_UNTIL, issuer: 'Mock Government CA', serialNumber: '1003', idNumber: '079095004321' } }],
  [MOCK_SIGNATURE_CERTIFICATES.expired, { refusal: 'cert_expired' }],
  [MOCK_SIGNATURE_CERTIFICATES.notYetValid, { refusal: 'cert_not_yet_valid' }],
  [MOCK_SIGNATURE_CERTIFICATES.revoked, { refusal: 'cert_revoked' }],
  [MOCK_SIGNATURE_CERTIFICATES.wrongKeyUsage, { refusal: 'cert_key_usage' }],
  [MOCK_SIGNATURE_CERTIFICATES.revocationUnavailable, { refusal: 'revocation_unavailable' }],
]);

const CHALLENGE_SECONDS = 300;

function randomBase64url(bytes: number): string {
  const buffer = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...buffer)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `POST /v1/signature-challenges`, as the service answers it when it trusts CAs for every subject type. */
export function createSignatureChallenge(context: RouteContext): Response {
  const { scenario } = context;
  const parsed = StartSignatureChallengeSchema.safeParse(context.body);
  if (!parsed.success) return context.invalid(parsed.error.issues)!;
  const challengeId = scenario.nextId('sgc');
  const nonce = randomBase64url(32);
  const expiresAt = new Date(scenario.now() + CHALLENGE_SECONDS * 1000).toISOString();
  const bytes = signedMessage({ service: scenario.tokens.issuer, clientId: context.clientId, ...parsed.data, challengeId, nonce, expiresAt });
  const toBeSigned = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const challenge: SignatureChallenge = { challengeId, nonce, toBeSigned, ...parsed.data, expiresAt };
  scenario.signatureChallenges.set(challengeId, { challenge, clientId: context.clientId, used: false });
  return context.json(challenge, 201);
}

/**
 * @internal What a mock certificate says for a challenge's subject type, or the refusal it gets:
 * `cert_untrusted` for an unknown certificate or one of another subject type.
 */
export function mockCertificateOutcome(certificate: string, subjectType: SubjectType, developmentCertificates?: ReadonlyMap<string, CertificateDetails>): CertificateDetails | ServiceProblemCode {
  const key = certificate.trim();
  // The mock's fixed certificates, else one its development CA issued (`POST /dev/signature-certificates`).
  const outcome = OUTCOMES.get(key) ?? developmentOutcome(developmentCertificates?.get(key), subjectType);
  if (!outcome) return 'cert_untrusted';
  if ('refusal' in outcome) return outcome.refusal;
  if (outcome.subjectType === subjectType) return outcome.details;
  // As the service tells them apart: the government CA's certificate is another subject type's; a public
  // CA's citizen or enterprise certificate lacks the number the other is known by.
  if (outcome.subjectType === 'agency' || subjectType === 'agency') return 'cert_wrong_subject_type';
  return subjectType === 'enterprise' ? 'cert_no_tax_code' : 'cert_no_id_number';
}

/**
 * `POST /v1/signature-challenges/{id}/certificate`: `not_found` for another portal's or an unknown
 * challenge, `challenge_used` / `challenge_expired` by its state and the clock, then the certificate's
 * outcome from {@link MOCK_SIGNATURE_CERTIFICATES} or the mock's development CA
 * ({@link issueDevelopmentCertificate}; `cert_untrusted` for any other, or one of another subject
 * type), and `subject_mismatch` when `idNumber` / `taxCode` is not the certificate's.
 */
export function previewSignatureCertificate(context: RouteContext): Response {
  const { scenario } = context;
  const parsed = CertificatePreviewRequestSchema.safeParse(context.body);
  if (!parsed.success) return context.invalid(parsed.error.issues)!;
  const id = String(context.params.challengeId ?? '');
  const stored = scenario.signatureChallenges.get(id);
  if (!stored || stored.clientId !== context.clientId) return context.problem('not_found');
  if (stored.used) return context.problem('challenge_used');
  if (Date.parse(stored.challenge.expiresAt) <= scenario.now()) return context.problem('challenge_expired');
  const details = mockCertificateOutcome(parsed.data.certificate, stored.challenge.subjectType, scenario.developmentCertificates);
  if (typeof details === 'string') return context.problem(details);
  const { idNumber, taxCode } = parsed.data;
  if (idNumber !== undefined && (details.idNumber === undefined || normalizeIdNumber(idNumber) !== details.idNumber)) return context.problem('subject_mismatch');
  if (taxCode !== undefined && details.taxCode !== taxCode) return context.problem('subject_mismatch');
  return context.json(CertificatePreviewSchema.parse({ challengeId: id, subjectType: stored.challenge.subjectType, certificate: details }));
}

const DEVELOPMENT_CA = 'DVC Kit Development CA - NOT FOR PRODUCTION';
const DEVELOPMENT_CA_PEM = `-----BEGIN CERTIFICATE-----\n${marker('development-ca')}\n-----END CERTIFICATE-----\n`;

/**
 * A development certificate's outcome for a challenge's subject type: the development CA is trusted for
 * every subject type, but a citizen's or officer's certificate must carry an ID number
 * (`cert_no_id_number`) and an enterprise's a tax code (`cert_no_tax_code`), as the service requires.
 */
function developmentOutcome(details: CertificateDetails | undefined, subjectType: SubjectType): MockCertificateOutcome | undefined {
  if (!details) return undefined;
  if (subjectType === 'enterprise' && details.taxCode === undefined) return { refusal: 'cert_no_tax_code' };
  if (subjectType !== 'enterprise' && details.idNumber === undefined) return { refusal: 'cert_no_id_number' };
  return { subjectType, details };
}

/** `GET /dev/signature-ca`, as a development service with its development CA answers it: the CA, PEM (fictional, not X.509). */
export function developmentCaCertificate(): Response {
  return new Response(DEVELOPMENT_CA_PEM, { headers: { 'Content-Type': 'application/x-pem-file', 'Access-Control-Allow-Origin': '*' } });
}

/**
 * `POST /dev/signature-certificates`, as a development service with its development CA
 * (`signatures.developmentCa`) answers it: a fictional certificate (not X.509; the public key is not
 * read) saying what the body says, which the mock's previews then accept for every subject type — so
 * the SDK's `DevelopmentSigner.fromService` works against the mock. An ID number and a tax code together
 * are refused on `taxCode`, as the service does.
 */
export function issueDevelopmentCertificate(context: RouteContext): Response {
  const { scenario } = context;
  const parsed = DevelopmentCertificateRequestSchema.safeParse(context.body);
  if (!parsed.success) return context.invalid(parsed.error.issues)!;
  const { holder, organisation, idNumber, taxCode } = parsed.data;
  if (idNumber !== undefined && taxCode !== undefined) {
    return context.problem('validation_failed', { fieldErrors: [{ field: 'taxCode', code: 'invalid_type' }] });
  }
  const serialNumber = (0x1000 + scenario.developmentCertificates.size).toString(16).padStart(8, '0');
  const certificate = marker(`development:${serialNumber}`);
  const validFrom = new Date(scenario.now() - 5 * 60_000).toISOString();
  const validUntil = new Date(scenario.now() + 365 * 86_400_000).toISOString();
  scenario.developmentCertificates.set(certificate, {
    holder,
    ...(organisation !== undefined ? { organisation } : {}),
    validFrom,
    validUntil,
    issuer: DEVELOPMENT_CA,
    serialNumber,
    ...(idNumber !== undefined ? { idNumber: normalizeIdNumber(idNumber) } : {}),
    ...(taxCode !== undefined ? { taxCode } : {}),
  });
  const body: DevelopmentCertificate = { certificate, issuer: DEVELOPMENT_CA_PEM, validFrom, validUntil, serialNumber };
  return context.json(body, 201);
}

/**
 * What the mock's passing certificate of a subject type says (the one a mock signing provider signs
 * with): `citizen`, `enterprise` or `agency` of {@link MOCK_SIGNATURE_CERTIFICATES}.
 */
export function mockCertificateDetails(subjectType: SubjectType): CertificateDetails {
  const outcome = OUTCOMES.get(MOCK_SIGNATURE_CERTIFICATES[subjectType])!;
  return 'details' in outcome ? outcome.details : { holder: '', validFrom: VALID_FROM, validUntil: VALID_UNTIL, issuer: ISSUER, serialNumber: '0' };
}
