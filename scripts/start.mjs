#!/usr/bin/env node
// `npm start`: the identity service on 127.0.0.1:4000 with its embedded database in .data/
// (or PostgreSQL through DATABASE_URL), the ministry portal on localhost:4100, the provincial portal on
// localhost:4200 (named localhost, the passkeys' RP ID in development: browsers refuse an IP address).
// PORT, MINISTRY_PORT, PROVINCIAL_PORT and DATA_DIR move them. It runs in development mode (asked for
// in examples/stack.mjs): sandbox carrier, SMS outbox, a key-encryption key generated into DATA_DIR.
// DVC_EXTRA_ORIGINS (comma-separated) lets a portal team's own page use the service as either portal.
import { relative, resolve } from 'node:path';
import { startStack } from '../examples/stack.mjs';
import { parseExtraOrigins } from './extra-origins.mjs';

const port = (name, fallback) => Number(process.env[name] || fallback);
const dataDir = resolve(process.env.DATA_DIR || '.data');
let extraOrigins;
try {
  extraOrigins = parseExtraOrigins(process.env.DVC_EXTRA_ORIGINS);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const stack = await startStack({
  extraOrigins,
  servicePort: port('PORT', 4000),
  ministryPort: port('MINISTRY_PORT', 4100),
  provincialPort: port('PROVINCIAL_PORT', 4200),
  ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir }),
});

console.warn('WARNING: DEVELOPMENT MODE — sandbox carrier, SMS outbox and /dev routes are on; codes are not texted to phones. Never run this for citizens.');
console.log(`
DVC Kit is running (${process.env.DATABASE_URL ? 'PostgreSQL' : `embedded PGlite in ${relative(process.cwd(), dataDir) || '.'}/`}):

  Identity service        ${stack.service}
  Ministry portal         ${stack.ministry}   register with <dvc-register>
  Provincial portal       ${stack.provincial}   sign in with <dvc-login>
  SMS outbox (dev codes)  ${stack.outbox}
${extraOrigins.length ? `  Also allowed origins    ${extraOrigins.join(', ')}   (DVC_EXTRA_ORIGINS, as either portal's client id)\n` : ''}
Sandbox citizens to register with: packages/server/fixtures/sandbox-citizens.json
Press Ctrl-C to stop.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await stack.close();
    process.exit(0);
  });
}
