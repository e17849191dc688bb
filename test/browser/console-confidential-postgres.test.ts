// Confidential filing from the console in Chromium on PostgreSQL (console-confidential.suite.ts);
// skipped with the reason when PostgreSQL does not answer.
import { confidentialSuite } from './console-confidential.suite.js';

confidentialSuite('postgres');
