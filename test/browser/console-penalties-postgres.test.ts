// The penalties page in Chromium on a fresh PostgreSQL database (console-penalties.suite.ts).
import { penaltiesSuite } from './console-penalties.suite.js';

penaltiesSuite('postgres');
