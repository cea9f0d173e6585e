// The provincial portal hands the ID token to its own backend, which verifies it against the
// identity service's JWKS with @dvc-kit/sdk/tokens before trusting the name and level. Once signed
// in, the "Tài khoản" section gives <dvc-account> the access token: the citizen sees the account and
// changes the password, email or phone there, adds or removes a passkey (which then answers instead
// of the code at the next sign-in: the example stack offers passkeys on localhost), raises an IAL2 account
// to IAL3 with a digital signature ("Nâng lên mức 3 bằng chữ ký số"), or signs out everywhere. "Đăng nhập
// bằng chữ ký số" signs in with a USB token or a SIM signature instead of the password and code.
import { connectDevelopmentSigner } from './dev-signer.js';
import { connectLanguageSwitch } from './lang-switch.js';
const login = document.getElementById('login');
const session = document.getElementById('session');
const sessionError = document.getElementById('session-error');
const langButton = document.getElementById('lang');
const account = document.getElementById('account');
const accountSection = document.getElementById('account-section');

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
  document.getElementById('counters').hidden = true;
  account.accessToken = event.detail.tokens.accessToken;
  accountSection.hidden = false;
});

// "Mất số điện thoại nhận OTP" opens in place inside <dvc-login> (no lost-phone-href). When it sends the
// citizen to a one-stop counter, the portal shows where its counters are; once the phone is replaced,
// every session has ended, so the portal forgets its own.
login.addEventListener('dvc-phone-recovery-unconfirmed', () => {
  document.getElementById('counters').hidden = false;
});
login.addEventListener('dvc-phone-recovered', () => {
  session.hidden = true;
  accountSection.hidden = true;
});

// Raised to IAL3 by a signature: the service says so at once; the session line follows.
account.addEventListener('dvc-assurance-upgraded', (event) => {
  document.getElementById('session-ial').textContent = `IAL${event.detail.upgrade.account.ial}`;
});

// Signed out everywhere, or the session ended elsewhere: the portal forgets it and offers the sign-in again.
account.addEventListener('dvc-signed-out', () => {
  session.hidden = true;
  login.hidden = true;
  document.getElementById('sign-in-again').hidden = false;
});

connectLanguageSwitch(langButton, login);
// Development only: "USB ký số" with test certificates from the service's development CA.
void connectDevelopmentSigner([login, account]);
