import type { GateCatalogue } from './catalogue.js';

/** `<dvc-assurance-gate>` in English. */
export const gateEn: GateCatalogue = {
  checking: 'Checking…',
  reason: (why, level) =>
    ({
      signIn: 'Please sign in to use this service.',
      aal: 'This service needs a sign-in with a code or a passkey; please sign in again.',
      aal3: 'This service needs a sign-in with a digital signature (USB token or SIM signature).',
      maxAge: `This service needs a sign-in within the last ${Math.ceil(level / 60)} minutes; please sign in again.`,
      ial: `This service needs an account verified at level ${level}; sign to raise your level.`,
      vneid: `This service needs a sign-in with a VNeID account at level ${level}.`,
    })[why],
};
