import type { CeremonyFailure } from './ceremony.js';

/**
 * The passkey strings of `<dvc-login>` and `<dvc-account>`, one object per language, plugged into the
 * widgets' catalogue as `passkey` (so a missing translation does not compile, and English arrives with
 * the other English strings). Terse: every byte here is downloaded by every page.
 */
export interface PasskeyCatalogue {
  /** The section heading, a passkey without a name, and its name in the error summary. */
  readonly name: string;
  readonly heading: string;
  /** The code step's button that runs the ceremony. */
  readonly use: string;
  /** Why a ceremony gave nothing, and what to do instead. */
  readonly failure: Readonly<Record<CeremonyFailure, string>>;
  /** One passkey's line: when it was added and last used (dates as the citizen reads them, `null`: never). */
  readonly details: (createdAt: string, lastUsedAt: string | null) => string;
  readonly add: string;
  readonly nameLabel: string;
  /** The button that removes one passkey (`name` says which), also the confirming button. */
  readonly remove: (name: string) => string;
  readonly confirmRemove: string;
  readonly added: string;
  readonly removed: string;
}
