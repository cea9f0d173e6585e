// The provincial portal's register page: <dvc-register> with the chooser (who registers, and how);
// the portal reacts to the widget's events and never sees a password, a code or a BHXH code.
import { connectLanguageSwitch } from './lang-switch.js';
const register = document.getElementById('register');
const notice = document.getElementById('registered');
const langButton = document.getElementById('lang');

register.addEventListener('dvc-registered', () => {
  notice.hidden = false;
});

connectLanguageSwitch(langButton, register);
