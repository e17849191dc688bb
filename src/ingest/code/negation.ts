// Decides whether a trigger reports something that happened. Negations ("no attacks"), denials
// ("denied carrying out strikes"), hypotheticals ("would", "if", "risk of"), prevention ("to stop
// attacks") and generic accusations are not events. Future tense is allowed only for scheduled
// developments (talks that "will convene on Saturday"), never for violence.

import { NUMBER_WORDS } from '../text/number-words.js';

export type Modality = 'fact' | 'negated' | 'hypothetical' | 'future' | 'generic';

const NEGATION_BEFORE =
  /\b(?:no|not|never|without|nor|neither|none|denied|denies|deny|denying|rejected|rejects|refuted|refutes|dismissed|dismisses|false|baseless|fake|fabricated|unfounded|didn't|don't|doesn't|hasn't|haven't|hadn't|wasn't|weren't|free of|absence of|foiled|thwarted|averted|prevented|prevent|preventing|to stop|stop|avoid|avoided|ruled out|free from|instead of|rather than|lack of|zero)\b/i;
const NEGATION_AFTER =
  /^\W*(?:\w+\W+){0,3}?(?:was|were|has|have|had|did|does)\s+(?:not|never)\b|^\W*(?:did not|never) (?:happen|take place|occur)/i;
const HYPOTHETICAL =
  /\b(?:if|unless|whether|should|threaten(?:s|ed|ing)? to|threats? of|warn(?:s|ed|ing)? (?:of|against|that)|warning of|risk of|risks|fears? of|feared|possible|potential|possibility|any|future|plan(?:s|ned|ning)? to|planning|plotting|preparing|agreed to|decided to|vow(?:s|ed)? to|call(?:s|ed)? for|demand(?:s|ed)?|urg(?:es|ed|ing)|seek(?:s|ing)?|aim(?:s|ed)? (?:to|at)|intend(?:s|ed)? to|in case|in the event|hope|hopes|hoped|expects?|ready to|prepared to|capable of|able to|likely|unlikely)\b/i;
const FUTURE =
  /\b(?:will|shall|'ll|is to|are to|is set to|are set to|is scheduled|are scheduled|scheduled|is expected to|are expected to|expected|upcoming|prepares? to|to be held|due to (?:be|meet|hold|begin|resume|start|visit|travel|sign|reopen|open|convene)\b)\b/i;
const GENERIC =
  /\b(?:accus(?:ation|ations|es|ing) (?:\w+ ){0,8}(?:of|that)|in general|routinely|often|frequently|regularly|habitually|similar|in the past|previously)\b/i;
const HAPPENED =
  /\b(?:\w+ed|was|were|had|has|have|did|killed|struck|hit|fought|shot|went off|died|left|blew|overran|took|seized|led|broke|fled|met|began|held|brought|came|ground|stood|remains?|continued?s?|is|are|kept|caught|lost|sent|fell|threw|saw|beat|burnt|built)\b/i;

// Headlines and RSS items report in the present: "Blast kills 3 in Quetta", "strike leaves 15 dead".
// A present verb with a count of victims is one event, not a habit.
const COUNT_WORDS = Object.keys(NUMBER_WORDS)
  .filter((w) => w !== 'no' && w !== 'zero')
  .join('|');
const HEADLINE_PRESENT = new RegExp(
  `\\b(?:kills|kill|leaves|claims)\\s+(?:at least |more than |over |nearly |up to |as many as )?(?:\\d+|${COUNT_WORDS}|dozens|scores|several)\\b`,
  'i',
);

const REPORTS_OF = /\b(?:reports?|claims?|rumou?rs?|allegations?|videos?|posts)\b/i;
const REFUTED =
  /\b(?:was|were|is|are|had been|have been)\s+(?:\w+\s+)?(?:false|fake|baseless|untrue|unfounded|incorrect|fabricated|propaganda|a hoax)\b/i;
const PARTICIPLE_CLAUSE =
  /^\s*(?:triggering|prompting|forcing|sparking|leading to|killing|leaving|injuring|wounding)\b/i;

const AGREED_TO_TRUCE =
  /\b(?:agreed|agree|agrees|agreeing) to (?:an? |the )?(?:(?:immediate|unconditional|permanent|full|comprehensive|lasting|temporary|humanitarian|new|durable|mutual|and|,)\s*)*$/i;
const TRUCE_WORD = /^(?:cease-?fire|truce|armistice|cessation)/i;

const SCOPE_BREAK =
  /\b(?:from|after|since|despite|following|because|over|about|against|by|which|who|when|while|but)\b/i;
const WINDOW = 60; // characters before the trigger that can govern it

export function modality(
  clause: string,
  triggerStart: number,
  triggerEnd: number,
  futureOk: boolean,
  violent: boolean,
): Modality {
  const before = clause.slice(Math.max(0, triggerStart - WINDOW), triggerStart);
  const near = lastWords(before, 7);
  const cue = lastMatch(NEGATION_BEFORE, near);
  // "have not recovered from the closure": a preposition or clause word between the negation and the
  // trigger closes the negation's scope.
  if (cue !== null && !SCOPE_BREAK.test(near.slice(cue))) return 'negated';
  if (NEGATION_AFTER.test(clause.slice(triggerEnd, triggerEnd + 50))) return 'negated';
  // "Reports of heavy fighting in Kurram were false": a report the sentence refutes.
  if (
    REPORTS_OF.test(clause.slice(Math.max(0, triggerStart - 80), triggerStart)) &&
    REFUTED.test(clause.slice(triggerEnd))
  )
    return 'negated';
  // Hypotheticals govern the whole clause up to the trigger ("if ... attacks", "would be discussed").
  const head = clause.slice(0, triggerEnd + 30);
  // "have agreed to an immediate ceasefire": agreeing to a truce is the agreement, not a plan
  // ("agreed to hold talks" still is one).
  if (
    AGREED_TO_TRUCE.test(before) &&
    TRUCE_WORD.test(clause.slice(triggerStart, triggerEnd)) &&
    !/\b(?:[Ww]ould|[Cc]ould|[Mm]ight|may|if|unless)\b/.test(head)
  )
    return 'fact';
  if (
    HYPOTHETICAL.test(lastWords(before, 10)) ||
    /\b(?:[Ww]ould|[Cc]ould|[Mm]ight|may)\b/.test(head)
  )
    return 'hypothetical';
  if (GENERIC.test(clause.slice(0, triggerStart))) return 'generic';
  if (FUTURE.test(clause.slice(0, triggerEnd + 20))) return futureOk ? 'future' : 'hypothetical';
  // Violence in the plain present with no past form ("groups carry out attacks") is habitual, not an event.
  // A participle clause split from its main clause (", triggering a gunfight") takes the main verb's tense.
  if (
    violent &&
    !HAPPENED.test(clause) &&
    !PARTICIPLE_CLAUSE.test(clause) &&
    !HEADLINE_PRESENT.test(clause)
  )
    return 'generic';
  return 'fact';
}

function lastMatch(re: RegExp, s: string): number | null {
  const g = new RegExp(re.source, 'gi');
  let at: number | null = null;
  for (const m of s.matchAll(g)) at = m.index + m[0].length;
  return at;
}

function lastWords(s: string, n: number): string {
  const words = s.split(/\s+/);
  return words.slice(Math.max(0, words.length - n)).join(' ');
}

/** Reporting hedges lower confidence but keep the event: claims are what corroboration checks. */
export function isHedged(sentence: string): boolean {
  return /\b(?:reportedly|allegedly|claimed|claims|claim|alleged|unconfirmed|purportedly|according to (?:unconfirmed|local) (?:reports|sources)|sources said|could not be (?:independently )?verified|rumou?red)\b/i.test(
    sentence,
  );
}
