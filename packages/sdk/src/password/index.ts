export * from './policy.js';
export * from './check.js';
export { COMMON_PASSWORDS } from './common.js';
