import { openTestPglite } from '../support/database.js';
import { describe } from 'node:test';
import { httpSuite } from './run.js';

describe('HTTP API on PGlite', httpSuite('PGlite', openTestPglite));
