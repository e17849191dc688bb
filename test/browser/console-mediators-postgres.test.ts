// console mediators on PostgreSQL (skipped with the reason outside CI when it does not answer): the scenario in
// console-mediators.scenario.ts (what it checks is said there).
import { describe, test } from 'node:test';
import { skip, useConsoleHarness } from './console-support.js';
import { scenario } from './console-mediators.scenario.js';

describe('console mediators on postgres', () => {
  const harness = useConsoleHarness('postgres');
  test(
    'endorse k of n in the browser, then release; the public page verifies',
    { skip },
    async (t) => {
      const h = harness();
      if (typeof h === 'string') return t.skip(h);
      await scenario(h, 'postgres');
    },
  );
});
