import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { splitSentences } from '../text/sentences.js';
import { findTriggers } from './triggers.js';
import { triggerRules } from './lexicon.js';

const DEV = new URL('../../../testdata/ingest/dev/', import.meta.url);
const SEED = new URL('../../../../shared/fixtures/seed-article.txt', import.meta.url);

function corpus(): string[] {
  const texts = readdirSync(DEV)
    .filter((n) => /\.(txt|html)$/.test(n))
    .map((n) => readFileSync(new URL(n, DEV), 'utf8').replace(/<[^>]+>/g, ' '));
  try {
    texts.push(readFileSync(SEED, 'utf8'));
  } catch {
    // The shared fixture is optional here.
  }
  return texts.flatMap((t) => splitSentences(t).map((s) => s.text));
}

test("triggers: every match of every pattern contains one of its type's keywords", () => {
  const sentences = corpus();
  assert.ok(sentences.length > 200);
  let matches = 0;
  for (const rule of triggerRules()) {
    if (!rule.keywords) continue;
    for (const [i, re] of rule.patterns.entries()) {
      const own = rule.patternKeywords[i] ?? rule.keywords;
      for (const s of sentences) {
        for (const m of s.matchAll(new RegExp(re.source, re.flags))) {
          matches++;
          const text = m[0].toLowerCase();
          assert.ok(
            own.some((k) => text.includes(k)),
            `${rule.type}: "${m[0]}" matches ${re.source} but holds none of ${own.join(', ')}`,
          );
        }
      }
    }
  }
  assert.ok(matches > 100);
});

test('triggers: the keyword filter changes nothing', () => {
  const sentences = corpus();
  const rules = triggerRules();
  const saved = rules.map((r) => [r.keywords, r.patternKeywords] as const);
  const withFilter = sentences.map((s) => findTriggers(s));
  for (const r of rules) {
    r.keywords = null;
    r.patternKeywords = r.patterns.map(() => null);
  }
  try {
    const without = sentences.map((s) => findTriggers(s));
    assert.deepEqual(withFilter, without);
  } finally {
    rules.forEach((r, i) => {
      r.keywords = saved[i]?.[0] ?? null;
      r.patternKeywords = [...(saved[i]?.[1] ?? [])];
    });
  }
});

test('triggers: common wordings of local press', () => {
  const types = (s: string): string[] => findTriggers(s).map((t) => t.type);
  assert.ok(types('a quadcopter dropped a mortar bomb on a house').includes('airstrike'));
  assert.ok(
    types('the bomber rammed an explosives-laden car into the convoy').includes('suicide_bomb'),
  );
  assert.ok(types('militants attacked a check-post of the police').includes('armed_clash'));
  assert.ok(types('sporadic firing continued through the night').includes('armed_clash'));
  assert.ok(types('traffic through the crossing resumed on Monday').includes('border_reopening'));
  assert.ok(
    types('undocumented Afghans returned through the Chaman crossing').includes('refugee_movement'),
  );
  assert.ok(
    types('the aid convoy was turned back at a checkpoint near the town').includes('access_denied'),
  );
  assert.ok(
    types('unknown motorcyclists shot dead a prayer leader near the mosque').includes(
      'attack_on_civilians',
    ),
  );
});
