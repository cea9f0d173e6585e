// The page's language button: switches the page and the widget between Vietnamese and English.
export function connectLanguageSwitch(button, widget) {
  button.addEventListener('click', () => {
    const english = document.documentElement.lang !== 'en';
    document.documentElement.lang = english ? 'en' : 'vi';
    widget.setAttribute('lang', english ? 'en' : 'vi');
    button.textContent = english ? 'Tiếng Việt' : 'English';
    button.setAttribute('aria-label', english ? 'Chuyển sang tiếng Việt' : 'Switch to English');
  });
}
