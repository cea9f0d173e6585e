export * from './key-ring.js';
export * from './issuer.js';
export * from './refresh-token.js';
