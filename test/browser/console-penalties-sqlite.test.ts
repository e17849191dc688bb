// The penalties page in Chromium on SQLite (console-penalties.suite.ts).
import { penaltiesSuite } from './console-penalties.suite.js';

penaltiesSuite('sqlite');
