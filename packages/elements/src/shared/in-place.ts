import { html, type TemplateResult } from 'lit';
import type { DvcClientCore } from '@dvc-kit/sdk';
import { DvcPhoneRecovery } from '../phone-recovery/phone-recovery.js';
import { DvcRecovery } from '../recovery/recovery.js';
import type { Clock } from './clock.js';
import { definePart } from './define-part.js';

/** What a flow opened in place inside `<dvc-login>` takes from it. */
export interface InPlaceHost {
  readonly calls: { readonly client: DvcClientCore | undefined };
  readonly clock: Clock;
}

/**
 * The parts of `<dvc-recovery>` and `<dvc-phone-recovery>` (one list for both: a part the flow does not
 * have is not exported) that `<dvc-login>` exports as its own when it opens one in place.
 */
const PARTS =
  'heading, caption, hint, error-summary, error-summary-link, link, done, counter, progress, expiry-warning, checkbox, status, form, lead, field, label, input, error, countdown, button, button-secondary, resend-countdown, toggle, checklist, rule, rule-met, rule-unmet, warning';

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
      exportparts=${PARTS}
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
    exportparts=${PARTS}
    @dvc-sign-in-requested=${close}
  ></dvc-phone-recovery>`;
}
