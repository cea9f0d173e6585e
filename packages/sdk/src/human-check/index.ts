export * from './solve.js';
