export * from './policy.js';
export * from './check.js';
export { COMMON_PASSWORD_BASES, isCommonPassword, passwordBase } from './common.js';
