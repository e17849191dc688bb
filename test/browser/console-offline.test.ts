// Offline field reports on sqlite (console-offline.suite.ts).
import { offlineSuite } from './console-offline.suite.js';

offlineSuite('sqlite');
