import { maskIdNumber, type Account } from '@dvc-kit/sdk';
import type { AccountRecord } from '../store/accounts.js';

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
