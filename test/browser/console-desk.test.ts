// console desk on SQLite: the scenario in
// console-desk.scenario.ts (what it checks is said there).
import { describe, test } from 'node:test';
import { skip, useConsoleHarness } from './console-support.js';
import { scenario } from './console-desk.scenario.js';

describe('console desk on sqlite', () => {
  const harness = useConsoleHarness('sqlite');
  test(
    'queue, group, task, draft a finding, dismiss, duplicate, 205 at once',
    { skip },
    async (t) => {
      const h = harness();
      if (typeof h === 'string') return t.skip(h);
      await scenario(h, 'sqlite');
    },
  );
});
