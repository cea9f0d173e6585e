import type { AssuranceUpgraded } from '@dvc-kit/sdk/contract';

/**
 * Detail of `dvc-assurance-upgraded`: the service's answer to the upgrade — the account as it is now
 * (IAL3, its new `verificationMethod`), the level and method it had before, and when. Every portal sees
 * the new level at once (`GET /v1/session/assurance`) and in tokens from the next refresh.
 */
export interface DvcAssuranceUpgradedDetail {
  readonly upgrade: AssuranceUpgraded;
}
