// The route × role matrix on SQLite. Each store runs in its own test process: the suites share
// module state (server, credentials), so they never run one after the other in one process.
import { sqliteMatrix } from './route-matrix.suite.js';

sqliteMatrix();
