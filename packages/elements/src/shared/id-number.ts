/**
 * The SDK's ID-number rule (with its table of province codes), in a module of its own so that the
 * sign-in fetches it with the later steps, when the citizen submits, rather than before they act.
 */
export { parseIdNumber } from '@dvc-kit/sdk';
