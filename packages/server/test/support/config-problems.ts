import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/index.js';

/** The problems `loadConfig` names for a configuration it must refuse; fails the test if it accepts it. */
export function configProblems(input: unknown): readonly string[] {
  try {
    loadConfig(input);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail('the configuration was accepted');
}
