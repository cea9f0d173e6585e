// The provincial portal hands the ID token to its own backend, which verifies it against the
// identity service's JWKS with @dvc-kit/sdk/tokens before trusting the name and level.
import { connectLanguageSwitch } from './lang-switch.js';
const login = document.getElementById('login');
const session = document.getElementById('session');
const sessionError = document.getElementById('session-error');
const langButton = document.getElementById('lang');

login.addEventListener('dvc-signed-in', async (event) => {
  const response = await fetch('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ idToken: event.detail.tokens.idToken }),
  });
  const result = await response.json();
  if (!response.ok || !result.verified) {
    sessionError.hidden = false;
    return;
  }
  document.getElementById('session-name').textContent = result.name;
  document.getElementById('session-ial').textContent = `IAL${result.ial}`;
  session.hidden = false;
});

connectLanguageSwitch(langButton, login);
