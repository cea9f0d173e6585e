import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/index.js';
import { configProblems } from '../support/config-problems.js';
import { nodeServerOptions } from '../../src/http/node-server-options.js';

const minimal = { mode: 'development', issuer: 'https://id.example.gov.vn', clients: [{ id: 'provincial-portal', name: 'Cổng DVC tỉnh Bắc Ninh' }] };

const problems = configProblems;

describe('the http configuration', () => {
  test('defaults to a 64 kB body, 10 s for headers, 30 s for a request, 5 s idle keep-alive and 1024 connections', () => {
    assert.deepEqual(loadConfig(minimal).http, { maxBodyBytes: 65_536, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxConnections: 1024 });
  });

  test('takes part of the keys and keeps the other defaults', () => {
    const { http } = loadConfig({ ...minimal, http: { maxBodyBytes: 16_384, maxConnections: 200 } });
    assert.deepEqual(http, { maxBodyBytes: 16_384, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxConnections: 200 });
  });

  test('refuses a header time-out longer than the request time-out, and values out of range, naming the key', () => {
    assert.deepEqual(problems({ ...minimal, http: { headersTimeoutMs: 20_000, requestTimeoutMs: 15_000 } }), ['http.headersTimeoutMs: must not be longer than http.requestTimeoutMs']);
    const [body] = problems({ ...minimal, http: { maxBodyBytes: 10 } });
    assert.match(body!, /^http\.maxBodyBytes: /);
    const [connections] = problems({ ...minimal, http: { maxConnections: 0 } });
    assert.match(connections!, /^http\.maxConnections: /);
    const [unknown] = problems({ ...minimal, http: { bodyLimit: 1 } });
    assert.match(unknown!, /^http: /);
  });

  test('becomes Node server options, checked often enough for the shortest time-out to hold', () => {
    assert.deepEqual(nodeServerOptions(loadConfig(minimal).http), { headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 1000 });
    const fast = loadConfig({ ...minimal, http: { headersTimeoutMs: 200, requestTimeoutMs: 400 } }).http;
    assert.equal(nodeServerOptions(fast).connectionsCheckingInterval, 50);
  });
});
