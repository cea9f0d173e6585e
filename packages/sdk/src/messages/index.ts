export * from './codes.js';
export * from './format.js';
