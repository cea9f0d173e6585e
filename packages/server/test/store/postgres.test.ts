import { openTestPostgres, POSTGRES_URL } from '../support/database.js';
import { storeContract } from './contract.js';

const url = POSTGRES_URL;
storeContract('PostgreSQL', url ? () => openTestPostgres(url) : undefined);
