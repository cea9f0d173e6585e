// The ministry portal's high-assurance page. <dvc-assurance-gate> shows the records section only once the identity
// service says the citizen's session meets IAL2 and AAL2, signed in within 15 minutes (the citizen signs in inside
// the gate when there is no session). The records come from the portal's backend, which asks more (IAL3 by default):
// its RFC 9470 step-up challenge goes to the gate, which takes the citizen up to exactly that (an upgrade by
// signature) and fires dvc-assurance-met again.
import { readStepUpChallenge } from '/vendor/sdk/assurance/step-up.js';
import { connectDevelopmentSigner } from './dev-signer.js';
import { connectLanguageSwitch } from './lang-switch.js';

const gate = document.getElementById('gate');
// Development only: a USB-token signer for the gate's signature step (none on a production service).
void connectDevelopmentSigner([gate]);
const status = document.getElementById('records-status');
const records = document.getElementById('records');
let accessToken;

// A sign-in inside the gate: the gate hands the tokens over once the session meets its levels.
gate.addEventListener('dvc-signed-in', (event) => {
  accessToken = event.detail.tokens.accessToken;
});

gate.addEventListener('dvc-assurance-met', async () => {
  records.hidden = true;
  status.textContent = 'Đang tải hồ sơ…';
  const response = await fetch('/api/high-assurance', { headers: { Authorization: `Bearer ${accessToken}` } });
  if (response.status === 401) {
    status.textContent = '';
    // The backend's challenge (or none, for a session that ended): the gate asks the service again and steps up.
    gate.stepUp(readStepUpChallenge(response));
    return;
  }
  if (!response.ok) {
    status.textContent = 'Máy chủ cổng chưa trả lời được. Vui lòng thử lại sau.';
    return;
  }
  const { assurance } = await response.json();
  document.getElementById('records-level').textContent = `IAL${assurance.ial}, AAL${assurance.aal}`;
  status.textContent = '';
  records.hidden = false;
});

connectLanguageSwitch(document.getElementById('lang'), gate);
