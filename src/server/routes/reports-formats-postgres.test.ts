// The report formats on PostgreSQL (the suite: reports-formats.test-suite.ts).
import { withFreshDatabase } from '../../store/postgres.test-support.js';
import { reportsFormatsSuite } from './reports-formats.test-suite.js';

reportsFormatsSuite('PostgreSQL', withFreshDatabase);
