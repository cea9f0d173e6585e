import { sendKeys } from '@web/test-runner-commands';

/** Focuses a control and types into it, as a citizen would. */
export async function typeInto(control: HTMLElement, text: string): Promise<void> {
  control.focus();
  if (text) await sendKeys({ type: text });
}

/** Presses one key. */
export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}
