// The whole demo scenario through the console alone on sqlite (console-scenario.test-support.ts).
import { scenarioSuite } from './console-scenario.test-support.js';

scenarioSuite('sqlite');
