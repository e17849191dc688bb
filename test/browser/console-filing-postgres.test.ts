// console filing form on PostgreSQL (skipped with the reason outside CI when it does not answer): the scenario in console-filing.scenario.ts (what it checks is said
// there).
import { scenario } from './console-filing.scenario.js';
import { consoleSuite } from './console.test-support.js';

consoleSuite(
  'filing',
  'postgres',
  'map picker, time error, evidence hashed and uploaded, filed',
  scenario,
);
