// Ways to look at a widget the way a citizen does: by label, by button text, by what is on screen,
// reaching through shadow roots.

/** Every element under a root, shadow roots included, in tree order. */
export function allElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const child of Array.from(node.children)) {
      found.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text a citizen sees (and a screen reader reads) in an element, shadow roots and slots included. */
export function textOf(node: Node): string {
  const collect = (current: Node): string => {
    if (current.nodeType === Node.TEXT_NODE) return current.textContent ?? '';
    if (current instanceof HTMLStyleElement) return '';
    if (current instanceof HTMLSlotElement) {
      const assigned = current.assignedNodes({ flatten: true });
      return (assigned.length ? assigned : Array.from(current.childNodes)).map(collect).join(' ');
    }
    if (current instanceof Element && current.shadowRoot) return Array.from(current.shadowRoot.childNodes).map(collect).join(' ');
    return Array.from(current.childNodes).map(collect).join(' ');
  };
  return squash(collect(node));
}

/** The form control whose visible label contains `text`. */
export function byLabel<T extends HTMLElement = HTMLInputElement>(root: Element, text: string): T {
  const labels = allElements(root).filter((el): el is HTMLLabelElement => el instanceof HTMLLabelElement && squash(el.textContent ?? '').includes(text));
  const control = labels[0]?.control;
  if (!control) throw new Error(`No control labelled “${text}”`);
  return control as unknown as T;
}

/** The button whose text is `name`. */
export function byButton(root: Element, name: string): HTMLButtonElement {
  const button = allElements(root).find((el): el is HTMLButtonElement => el instanceof HTMLButtonElement && squash(el.textContent ?? '') === name);
  if (!button) throw new Error(`No button “${name}”`);
  return button;
}

/** The link whose text is `name`. */
export function byLink(root: Element, name: string): HTMLAnchorElement {
  const link = allElements(root).find((el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement && squash(el.textContent ?? '') === name);
  if (!link) throw new Error(`No link “${name}”`);
  return link;
}

/** The first element matching a selector anywhere under the root, shadow roots included. */
export function deep<T extends Element = HTMLElement>(root: Element, selector: string): T | undefined {
  return allElements(root).find((el) => el.matches(selector)) as T | undefined;
}

/** The element that has focus, looking into shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The text of the element an input's `aria-describedby` points at, joined. */
export function descriptionOf(input: HTMLElement): string {
  const root = input.getRootNode() as ShadowRoot | Document;
  return (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => textOf(root.getElementById(id) ?? document.createTextNode('')))
    .join(' ');
}

/** The heading of the step on screen. */
export function stepHeading(widget: Element): HTMLElement {
  const heading = deep<HTMLElement>(widget, '#step-heading');
  if (!heading) throw new Error('No step heading');
  return heading;
}

/** The polite live regions' texts. */
export function announcements(root: Element): string[] {
  return allElements(root)
    .filter((el) => el.getAttribute('aria-live') === 'polite' || el.getAttribute('role') === 'status')
    .map((el) => textOf(el))
    .filter(Boolean);
}

/**
 * Whether a button is unavailable: `disabled`, or `aria-disabled="true"` (the widgets keep a busy or
 * waiting button focusable so keyboard focus never falls to the page).
 */
export function unavailable(button: HTMLButtonElement): boolean {
  return button.disabled || button.getAttribute('aria-disabled') === 'true';
}
