import type { Account, ServiceConfig } from '@dvc-kit/sdk';
import type { CertificateDetails, SignatureChallenge, SignatureMethod } from '@dvc-kit/sdk/contract';
import type { SignerCertificate } from '@dvc-kit/sdk/signer';
import { flowTransition, type FlowEvent } from '../shared/flow-machine.js';
import type { RemoteMethod, SignatureState } from './state.js';

/** What moves `<dvc-signature>` from one step to the next, besides the {@link FlowEvent}s every flow has. */
export type SignatureEvent =
  | FlowEvent
  | { readonly type: 'chosen'; readonly method: SignatureMethod }
  /** Back to the choice of method (only when there is one to make). */
  | { readonly type: 'methods' }
  | { readonly type: 'listed'; readonly certificates: readonly SignerCertificate[] }
  | { readonly type: 'previewed'; readonly certificate: SignerCertificate; readonly challenge: SignatureChallenge; readonly preview: CertificateDetails }
  /** From `confirm` back to the certificates, from `waiting` back to the holder: a refusal, a cancellation, a try again. */
  | { readonly type: 'back' }
  | { readonly type: 'started'; readonly requestId: string; readonly expiresAt: number; readonly pollAt: number }
  | { readonly type: 'polled'; readonly pollAt: number }
  | { readonly type: 'signed'; readonly account: Account };

/** The first step of a method. */
function startOf(config: ServiceConfig, methods: readonly SignatureMethod[], method: SignatureMethod): SignatureState {
  return method === 'usb_token' ? { step: 'token', config, methods } : { step: 'holder', config, methods, method: method as RemoteMethod };
}

/**
 * The signature's state machine as one pure function: `loading → choose` (or straight to the one method
 * offered) `→ token → confirm → done` or `→ holder → waiting → done`; `back` from `confirm` and `waiting`,
 * `methods` back to the choice, `error` from anywhere, `loading` again on a restart. `offered` says which
 * methods a configuration offers this widget. An event that does not apply to the step on screen leaves
 * the state as it is.
 */
export function signatureTransition(state: SignatureState, event: SignatureEvent, offered: (config: ServiceConfig) => readonly SignatureMethod[]): SignatureState {
  const common = flowTransition(state, event, (config): SignatureState => {
    const methods = offered(config);
    return methods.length === 1 ? startOf(config, methods, methods[0]!) : { step: 'choose', config, methods };
  });
  if (common) return common;
  if (!('config' in state)) return state;
  const { step, config, methods } = state;
  switch (event.type) {
    case 'chosen':
      return step === 'choose' && methods.includes(event.method) ? startOf(config, methods, event.method) : state;
    case 'methods':
      return methods.length > 1 && step !== 'done' ? { step: 'choose', config, methods } : state;
    case 'listed':
      return step === 'token' ? { ...state, certificates: event.certificates } : state;
    case 'previewed':
      return step === 'token' && state.certificates ? { step: 'confirm', config, methods, certificates: state.certificates, certificate: event.certificate, challenge: event.challenge, preview: event.preview } : state;
    case 'back':
      if (step === 'confirm') return { step: 'token', config, methods, certificates: state.certificates };
      return step === 'waiting' ? { step: 'holder', config, methods, method: state.method } : state;
    case 'started':
      return step === 'holder' ? { step: 'waiting', config, methods, method: state.method, requestId: event.requestId, expiresAt: event.expiresAt, pollAt: event.pollAt } : state;
    case 'polled':
      return step === 'waiting' ? { ...state, pollAt: event.pollAt } : state;
    case 'signed':
      return step === 'confirm' || step === 'waiting' ? { step: 'done', config, methods, account: event.account } : state;
  }
  return state;
}
