// Finds event triggers in a clause. Overlapping matches keep the higher-priority type (a "suicide
// blast" is a suicide bombing, not an IED), so each stretch of text yields at most one type.
import type { EventType } from '../../core/taxonomy.js';
import { triggerRules } from './lexicon.js';
import { eachMatch } from '../text/each-match.js';

export interface Trigger {
  type: EventType;
  /** Offsets inside the clause text. */
  start: number;
  end: number;
  priority: number;
  weak: boolean;
  futureOk: boolean;
  alone: boolean;
  text: string;
  /** A named operation's target country: the event is there, whatever else the sentence names. */
  country?: string;
}

export function findTriggers(clause: string): Trigger[] {
  const found: Trigger[] = [];
  const lower = clause.toLowerCase();
  for (const rule of triggerRules()) {
    // Most clauses name no event of most types: skip the patterns when no keyword is present.
    if (rule.keywords && !rule.keywords.some((k) => lower.includes(k))) continue;
    for (let i = 0; i < rule.patterns.length; i++) {
      const re = rule.patterns[i]!;
      const own = rule.patternKeywords[i];
      if (own && !own.some((k) => lower.includes(k))) continue;
      re.lastIndex = 0;
      for (const m of eachMatch(re, clause)) {
        if (m[0].length === 0) continue;
        found.push({
          type: rule.type,
          start: m.index,
          end: m.index + m[0].length,
          priority: rule.priority,
          weak: rule.weak,
          futureOk: rule.futureOk,
          alone: rule.alone,
          text: m[0],
          ...(rule.country !== undefined ? { country: rule.country } : {}),
        });
      }
    }
  }
  found.sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start));
  const kept: Trigger[] = [];
  for (const t of found) {
    if (kept.some((k) => t.start < k.end && k.start < t.end)) continue;
    kept.push(t);
  }
  // "Taliban detained 40 returnees": a bare noun names the people of another event, not an event.
  const near = (t: Trigger, o: Trigger): boolean => {
    const gap = t.start < o.start ? clause.slice(t.end, o.start) : clause.slice(o.end, t.start);
    return gap.length <= 40 && !/\b(?:as|while|when|after|before|because|amid)\b/i.test(gap);
  };
  const out = kept.filter(
    (t) => !t.alone || kept.every((o) => o === t || o.type === t.type || !near(t, o)),
  );
  return out.sort((a, b) => a.start - b.start);
}
