// The portal's report page in Chromium on a fresh PostgreSQL database (report.suite.ts).
import { reportSuite } from './report.suite.js';

reportSuite('postgres');
