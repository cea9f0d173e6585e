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
// test runner's start, in the background, so the first test asking for it does not wait out its command time-out.
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
  let starting;
  const start = () =>
    startIdentityService({
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
      // The carrier's citizens with a few more, so each test file signs in its own (a phone gets 3 codes a minute).
      carrierFixture: fileURLToPath(new URL('./sandbox-citizens.json', import.meta.url)),
      // The service's JSON log lines would drown the test report.
      log: () => {},
    });
  return {
    name: 'dvc-identity-service',
    serverStart({ config }) {
      origins = [`http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`];
      if (config.hostname && !['localhost', '127.0.0.1'].includes(config.hostname)) origins.push(`http://${config.hostname}:${config.port}`);
      // Started now, in the background: a browser command waits at most 20 s, and on a busy machine PGlite alone
      // took 8–14 s to open, so the first test to ask would time out. A failed start is reported to the test that asks.
      starting = start();
      starting.catch(() => {});
    },
    async serverStop() {
      await (await starting?.catch(() => undefined))?.close();
    },
    async executeCommand({ command, payload }) {
      if (command === 'dvc-outbox-code') {
        if (!starting) throw new Error('Ask for dvc-identity-service first');
        return readCodeFromOutbox((await starting).url, payload.phone);
      }
      if (command === 'dvc-register-citizen') {
        if (!starting) throw new Error('Ask for dvc-identity-service first');
        const clientId = payload.citizen.bhxhCode ? BHXH_CLIENT_ID : CLIENT_ID;
        const { code } = await registerCitizen({ service: (await starting).url, clientId, citizen: payload.citizen, password: payload.password });
        return { code };
      }
      if (command !== 'dvc-identity-service') return undefined;
      starting ??= start();
      const { url } = await starting;
      return { url, clientId: CLIENT_ID, bhxhClientId: BHXH_CLIENT_ID };
    },
  };
}
