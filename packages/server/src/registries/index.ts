export * from './carrier.js';
export * from './sandbox-carrier.js';
export * from './http-carrier.js';
export * from './sandbox-citizens.js';
