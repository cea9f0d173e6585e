import type { Account } from '@dvc-kit/sdk';
import type { AccountRecord } from '../store/accounts.js';

/**
 * An ID number as shown on screen: the first three and last three digits, e.g. `001******234`.
 * (The SDK masks phones but not ID numbers yet; this is the service's own rule until it does.)
 */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 6) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 3)}${'*'.repeat(idNumber.length - 6)}${idNumber.slice(-3)}`;
}

/** An account as the citizen and the portal see it: never the full ID number, phone or hash. */
export function accountView(account: AccountRecord): Account {
  return {
    sub: account.sub,
    fullName: account.fullName,
    idNumberMasked: maskIdNumber(account.idNumber),
    subjectType: account.subjectType,
    ial: account.ial,
    verificationMethod: account.verificationMethod,
    createdAt: account.createdAt.toISOString(),
  };
}
