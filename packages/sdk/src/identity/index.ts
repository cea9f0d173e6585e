export * from './paste.js';
export * from './place-codes.js';
export * from './id-number.js';
export * from './phone.js';
export * from './bhxh.js';
export * from './birth-date.js';
export * from './name.js';
export * from './email.js';
