/**
 * Defines a part (`<dvc-otp-input>` …) under its tag when a widget is about to render it, unless the tag
 * is already taken (by `define.js`, or another copy of the widgets on the page). Widgets call it from the
 * step that shows the part, so a page that defines only `<dvc-login>` gets the parts it renders, and the
 * self-contained bundle loads a part with the first step that shows it.
 */
export function definePart(tag: string, element: CustomElementConstructor, registry: CustomElementRegistry = customElements): void {
  if (!registry.get(tag)) registry.define(tag, element);
}
