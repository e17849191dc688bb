// The Urdu and Pashto catalogues have every message of the English one (the type checks the keys;
// this checks none was left in English or empty), in the script those languages are written in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from '../../web/src/i18n/en.js';
import { ps } from '../../web/src/i18n/ps.js';
import { ur } from '../../web/src/i18n/ur.js';

type Flat = Map<string, string>;

/** Every message as text: functions are called with placeholders. */
function flatten(o: Record<string, unknown>, prefix = '', out: Flat = new Map()): Flat {
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (typeof v === 'function') out.set(key, String(v('X1', 'X2')));
    else if (v && typeof v === 'object') flatten(v as Record<string, unknown>, key, out);
  }
  return out;
}

const ARABIC_SCRIPT = /[\u0600-\u06ff]/;

for (const [name, cat] of [
  ['Urdu', ur],
  ['Pashto', ps],
] as const) {
  test(`the ${name} catalogue translates every English message`, () => {
    const base = flatten(en);
    const other = flatten(cat as unknown as Record<string, unknown>);
    assert.deepEqual([...other.keys()].sort(), [...base.keys()].sort());
    const untranslated = [...base].filter(([k]) => !ARABIC_SCRIPT.test(other.get(k) ?? ''));
    assert.deepEqual(
      untranslated.map(([k]) => k),
      [],
      `messages with no ${name} text`,
    );
    for (const [k, v] of base) {
      if (v.includes('X1')) assert.ok(other.get(k)!.includes('X1'), `${k} keeps its first value`);
      if (v.includes('X2')) assert.ok(other.get(k)!.includes('X2'), `${k} keeps its second value`);
    }
  });
}
