// console mediators on SQLite: the scenario in console-mediators.scenario.ts (what it checks is said
// there).
import { scenario } from './console-mediators.scenario.js';
import { consoleSuite } from './console.test-support.js';

consoleSuite(
  'mediators',
  'sqlite',
  'endorse k of n in the browser, then release; the public page verifies',
  scenario,
);
