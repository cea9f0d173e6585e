export * from './client.js';
export * from './error.js';
export * from './operator-client.js';
