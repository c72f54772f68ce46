import { fuzzEveryWriteEndpoint } from '../helpers/fuzz/suite';

/**
 * Issue 14, "make the class impossible": random and malformed bodies, files and dates at every write
 * endpoint of a real server. A bounded number of cases per endpoint here; `npm run bench fuzz` runs more;
 * test/integration/postgres/fuzz.test.ts runs the same on PostgreSQL.
 */
fuzzEveryWriteEndpoint(25);
