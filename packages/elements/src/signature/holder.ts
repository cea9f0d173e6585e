import { parsePhone } from '@dvc-kit/sdk';
import type { SigningHolder } from '@dvc-kit/sdk/contract';
import type { FieldProblem } from '../shared/feedback.js';
import type { RemoteMethod } from './state.js';

/**
 * Whom the provider asks, read from the holder step's field with the SDK's checks: for a SIM signature
 * the SIM's phone (E.164); for remote signing an ID number (digits) or the account at the provider.
 * The field's problem when it cannot be read.
 */
export function readHolder(text: string, method: RemoteMethod): { readonly holder: SigningHolder } | { readonly problem: FieldProblem } {
  if (method === 'sim_signature') {
    const phone = parsePhone(text);
    return phone.ok ? { holder: { phone: phone.e164 } } : { problem: phone };
  }
  if (!text) return { problem: { rule: 'required' } };
  return { holder: /^\d+$/.test(text) ? { idNumber: text } : { account: text } };
}
