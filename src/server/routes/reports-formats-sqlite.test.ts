// The report formats on SQLite (the suite: reports-formats.test-suite.ts).
import { reportsFormatsSuite } from './reports-formats.test-suite.js';

reportsFormatsSuite('SQLite', () => Promise.resolve(null));
