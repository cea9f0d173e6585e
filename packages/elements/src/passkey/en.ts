import type { PasskeyCatalogue } from './catalogue.js';

/** Passkeys in English. */
export const passkeyEn: PasskeyCatalogue = {
  name: 'Passkey',
  heading: 'Passkeys',
  use: 'Use a passkey',
  failure: {
    cancelled: 'The passkey was not used (cancelled or timed out). Try again or enter the code.',
    exists: 'This device already has a passkey for your account.',
    failed: 'This browser cannot use a passkey.',
  },
  details: (created, used) => `Added ${created}, ${used ? `last used ${used}` : 'not used yet'}`,
  add: 'Add a passkey',
  nameLabel: 'Name (optional)',
  remove: (name) => `Remove ${name}`,
  confirmRemove: 'Once removed, it no longer signs you in; you enter the code instead.',
  added: 'Passkey added; next time, use it instead of the code.',
  removed: 'Passkey removed.',
};
