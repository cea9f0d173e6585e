import { maskIdNumber, type Account } from '@dvc-kit/sdk';
import type { AccountRecord } from '../store/accounts.js';

/**
 * An account as the citizen and the portal see it: never the full ID number, phone or hash. Every ID
 * number it signs in with is shown masked (`idNumbersMasked`), the registered one first.
 */
export function accountView(account: AccountRecord): Account {
  return {
    sub: account.sub,
    fullName: account.fullName,
    idNumberMasked: maskIdNumber(account.idNumber),
    idNumbersMasked: [account.idNumber, ...(account.idNumberAliases ?? [])].map(maskIdNumber),
    subjectType: account.subjectType,
    ial: account.ial,
    verificationMethod: account.verificationMethod,
    createdAt: account.createdAt.toISOString(),
  };
}
