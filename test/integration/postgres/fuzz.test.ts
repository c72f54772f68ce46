import { fuzzEveryWriteEndpoint } from '../../helpers/fuzz/suite';

/**
 * Issue 19, bad input at every write endpoint on PostgreSQL: never a 5xx, never a partial write (the probe
 * compares every table of the server's database before and after), never a crash. Fewer cases than on
 * SQLite (test/integration/fuzz.test.ts) to keep the postgres project quick.
 */
fuzzEveryWriteEndpoint(12);
