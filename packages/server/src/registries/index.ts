export * from './carrier.js';
export * from './sandbox-carrier.js';
export * from './http-carrier.js';
export * from './sandbox-citizens.js';
export * from './social-insurance.js';
export * from './sandbox-social-insurance.js';
export * from './http-social-insurance.js';
