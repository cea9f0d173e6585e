import { waitUntil } from '@open-wc/testing';
import { byButton, byLabel, textOf } from './dom.js';
import { press, typeInto } from './keyboard.js';

/** Waits until the widget shows `text`, naming what it shows instead on failure. */
export const shows = (el: Element, text: string, timeout = 5000) =>
  waitUntil(() => textOf(el).includes(text), `never showed “${text}”; shows “${textOf(el)}”`, { timeout });

/** A citizen of the mock's carrier records. */
export interface Citizen {
  readonly idNumber: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly phone: string;
}

/** From the method step to the code step of `<dvc-register>` (Vietnamese), with the mouse and typing. */
export async function registerToCode(el: Element, citizen: Citizen): Promise<void> {
  await shows(el, 'Thuê bao di động');
  byButton(el, 'Tiếp tục').click();
  await shows(el, 'Thông tin công dân');
  await typeInto(byLabel(el, 'Số định danh cá nhân'), citizen.idNumber);
  await typeInto(byLabel(el, 'Họ và tên'), citizen.fullName);
  await typeInto(byLabel(el, 'Ngày sinh'), citizen.birthDate);
  await typeInto(byLabel(el, 'Số điện thoại'), citizen.phone);
  byLabel(el, 'Nghị định 13/2023').click();
  byButton(el, 'Tiếp tục').click();
  await shows(el, 'Mã OTP đã được gửi tới số');
}

/** Types an ID number and password into `<dvc-login>` (Vietnamese) and presses Enter. */
export async function signIn(el: Element, idNumber: string, password: string): Promise<void> {
  const id = byLabel(el, 'Số định danh cá nhân');
  id.value = '';
  await typeInto(id, idNumber);
  const field = byLabel(el, 'Mật khẩu');
  field.value = '';
  await typeInto(field, password);
  await press('Enter');
}
