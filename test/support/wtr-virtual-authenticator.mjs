// A @web/test-runner plugin that gives a test page a virtual WebAuthn authenticator through the Chrome
// DevTools Protocol (Chromium's own authenticator emulation: real key pairs, real signatures, no device).
// A browser test asks with `executeServerCommand('dvc-authenticator', { action })`:
//   `add`      — a CTAP2 platform authenticator (transport internal, resident keys, user verification that
//                succeeds), presence answered at once; gives `{ authenticatorId }`. Adding again replaces it.
//   `credentials` — the passkeys it holds: `{ credentials: [{ credentialId, rpId, signCount }] }`.
//   `clear`    — forgets every passkey it holds (a citizen who lost the device's passkeys).
//   `remove`   — removes the authenticator (the page has none again).
// With chromeLauncher the page is puppeteer's (`browser.getPage(sessionId)`), whose CDP session speaks to its target.

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function virtualAuthenticatorPlugin() {
  /** @type {Map<string, { cdp: any, authenticatorId: string }>} */
  const authenticators = new Map();

  async function remove(sessionId) {
    const held = authenticators.get(sessionId);
    if (!held) return;
    authenticators.delete(sessionId);
    await held.cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: held.authenticatorId }).catch(() => undefined);
    await held.cdp.detach().catch(() => undefined);
  }

  return {
    name: 'dvc-virtual-authenticator',
    async executeCommand({ command, payload, session }) {
      if (command !== 'dvc-authenticator') return undefined;
      const action = payload?.action;
      if (action === 'add') {
        await remove(session.id);
        if (typeof session.browser.getPage !== 'function') throw new Error('dvc-authenticator needs a Chromium launcher (chromeLauncher)');
        const page = session.browser.getPage(session.id);
        const cdp = await page.createCDPSession();
        await cdp.send('WebAuthn.enable', { enableUI: false });
        const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
          options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
        });
        authenticators.set(session.id, { cdp, authenticatorId });
        return { authenticatorId };
      }
      const held = authenticators.get(session.id);
      if (action === 'remove') return (await remove(session.id), { removed: Boolean(held) });
      if (!held) throw new Error(`dvc-authenticator ${action}: add an authenticator first`);
      if (action === 'credentials') {
        const { credentials } = await held.cdp.send('WebAuthn.getCredentials', { authenticatorId: held.authenticatorId });
        return { credentials: credentials.map(({ credentialId, rpId, signCount }) => ({ credentialId, rpId, signCount })) };
      }
      if (action === 'clear') {
        await held.cdp.send('WebAuthn.clearCredentials', { authenticatorId: held.authenticatorId });
        return { cleared: true };
      }
      throw new Error(`dvc-authenticator: unknown action ${action}`);
    },
    async serverStop() {
      for (const sessionId of [...authenticators.keys()]) await remove(sessionId);
    },
  };
}
