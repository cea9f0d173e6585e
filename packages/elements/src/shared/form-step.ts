import { html, nothing, type TemplateResult } from 'lit';
import type { DvcClientCore, ServiceConfig } from '@dvc-kit/sdk';
import { DvcHumanCheck } from '../human-check/human-check.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { definePart } from './define-part.js';

/** What a form step (sign-in credentials, registration details) needs from the widget around it. */
export interface FormStepView {
  readonly t: Catalogue;
  readonly config: ServiceConfig;
  readonly client: DvcClientCore | undefined;
  readonly busy: boolean;
  readonly heading: TemplateResult;
  readonly summary: TemplateResult | typeof nothing;
  /** The error text of a field (by request body name), if any. */
  readonly error: (field: string) => string | undefined;
  readonly onSubmit: (event: SubmitEvent) => void;
}

/** The `<dvc-human-check>` of a form step, with its error, when the service asks for one. */
export function humanCheckField(view: Pick<FormStepView, 'config' | 'client' | 'error'>): TemplateResult | typeof nothing {
  if (!view.config.humanCheck.required) return nothing;
  definePart('dvc-human-check', DvcHumanCheck);
  return html`<dvc-human-check id="human-check" .client=${view.client} .error=${view.error('humanCheck')} exportparts="field,checkbox,label,status,error"></dvc-human-check>`;
}
