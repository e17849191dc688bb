// console mediators on SQLite: the scenario in
// console-mediators.scenario.ts (what it checks is said there).
import { describe, test } from 'node:test';
import { skip, useConsoleHarness } from './console-support.js';
import { scenario } from './console-mediators.scenario.js';

describe('console mediators on sqlite', () => {
  const harness = useConsoleHarness('sqlite');
  test(
    'endorse k of n in the browser, then release; the public page verifies',
    { skip },
    async (t) => {
      const h = harness();
      if (typeof h === 'string') return t.skip(h);
      await scenario(h, 'sqlite');
    },
  );
});
