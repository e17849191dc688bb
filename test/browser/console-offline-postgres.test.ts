// Offline field reports on postgres (console-offline.suite.ts).
import { offlineSuite } from './console-offline.suite.js';

offlineSuite('postgres');
