/**
 * The proof-of-work search of `<dvc-human-check>` (the SDK's `solveHumanCheck` and its SHA-256), in a
 * module of its own so that the bundle fetches it when the citizen ticks the box, not with the page.
 * @module
 */
export { solveHumanCheck } from '@dvc-kit/sdk';
