import { html, type nothing, type TemplateResult } from 'lit';
import type { ServiceConfig, VerificationMethod } from '@dvc-kit/sdk';
import { DvcMethodPicker, type MethodSelectDetail } from '../method-picker/method-picker.js';
import { definePart } from '../shared/define-part.js';
import type { FieldTarget } from '../shared/controllers/feedback-controller.js';

/** Verification methods this widget can take a citizen through. */
const SUPPORTED_METHODS: ReadonlySet<string> = new Set<VerificationMethod>(['mobile']);

/** The methods the configuration lists that this widget can take a citizen through. */
export function offeredMethods(config: ServiceConfig): VerificationMethod[] {
  return config.registrationMethods.filter((m): m is VerificationMethod => SUPPORTED_METHODS.has(m));
}

/** What the method step needs from the widget around it. */
export interface MethodStepView {
  readonly heading: TemplateResult;
  readonly summary: (targets: readonly FieldTarget[]) => TemplateResult | typeof nothing;
  readonly methods: readonly VerificationMethod[];
  readonly error: string | undefined;
  readonly onSelect: (detail: MethodSelectDetail) => void;
  readonly root: () => HTMLElement | DocumentFragment;
}

/** Step 1 of registration: who registers and the verification method, from `<dvc-method-picker>`. */
export function renderMethodStep(view: MethodStepView): TemplateResult {
  definePart('dvc-method-picker', DvcMethodPicker);
  const focus = () => view.root().querySelector<HTMLElement & { focusMethod(): void }>('dvc-method-picker')?.focusMethod();
  return html`${view.heading} ${view.summary([{ name: 'method', id: 'method-picker', label: 'methodLegend', focus }])}
    <dvc-method-picker
      id="method-picker"
      .methods=${view.methods}
      .error=${view.error}
      exportparts="form, fieldset, legend, radio, label, hint, error, button"
      @dvc-method-select=${(event: CustomEvent<MethodSelectDetail>) => view.onSelect(event.detail)}
    ></dvc-method-picker>`;
}
