export * from './client.js';
export * from './sign-in.js';
export * from './registration.js';
export * from './recovery.js';
export * from './phone-recovery.js';
export * from './account.js';
export * from './error.js';
export * from './operator-client.js';
