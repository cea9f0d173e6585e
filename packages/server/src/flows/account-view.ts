import { maskEmail, maskIdNumber, maskPhone, type Account, type AccountDetails } from '@dvc-kit/sdk';
import type { AccountRecord } from '../store/accounts.js';
import { accountNumber } from './account-holder.js';

/**
 * An account as the citizen and the portal see it: never the full ID number, phone or hash. Every ID
 * number it signs in with is shown masked (`idNumbersMasked`), the registered one first.
 */
export function accountView(account: AccountRecord): Account {
  const known = account.idNumber === null ? [accountNumber(account)] : [account.idNumber, ...(account.idNumberAliases ?? [])].map(maskIdNumber);
  return {
    sub: account.sub,
    fullName: account.fullName,
    idNumberMasked: known[0]!,
    idNumbersMasked: known,
    subjectType: account.subjectType,
    ...(account.organisationName ? { organisationName: account.organisationName } : {}),
    ...(account.taxCode ? { taxCode: account.taxCode } : {}),
    ial: account.ial,
    verificationMethod: account.verificationMethod,
    createdAt: account.createdAt.toISOString(),
  };
}

/**
 * The signed-in account as its account page shows it (`GET /v1/userinfo`): {@link accountView} plus
 * the phone and email masked with the SDK's masks, the kind of number it registered with, whether its
 * holder may add a CCCD (a CMND account without one: the rule `accounts.addCccd` keeps), and whether
 * it keeps a BHXH code — never the code, the full phone or email.
 */
export function accountDetailsView(account: AccountRecord): AccountDetails {
  const cmnd = account.idNumber?.length === 9;
  return {
    ...accountView(account),
    phoneMasked: maskPhone(account.phone),
    ...(account.email ? { emailMasked: maskEmail(account.email) } : {}),
    idNumberKind: account.idNumber === null ? 'mst' : cmnd ? 'cmnd' : 'cccd',
    canAddCccd: account.subjectType === 'citizen' && cmnd && (account.idNumberAliases ?? []).length === 0,
    hasBhxhCode: Boolean(account.bhxhCode),
  };
}
