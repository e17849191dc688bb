// console filing form on SQLite: the scenario in
// console-filing.scenario.ts (what it checks is said there).
import { describe, test } from 'node:test';
import { skip, useConsoleHarness } from './console-support.js';
import { scenario } from './console-filing.scenario.js';

describe('console filing form on sqlite', () => {
  const harness = useConsoleHarness('sqlite');
  test('map picker, time error, evidence hashed and uploaded, filed', { skip }, async (t) => {
    const h = harness();
    if (typeof h === 'string') return t.skip(h);
    await scenario(h, 'sqlite');
  });
});
