// The route × role matrix on the real PostgreSQL (see route-matrix.suite.ts).
import { postgresMatrix } from './route-matrix.suite.js';

postgresMatrix();
