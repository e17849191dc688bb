// console desk on PostgreSQL (skipped with the reason outside CI when it does not answer): the scenario in console-desk.scenario.ts (what it checks is said there).
import { scenario } from './console-desk.scenario.js';
import { consoleSuite } from './console.test-support.js';

consoleSuite(
  'desk',
  'postgres',
  'queue, group, task, draft a finding, dismiss, duplicate, 205 at once',
  scenario,
);
