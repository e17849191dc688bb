// The whole demo scenario through the console alone on postgres (console-scenario.test-support.ts).
import { scenarioSuite } from './console-scenario.test-support.js';

scenarioSuite('postgres');
