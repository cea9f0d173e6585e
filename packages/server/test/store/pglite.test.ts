import { openTestPglite } from '../support/database.js';
import { storeContract } from './contract.js';

storeContract('PGlite', openTestPglite);
