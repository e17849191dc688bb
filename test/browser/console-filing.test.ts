// console filing form on SQLite: the scenario in console-filing.scenario.ts (what it checks is said
// there).
import { scenario } from './console-filing.scenario.js';
import { consoleSuite } from './console.test-support.js';

consoleSuite(
  'filing',
  'sqlite',
  'map picker, time error, evidence hashed and uploaded, filed',
  scenario,
);
