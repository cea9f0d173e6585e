import { html, type TemplateResult } from 'lit';
import type { DvcClientCore } from '@dvc-kit/sdk';
import { DvcPhoneRecovery, PHONE_RECOVERY_PARTS } from '../phone-recovery/phone-recovery.js';
import { DvcRecovery, RECOVERY_PARTS } from '../recovery/recovery.js';
import type { Clock } from './clock.js';
import { definePart } from './define-part.js';

/** What a flow opened in place inside `<dvc-login>` takes from it. */
export interface InPlaceHost {
  readonly calls: { readonly client: DvcClientCore | undefined };
  readonly clock: Clock;
}

/**
 * "Quên mật khẩu" (`recovery`) or "Mất số điện thoại nhận OTP" (`lostPhone`) opened in place by
 * `<dvc-login>`: the flow's element with the sign-in's client and clock, starting from the ID number typed
 * so far, its parts exported as the sign-in's, and "Quay lại đăng nhập" as a button that calls `close`.
 * With the later steps, so the sign-in's core does not carry it.
 */
export function renderInPlace(flow: 'recovery' | 'lostPhone', host: InPlaceHost, idNumber: string, close: (event: Event) => void): TemplateResult {
  if (flow === 'recovery') {
    definePart('dvc-recovery', DvcRecovery);
    return html`<dvc-recovery
      autofocus
      back-to-sign-in
      .client=${host.calls.client}
      .clock=${host.clock}
      .idNumber=${idNumber}
      exportparts=${RECOVERY_PARTS}
      @dvc-sign-in-requested=${close}
    ></dvc-recovery>`;
  }
  definePart('dvc-phone-recovery', DvcPhoneRecovery);
  return html`<dvc-phone-recovery
    autofocus
    back-to-sign-in
    .client=${host.calls.client}
    .clock=${host.clock}
    .idNumber=${idNumber}
    exportparts=${PHONE_RECOVERY_PARTS}
    @dvc-sign-in-requested=${close}
  ></dvc-phone-recovery>`;
}
