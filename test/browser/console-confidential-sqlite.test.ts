// Confidential filing from the console in Chromium on SQLite (console-confidential.suite.ts).
import { confidentialSuite } from './console-confidential.suite.js';

confidentialSuite('sqlite');
