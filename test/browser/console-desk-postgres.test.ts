// console desk on PostgreSQL (skipped with the reason outside CI when it does not answer): the scenario in
// console-desk.scenario.ts (what it checks is said there).
import { describe, test } from 'node:test';
import { skip, useConsoleHarness } from './console-support.js';
import { scenario } from './console-desk.scenario.js';

describe('console desk on postgres', () => {
  const harness = useConsoleHarness('postgres');
  test(
    'queue, group, task, draft a finding, dismiss, duplicate, 205 at once',
    { skip },
    async (t) => {
      const h = harness();
      if (typeof h === 'string') return t.skip(h);
      await scenario(h, 'postgres');
    },
  );
});
