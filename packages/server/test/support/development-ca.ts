import { randomBytes } from 'node:crypto';
import { KeyEncryption } from '../../src/at-rest/envelope.js';
import type { Clock } from '../../src/config.js';
import { DevelopmentCa } from '../../src/signatures/development-ca.js';
import type { SecretRepository } from '../../src/store/secrets.js';

/** A secret repository in memory: what a development CA needs outside a service's store. */
export function memorySecrets(): SecretRepository {
  const values = new Map<string, string>();
  return {
    async getOrCreate(name, generate) {
      if (!values.has(name)) values.set(name, generate());
      return values.get(name)!;
    },
    async all() {
      return [...values].map(([name, value]) => ({ name, value }));
    },
    async replace(name, from, to) {
      if (values.get(name) !== from) return false;
      values.set(name, to);
      return true;
    },
  };
}

/** A development CA of its own (in memory, sealed with a throw-away key), as a test outside a service needs one. */
export function openTestDevelopmentCa(clock: Clock, mode: 'production' | 'development' = 'development'): Promise<DevelopmentCa> {
  return DevelopmentCa.open({ mode, secrets: memorySecrets(), encryption: new KeyEncryption(randomBytes(32).toString('base64url')), clock });
}
