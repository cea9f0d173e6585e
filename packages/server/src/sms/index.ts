export * from './gateway.js';
export * from './outbox.js';
export * from './http.js';
