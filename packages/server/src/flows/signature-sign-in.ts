import { authenticationOf, normalizeIdNumber } from '@dvc-kit/sdk';
import type { SignatureProof, SignedIn } from '@dvc-kit/sdk/contract';
import type { AppDeps } from '../app-deps.js';
import { ProblemError } from '../http/problem.js';
import { hashRefreshToken } from '../tokens/refresh-token.js';
import { NOTHING_ALONGSIDE, type Caller, type StepCommit } from './caller.js';
import { takeSignInAttempt } from './sign-in-address-limit.js';
import { newSession } from './sign-in-session.js';
import { organisationName } from './registration/organisation-name.js';
import { proofSubjectType, requireSignatureFlow, verifyProof } from './signature-proof.js';

/**
 * Sign-in with a USB token ("Đăng nhập bằng USB ký số"): the citizen signs a `sign_in` challenge; the
 * signature and the certificate's path are verified and the challenge used up
 * (`verifySignedChallenge`); the account is the one whose ID number the certificate carries (its
 * registered number or an added CCCD). The session is AAL3 without a password or SMS code
 * (`authenticationOf('usb_token')`: `amr` `hwk sc pin mfa`).
 *
 * By SIM signature or remote signing the citizen signed on the phone instead: the body names the
 * signed request (`signatureRequestId`), verified with `verifySignatureRequest` — the same checks —
 * and the session's authentication is the request's method (`sim_signature`: AAL3, `hwk sc pin mfa`;
 * `remote_signing`: AAL2, `swk mca mfa`). A request not signed yet, refused or timed out is its own
 * problem, with or without an account.
 *
 * Enterprises and agency officers sign in the same way: the challenge's subject type says which
 * account the certificate names — an enterprise's by the tax code it carries, an officer's by the ID
 * number among agency accounts (never the same person's citizen account, nor the other way round). Their
 * organisation follows the newest certificate: a sign-in with a certificate naming another (a renamed
 * enterprise, an officer moved to another agency) records it.
 *
 * No enumeration: every check of the signature and the certificate comes first and answers the same
 * whether or not an account exists; a valid certificate whose number has no account gets 401
 * `invalid_credentials`, the answer to a wrong password. Each attempt counts against the caller's
 * address (`limits.signInAttempts`, with password sign-ins) before anything is verified; a sign-in
 * gives its attempt back.
 */
export const signatureSignIn = {
  /**
   * @throws {SignatureError} the signature's and certificate's refusals (the edge maps them).
   * @throws {SigningRequestError} a request that is not signed, or not this portal's.
   * @throws {ProblemError} `not_found` / `validation_failed` when not offered, `too_many_attempts`, `invalid_credentials`.
   */
  async signIn(deps: AppDeps, caller: Caller, proof: SignatureProof, commit: StepCommit<SignedIn> = NOTHING_ALONGSIDE): Promise<SignedIn> {
    const { store, log } = deps;
    const subjectType = await proofSubjectType(store, proof, caller.client.id);
    requireSignatureFlow(deps, proof, subjectType);
    const attempt = await takeSignInAttempt(deps, caller.address);
    const { certificate, method } = await verifyProof(deps, store, proof, { operation: 'sign_in', clientId: caller.client.id, subjectType });
    // The certificate carries the number its subject type is known by (`inspect` refuses it otherwise).
    const number = subjectType === 'enterprise' ? (certificate.details.taxCode ?? '') : normalizeIdNumber(certificate.details.idNumber ?? '');
    let account = number ? await store.accounts.findByHolder(subjectType, number) : undefined;
    if (!account || account.subjectType !== subjectType) {
      log.info('sign_in.signature_no_account', { client: caller.client.id, id: log.hash('id', number), subjectType });
      throw new ProblemError('invalid_credentials');
    }
    await attempt.giveBack();
    const organisation = subjectType === 'citizen' ? undefined : organisationName(subjectType === 'enterprise' ? (certificate.details.organisation ?? certificate.details.holder) : certificate.details.organisation);
    if (organisation !== undefined && organisation !== account.organisationName && (await store.accounts.replaceOrganisationName(account.sub, organisation))) {
      account = { ...account, organisationName: organisation, ...(subjectType === 'enterprise' ? { fullName: organisation } : {}) };
    }
    const authentication = authenticationOf(method);
    const { session, refreshToken, result } = await newSession(deps, account, caller.client.id, authentication);
    await store.transaction(async (tx) => {
      await tx.sessions.create(session, hashRefreshToken(refreshToken));
      await commit.alongside(tx, result);
    });
    log.info('sign_in.completed', { client: caller.client.id, sub: account.sub, sid: session.id, amr: authentication.amr.join(' ') });
    return result;
  },
};
