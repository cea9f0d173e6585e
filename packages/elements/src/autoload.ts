/**
 * The self-contained bundle's entry (`bundle.js`): it defines each DVC Kit tag when the tag first appears
 * on the page, fetching that element's module (a chunk beside `bundle.js`) only then. A page that shows
 * only `<dvc-login>` loads the sign-in widget and what it renders, not registration. The tags, attributes,
 * properties and events are those of `define.js`; a property set before the element's module arrives is
 * taken up when it does (Lit keeps it).
 *
 * Tags are found in the document when the bundle runs and whenever nodes are added later. A widget
 * placed inside another component's shadow root is not seen: define it with {@link loadElement}, or
 * import `@dvc-kit/elements/define.js` in a bundler.
 *
 * @example
 * ```html
 * <script type="module" src="/vendor/dvc-elements.js"></script>
 * <dvc-login service="https://id.example.gov.vn" client-id="provincial-portal"></dvc-login>
 * ```
 * @module
 */

import { DvcHumanCheck } from './human-check/human-check.js';
import { DvcLogin } from './login/login.js';
import { later } from './shared/later-module.js';

/** Each tag and the module that defines its class, fetched when the tag first appears. */
export const ELEMENT_LOADERS: Readonly<Record<string, () => Promise<CustomElementConstructor>>> = Object.freeze({
  // Every element but sign-in comes with the later steps (one module, fetched once for the page).
  'dvc-register': () => later.load().then((m) => m.DvcRegister),
  // Sign-in is in bundle.js itself, with what every widget stands on (Lit, the client, the flow base).
  'dvc-login': () => Promise.resolve(DvcLogin),
  'dvc-method-picker': () => later.load().then((m) => m.DvcMethodPicker),
  'dvc-otp-input': () => later.load().then((m) => m.DvcOtpInput),
  'dvc-password-field': () => later.load().then((m) => m.DvcPasswordField),
  'dvc-human-check': () => Promise.resolve(DvcHumanCheck),
  'dvc-assurance-gate': () => later.load().then((m) => m.DvcAssuranceGate),
  'dvc-recovery': () => later.load().then((m) => m.DvcRecovery),
  'dvc-phone-recovery': () => later.load().then((m) => m.DvcPhoneRecovery),
  'dvc-account': () => later.load().then((m) => m.DvcAccount),
  'dvc-signature': () => later.load().then((m) => m.DvcSignature),
});

/**
 * Defines `tag` with its element's class, fetching the module first; resolves to the class (whoever
 * defined it), or `undefined` for a tag that is not a DVC Kit element. Calls for the same tag share the
 * one fetch of its module; one that failed is tried again on the next call.
 */
export async function loadElement(tag: string): Promise<CustomElementConstructor | undefined> {
  const loader = ELEMENT_LOADERS[tag];
  if (!loader) return undefined;
  const element = await loader();
  if (!customElements.get(tag)) customElements.define(tag, element);
  return customElements.get(tag);
}

const SELECTOR = Object.keys(ELEMENT_LOADERS).join();

function discover(root: Element | Document): void {
  for (const element of [root, ...root.querySelectorAll(SELECTOR)]) {
    if (element instanceof Element && element.matches(SELECTOR) && !customElements.get(element.localName)) {
      loadElement(element.localName).catch((error: unknown) => console.error(`DVC Kit: <${element.localName}> could not be loaded`, error));
    }
  }
}

if (typeof document !== 'undefined') {
  discover(document);
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) discover(node);
  }).observe(document, { childList: true, subtree: true });
}
