// console desk on SQLite: the scenario in console-desk.scenario.ts (what it checks is said there).
import { scenario } from './console-desk.scenario.js';
import { consoleSuite } from './console.test-support.js';

consoleSuite(
  'desk',
  'sqlite',
  'queue, group, task, draft a finding, dismiss, duplicate, 205 at once',
  scenario,
);
