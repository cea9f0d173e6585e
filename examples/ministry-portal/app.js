// The ministry portal reacts to the widget's events; it never sees a password or a code.
const register = document.getElementById('register');
const notice = document.getElementById('registered');
const langButton = document.getElementById('lang');

register.addEventListener('dvc-registered', () => {
  notice.hidden = false;
});

langButton.addEventListener('click', () => {
  const english = document.documentElement.lang !== 'en';
  document.documentElement.lang = english ? 'en' : 'vi';
  register.setAttribute('lang', english ? 'en' : 'vi');
  langButton.textContent = english ? 'Tiếng Việt' : 'English';
  langButton.setAttribute('aria-label', english ? 'Chuyển sang tiếng Việt' : 'Switch to English');
});
