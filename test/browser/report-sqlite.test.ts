// The portal's report page in Chromium on SQLite (report.suite.ts).
import { reportSuite } from './report.suite.js';

reportSuite('sqlite');
