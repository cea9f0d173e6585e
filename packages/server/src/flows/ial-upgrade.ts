import { randomUUID } from 'node:crypto';
import { identityAssuranceOf, normalizeIdNumber } from '@dvc-kit/sdk';
import type { AssuranceUpgraded, SignatureProof } from '@dvc-kit/sdk/contract';
import type { AppDeps } from '../app-deps.js';
import { ProblemError } from '../http/problem.js';
import { SignatureError } from '../signatures/errors.js';
import type { AccountHolder } from './account-changes.js';
import { requireCitizen } from './account-holder.js';
import { accountView } from './account-view.js';
import type { Caller } from './caller.js';
import { requireSignatureFlow, verifyProof } from './signature-proof.js';

/**
 * The upgrade of a signed-in citizen's account to IAL3 by signing ("nâng mức xác minh"): an `upgrade`
 * challenge signed with a certificate that carries one of the account's ID numbers (the registered one,
 * or the CCCD added to a CMND account). The account's level and method change in one conditional
 * statement (of parallel upgrades, one wins), recorded in the account's assurance history with the
 * certificate's serial number and issuer and the portal, in the same transaction.
 *
 * Every portal sees it at once: `GET /v1/session/assurance` reads the account; tokens carry it from the
 * next refresh. The session's own AAL does not change — signing here proves who the account is, not
 * how this session signed in.
 *
 * The signature is a signed challenge (USB token) or a signed SIM-signature or remote-signing request
 * (`verifySignatureRequest`); the account's `verificationMethod` becomes the method it came by.
 */
export const ialUpgrade = {
  /**
   * @throws {SignatureError} the signature's and certificate's refusals, `subject_mismatch` for another person's certificate.
   * @throws {SigningRequestError} a request that is not signed, or not this portal's.
   * @throws {ProblemError} `not_found` / `validation_failed` when not offered, `already_ial3`.
   */
  async upgrade(deps: AppDeps, caller: Caller, holder: AccountHolder, proof: SignatureProof): Promise<AssuranceUpgraded> {
    const { store, clock, log } = deps;
    const { account } = holder;
    requireSignatureFlow(deps, proof, account.subjectType);
    if (account.ial >= 3) throw new ProblemError('already_ial3');
    // Enterprises and agency officers register at IAL3: only a citizen's account has a level to raise.
    requireCitizen(account);
    const numbers = [account.idNumber, ...(account.idNumberAliases ?? [])];
    // With one number the certificate is held to it before the challenge is used; with two, after.
    const { certificate, challenge, method } = await verifyProof(deps, store, proof, {
      operation: 'upgrade',
      clientId: caller.client.id,
      subjectType: account.subjectType,
      idNumber: numbers.length === 1 ? account.idNumber : undefined,
    });
    if (!numbers.includes(normalizeIdNumber(certificate.details.idNumber ?? ''))) throw new SignatureError('subject_mismatch');
    const target = identityAssuranceOf(method);
    const previous = { ial: account.ial, verificationMethod: account.verificationMethod };
    const now = clock();
    await store.transaction(async (tx) => {
      if (!(await tx.accounts.raiseIal(account.sub, previous, { ial: target.ial, verificationMethod: target.method }))) throw new ProblemError('already_ial3');
      await tx.assuranceHistory.add({
        id: randomUUID(),
        accountSub: account.sub,
        at: now,
        event: 'upgraded',
        from: previous,
        to: { ial: target.ial, verificationMethod: target.method },
        clientId: caller.client.id,
        certificate: { serialNumber: certificate.details.serialNumber, issuer: certificate.details.issuer },
        challengeId: challenge.id,
      });
    });
    log.info('assurance.upgraded', { client: caller.client.id, sub: account.sub, from: account.ial, to: target.ial, method: target.method });
    const upgraded = { ...account, ial: target.ial, verificationMethod: target.method };
    return { account: accountView(upgraded), previous, upgradedAt: now.toISOString() };
  },
};
