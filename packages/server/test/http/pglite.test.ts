import { openTestPglite } from '../support/database.js';
import { runHttpSuite } from './run.js';

runHttpSuite('PGlite', openTestPglite);
