export * from './levels.js';
export * from './acr.js';
export * from './amr.js';
export * from './identity.js';
export * from './sign-in-methods.js';
export * from './step-up.js';
export * from './registration-choices.js';
