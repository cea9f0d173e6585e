import { html, type nothing, type TemplateResult } from 'lit';
import { DvcMethodPicker, type MethodSelectDetail, type SubjectTypeOffer } from '../method-picker/method-picker.js';
import { definePart } from '../shared/define-part.js';
import type { FieldTarget } from '../shared/controllers/feedback-controller.js';

/** What the method step needs from the widget around it. */
export interface MethodStepView {
  readonly heading: TemplateResult;
  readonly summary: (targets: readonly FieldTarget[]) => TemplateResult | typeof nothing;
  readonly choices: readonly SubjectTypeOffer[];
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
      .choices=${view.choices}
      .error=${view.error}
      exportparts="form, fieldset, legend, group, radio, label, hint, error, button"
      @dvc-method-select=${(event: CustomEvent<MethodSelectDetail>) => view.onSelect(event.detail)}
    ></dvc-method-picker>`;
}
