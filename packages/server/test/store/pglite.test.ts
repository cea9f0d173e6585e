import { openTestPglite } from '../support/database.js';
import { describe } from 'node:test';
import { storeContract } from './contract.js';

describe('store contract on PGlite', storeContract('PGlite', openTestPglite));
