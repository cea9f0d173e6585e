import { parseBirthDate, parseFullName, parseIdNumber, parsePhone } from '@dvc-kit/sdk';
import { registrationProofOf, type RegistrationStarted, type SignatureMethod, type SignatureProof, type SubjectType } from '@dvc-kit/sdk/contract';
import type { CertificateDetails, StartSignatureRegistrationSchema } from '@dvc-kit/sdk/contract';
import type { FieldRule } from '@dvc-kit/sdk';
import type * as z from 'zod/mini';
import type { AppDeps } from '../../app-deps.js';
import { ProblemError } from '../../http/problem.js';
import { SigningRequestError } from '../../signatures/providers/errors.js';
import type { Caller } from '../caller.js';
import { requireCurrentConsent } from '../consent.js';
import { newCodeFlow, requireHumanCheck, startCodeFlow } from '../steps.js';
import { requireSignatureFlow, verifyProof } from '../signature-proof.js';
import { organisationName } from './organisation-name.js';
import { REGISTRATION_LIFETIME_SECONDS } from './registration.js';

/** A start of registration by signature whose details were normalised and checked. */
export interface SignatureRegistrationStart {
  readonly subjectType: SubjectType;
  /** The number the account will be known by: a citizen's or officer's normalised ID number, an enterprise's tax code. */
  readonly idNumber: string;
  /** `yyyy-mm-dd`, a citizen's; `null` for an enterprise or an agency officer. */
  readonly birthDate: string | null;
  /** E.164. */
  readonly phone: string;
  readonly email: string | null;
  readonly consentVersion: string;
  readonly humanCheck: string | undefined;
  /** `usb_token`, or the method of the signed request. */
  readonly method: SignatureMethod;
  readonly proof: SignatureProof;
}

/**
 * Registration at IAL3 with a USB token ("USB ký số"), citizens: the first step of a registration whose
 * proof is a signature instead of a register's record. The citizen types the ID number, and the
 * certificate's UID must carry that number (`subject_mismatch` otherwise); the account's name is the
 * certificate's holder, as the national portal shows it "from the USB token".
 *
 * Unlike the national portal, the account still gets a phone verified by a code and a password: in DVC
 * Kit one account serves every portal, and the phone is where its codes and security notices go (a
 * password or phone change, a lost phone), and the password with a code is the way in when the token is
 * not at hand (AAL2). So after this step the registration goes on as every other —
 * `POST /v1/registrations/{id}/otp/verify`, then `…/password` — and the account is made at IAL3 with
 * `verificationMethod: "usb_token"`, its certificate (serial, issuer) in the account's assurance history.
 * An ID number with an account is told so after the code, as in every registration.
 *
 * By SIM signature or remote signing ("SIM ký số", a SmartCA-style service) the citizen signed on the
 * phone: the body names the signed request of a `register` challenge (`signatureRequestId`) and its
 * `method`, verified with `verifySignatureRequest` — the same checks — and the account is made with
 * `verificationMethod` that method.
 *
 * An enterprise registers the same way by its tax code: the certificate must carry that code (`MST:`;
 * `cert_no_tax_code` when it carries none), the account is named by the certificate's organisation (O,
 * else CN) and keyed by the code — one account per tax code, told `account_exists` after the code as
 * a citizen is. An agency officer registers by the officer's ID number under the government CA's
 * anchors: a work account apart from the person's citizen account, its agency the certificate's O.
 */
export const signatureRegistration = {
  /**
   * Normalises and checks the details before anything is counted, verified or stored.
   * @throws {ProblemError} `not_found` / `validation_failed` (`method_not_offered`, `consent_required`, the identifiers' rules).
   */
  prepare(deps: AppDeps, data: z.infer<typeof StartSignatureRegistrationSchema>): SignatureRegistrationStart {
    const proof = registrationProofOf(data);
    requireSignatureFlow(deps, proof, data.subjectType, data.method);
    const phone = parsePhone(data.phone);
    // The contract's fields and subject-type check already refused anything these refuse.
    let key: string;
    let birthDate: string | null = null;
    if (data.subjectType === 'enterprise') {
      if (data.taxCode === undefined) throw new ProblemError('validation_failed', { errors: [{ field: 'taxCode', code: 'required' }] });
      key = data.taxCode;
    } else {
      const idNumber = parseIdNumber(data.idNumber ?? '');
      if (!idNumber.ok) throw new ProblemError('validation_failed', { errors: [{ field: 'idNumber', code: idNumber.rule }] });
      key = idNumber.value;
      if (data.subjectType === 'citizen') {
        const born = parseBirthDate(data.birthDate ?? '');
        if (!born.ok) throw new ProblemError('validation_failed', { errors: [{ field: 'birthDate', code: born.rule }] });
        birthDate = born.iso;
      }
    }
    if (!phone.ok) throw new ProblemError('validation_failed');
    requireCurrentConsent(deps.config, data.consentVersion);
    return {
      subjectType: data.subjectType,
      idNumber: key,
      birthDate,
      phone: phone.e164,
      email: data.email?.trim() || null,
      consentVersion: data.consentVersion,
      humanCheck: data.humanCheck,
      method: data.method,
      proof,
    };
  },

  /**
   * Spends the human check, verifies the signed `register` challenge against the typed ID number
   * (using the challenge up), stores the registration flow and sends the first code.
   * @throws {SignatureError} the signature's and certificate's refusals (the edge maps them).
   * @throws {ProblemError} `human_check_failed`, `validation_failed` (a holder name that is no name), the code's send problems.
   */
  async start(deps: AppDeps, caller: Caller, start: SignatureRegistrationStart, options: { takenOver?: boolean } = {}): Promise<RegistrationStarted> {
    const { codes, log } = deps;
    await requireHumanCheck(deps, start.humanCheck, { spentByThisRequest: options.takenOver ?? false });
    if ('requestId' in start.proof) {
      const request = await deps.store.signingRequests.find(start.proof.requestId, caller.client.id);
      if (!request) throw new SigningRequestError('request_not_found');
      if (request.method !== start.method) throw new ProblemError('validation_failed', { errors: [{ field: 'method', code: 'method_mismatch' }] });
    }
    const enterprise = start.subjectType === 'enterprise';
    const { certificate, challenge } = await verifyProof(deps, deps.store, start.proof, {
      operation: 'register',
      clientId: caller.client.id,
      subjectType: start.subjectType,
      ...(enterprise ? { taxCode: start.idNumber } : { idNumber: start.idNumber }),
    });
    const names = namesOf(start.subjectType, certificate.details);
    if (!names.ok) throw new ProblemError('validation_failed', { errors: [{ field: 'requestId' in start.proof ? 'signatureRequestId' : 'signature.certificate', code: names.rule }] });
    const flow = newCodeFlow(deps, caller, REGISTRATION_LIFETIME_SECONDS, {
      kind: 'registration',
      idNumber: start.idNumber,
      phone: start.phone,
      details: {
        method: start.method,
        subjectType: start.subjectType,
        ...(enterprise ? { taxCode: start.idNumber } : {}),
        ...(names.organisation !== undefined ? { organisationName: names.organisation } : {}),
        fullName: names.fullName,
        birthDate: start.birthDate,
        email: start.email,
        consentVersion: start.consentVersion,
        consentAt: deps.clock().toISOString(),
        certificate: { serialNumber: certificate.details.serialNumber, issuer: certificate.details.issuer },
        challengeId: challenge.id,
      },
      accountSub: null,
    });
    const issued = await startCodeFlow(deps, caller, flow);
    log.info('registration.started', { client: flow.clientId, id: log.hash('id', flow.idNumber), method: start.method, subjectType: start.subjectType });
    return { registrationId: flow.id, otp: codes.view(issued.challenge) };
  },
};

type Names = { ok: true; fullName: string; organisation?: string } | { ok: false; rule: FieldRule };

/**
 * The account's names from its certificate: a citizen's or officer's full name from CN (an officer's
 * agency from O, which a government CA's certificate carries); an enterprise's organisation from O,
 * else CN (Vietnamese enterprise certificates carry the company in one or both), which is its name too.
 */
function namesOf(subjectType: SubjectType, details: CertificateDetails): Names {
  const organisation = organisationName(subjectType === 'enterprise' ? (details.organisation ?? details.holder) : details.organisation);
  if (subjectType !== 'citizen' && organisation === undefined) return { ok: false, rule: 'required' };
  if (subjectType === 'enterprise') return { ok: true, fullName: organisation!, organisation: organisation! };
  const fullName = parseFullName(details.holder);
  if (!fullName.ok) return { ok: false, rule: fullName.rule as FieldRule };
  return { ok: true, fullName: fullName.value, ...(organisation !== undefined && subjectType === 'agency' ? { organisation } : {}) };
}
