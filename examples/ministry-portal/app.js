// The ministry portal reacts to the widget's events; it never sees a password or a code.
import { connectLanguageSwitch } from './lang-switch.js';
const register = document.getElementById('register');
const notice = document.getElementById('registered');
const langButton = document.getElementById('lang');

register.addEventListener('dvc-registered', () => {
  notice.hidden = false;
});

connectLanguageSwitch(langButton, register);
