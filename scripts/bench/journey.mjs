// The citizen's journeys as the SDK drives them: registration, and a full sign-in timed step by step.
import { DvcClient, solveHumanCheck } from '@dvc-kit/sdk';
import { BENCH_PASSWORD } from './citizens.mjs';
import { BENCH_CLIENT } from './service.mjs';

/**
 * A client that arrives from its own address: the service runs with `trustProxy`, and the bench
 * stands in for the operator's proxy, so per-address limits see many citizens, not one.
 */
export function clientFrom(baseUrl, address) {
  const forwarded = (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('X-Forwarded-For', address);
    return fetch(input, { ...init, headers });
  };
  return new DvcClient({ baseUrl, clientId: BENCH_CLIENT.id, retries: 0, fetch: forwarded });
}

/** A made-up address for the n-th arrival: 10.x.y.z, spread so no address nears its code limit. */
export function addressFor(n) {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** The code in the newest development-outbox message to `phone` (E.164). */
export async function readCode(baseUrl, phone) {
  const response = await fetch(`${baseUrl}/dev/outbox.json?phone=${encodeURIComponent(phone)}`);
  if (!response.ok) throw new Error(`GET /dev/outbox.json answered ${response.status}`);
  const { messages } = await response.json();
  const code = /\b(\d{6})\b/.exec(messages[0]?.text ?? '')?.[1];
  if (!code) throw new Error(`No code in the outbox for a bench phone`);
  return code;
}

/** Registers one fictional citizen through the service's public API. */
export async function register(baseUrl, citizen, address) {
  const client = clientFrom(baseUrl, address);
  const humanCheck = await solveHumanCheck(await client.getHumanCheckChallenge());
  const { consentVersion } = await client.getConfig();
  const started = await client.startRegistration(
    { subjectType: 'citizen', method: 'mobile', ...citizen, consentVersion, humanCheck },
    { idempotencyKey: crypto.randomUUID() },
  );
  await client.verifyRegistrationCode(started.registrationId, { code: await readCode(baseUrl, citizen.phone) });
  await client.completeRegistration(started.registrationId, { password: BENCH_PASSWORD, passwordConfirmation: BENCH_PASSWORD }, { idempotencyKey: crypto.randomUUID() });
}

/**
 * One full sign-in: human-check challenge, solve (in this process, as the widget would in the
 * browser), ID number + password, the code from the outbox, code → tokens. Returns milliseconds per
 * step, `service` (the three requests a citizen waits for) and `total`, and the tokens.
 */
export async function signIn(baseUrl, account, address) {
  const client = clientFrom(baseUrl, address);
  const t0 = performance.now();
  const challenge = await client.getHumanCheckChallenge();
  const t1 = performance.now();
  const humanCheck = await solveHumanCheck(challenge);
  const t2 = performance.now();
  const { signInId } = await client.startSignIn({ idNumber: account.idNumber, password: BENCH_PASSWORD, humanCheck });
  const t3 = performance.now();
  const code = await readCode(baseUrl, account.phone);
  const t4 = performance.now();
  const { tokens } = await client.verifySignInCode(signInId, { code });
  const t5 = performance.now();
  const steps = { challenge: t1 - t0, solve: t2 - t1, password: t3 - t2, outbox: t4 - t3, code: t5 - t4 };
  return { steps: { ...steps, service: steps.challenge + steps.password + steps.code, total: t5 - t0 }, tokens };
}
