// console filing form on PostgreSQL (skipped with the reason outside CI when it does not answer): the scenario in
// console-filing.scenario.ts (what it checks is said there).
import { describe, test } from 'node:test';
import { skip, useConsoleHarness } from './console-support.js';
import { scenario } from './console-filing.scenario.js';

describe('console filing form on postgres', () => {
  const harness = useConsoleHarness('postgres');
  test('map picker, time error, evidence hashed and uploaded, filed', { skip }, async (t) => {
    const h = harness();
    if (typeof h === 'string') return t.skip(h);
    await scenario(h, 'postgres');
  });
});
