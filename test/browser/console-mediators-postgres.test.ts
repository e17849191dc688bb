// console mediators on PostgreSQL (skipped with the reason outside CI when it does not answer): the scenario in console-mediators.scenario.ts (what it checks is said
// there).
import { scenario } from './console-mediators.scenario.js';
import { consoleSuite } from './console.test-support.js';

consoleSuite(
  'mediators',
  'postgres',
  'endorse k of n in the browser, then release; the public page verifies',
  scenario,
);
