// A @web/test-runner plugin that runs a real identity service (in-memory PGlite, sandbox carrier and
// social-insurance register, SMS outbox) next to the test runner, with the test page's origin
// registered as a client. A browser test asks for it with `executeServerCommand('dvc-identity-service')`
// and gets the service's URL and client ids (`bhxhClientId`: a second portal that also offers
// registration by social insurance). It reads codes with `executeServerCommand('dvc-outbox-code', { phone })`:
// the plugin reads the service's development outbox server-side, because the outbox JSON carries no
// CORS header (a page on another origin must not read codes). `executeServerCommand('dvc-register-citizen',
// { citizen, password })` makes an account through the API in Node, for a test that needs one (by social
// insurance when the citizen comes with a `bhxhCode`, through a second portal that offers that method).
// Every signature method is offered (the development CA for a USB token; the sandbox signing provider with
// the holders of sandbox-signers.json for SIM signatures and remote signing). The service starts on the
// first request for it (the main one when the test runner starts, in the background).
//
// Each command takes an optional `instance` (a name): a service of its own, with its own database and
// limits. Every test page calls from the same address, and the service sends at most 25 codes per address
// in 5 minutes (design.md; an operator may tighten it, never loosen it); the suites that sign citizens in
// to sign (`instance: 'signatures'`) get a service of their own, so that all suites together stay within it.
import { fileURLToPath } from 'node:url';
import { readCodeFromOutbox } from '../../examples/node-integrator/sign-in.mjs';
import { startIdentityService } from '../../examples/stack.mjs';
import { registerCitizen } from './register-citizen.mjs';

export const CLIENT_ID = 'component-tests';
/**
 * A second portal on the same origin that also offers registration by social insurance: the register
 * widget's BHXH tests use it, and accounts a lost-phone test recovers are made through it.
 */
export const BHXH_CLIENT_ID = 'component-tests-bhxh';

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function identityServicePlugin() {
  let origins = [];
  /** The services started, by instance name. */
  const services = new Map();
  const started = (payload) => {
    const service = services.get(payload?.instance ?? 'main');
    if (!service) throw new Error('Ask for dvc-identity-service first (with the same instance)');
    return service;
  };
  return {
    name: 'dvc-identity-service',
    serverStart({ config }) {
      origins = [`http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`];
      if (config.hostname && !['localhost', '127.0.0.1'].includes(config.hostname)) origins.push(`http://${config.hostname}:${config.port}`);
      // The main service starts now, in the background: a browser command waits at most 20 s, and on a busy machine
      // PGlite alone took 8–14 s to open, so the first test to ask would time out. A failed start fails the test that asks.
      const main = startTestService(origins);
      main.catch(() => {});
      services.set('main', main);
    },
    async serverStop() {
      await Promise.all([...services.values()].map(async (starting) => (await starting.catch(() => undefined))?.close()));
    },
    async executeCommand({ command, payload }) {
      if (command === 'dvc-outbox-code') return readCodeFromOutbox((await started(payload)).url, payload.phone);
      if (command === 'dvc-register-citizen') {
        const clientId = payload.citizen.bhxhCode ? BHXH_CLIENT_ID : CLIENT_ID;
        const { code } = await registerCitizen({ service: (await started(payload)).url, clientId, citizen: payload.citizen, password: payload.password });
        return { code };
      }
      if (command !== 'dvc-identity-service') return undefined;
      const instance = payload?.instance ?? 'main';
      if (!services.has(instance)) services.set(instance, startTestService(origins));
      const { url } = await services.get(instance);
      return { url, clientId: CLIENT_ID, bhxhClientId: BHXH_CLIENT_ID };
    },
  };
}

/** One identity service for the test pages at `origins`. */
function startTestService(origins) {
  return startIdentityService({
    clients: [
      { id: CLIENT_ID, name: 'Kiểm thử thành phần', origins },
      { id: BHXH_CLIENT_ID, name: 'Kiểm thử thành phần (BHXH)', origins, registrationMethods: ['mobile', 'bhxh'] },
    ],
    humanCheck: { required: true, maxNumber: 1000 },
    // Passkeys bound to `localhost`, the test page's host; `relatedOrigins` lets the service start with the
    // 127.0.0.1 origin too (a page there types the code instead).
    passkeys: { rpId: 'localhost', rpName: 'Kiểm thử thành phần', relatedOrigins: true },
    // Holders of the sandbox signing provider no other test signs as, answering after a second.
    signing: { delaySeconds: 1, fixture: fileURLToPath(new URL('./sandbox-signers.json', import.meta.url)) },
    // The service's JSON log lines would drown the test report.
    log: () => {},
  });
}
