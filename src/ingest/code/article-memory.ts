// What the coder remembers of the article so far, sentence by sentence: the last explicit date, the
// last violent event and its place, the last crossing and the last talks or agreement. Later
// sentences lean on it ("the attack", "the crossing", "two soldiers also died").
import type { EventType } from '../../core/taxonomy.js';
import type { CodedLocation } from '../types.js';
import type { DraftEvent } from './merge.js';

/** How many sentences on a remembered date, place or event still carries over. */
export const MAX_INHERIT_SENTENCES = 2;

export interface Remembered {
  /** Index of the sentence it was remembered from. */
  sentence: number;
}

export interface ArticleMemory {
  /** The last day a sentence named ("on Friday"), inherited by the next two sentences. */
  lastExplicit: (Remembered & { date: string; precision: 1 | 2 | 3 }) | null;
  /** The article's last dated event, however far back: "ten days later" counts from it. */
  anchor: string | null;
  /** Where the last violent event was: "families were displaced by the shelling". */
  lastViolentPlace: (Remembered & { location: CodedLocation }) | null;
  /** The crossing named last: "the crossing" and "800 trucks are stranded" are there. */
  lastCrossing: CodedLocation | null;
  /** Types the article denied or refuted: "the clash" after a refuted clash is that one. */
  refuted: Set<EventType>;
  /** Types the article coded. */
  coded: Set<EventType>;
  /** The last talks or agreement, for "the parties agreed to continue the ceasefire". */
  lastStrategic:
    | (Remembered & { location: CodedLocation; date: string | null; precision: 1 | 2 | 3 | null })
    | null;
  /** The last violent event coded, for figures given in a later sentence ("Two soldiers also died."). */
  lastViolent: (Remembered & { draft: DraftEvent }) | null;
  /** The last agreement reached (not one planned), for "the agreement" of later sentences. */
  lastAgreement: (Remembered & { draft: DraftEvent }) | null;
}

export function newArticleMemory(): ArticleMemory {
  return {
    lastExplicit: null,
    anchor: null,
    lastViolentPlace: null,
    lastCrossing: null,
    refuted: new Set(),
    coded: new Set(),
    lastStrategic: null,
    lastViolent: null,
    lastAgreement: null,
  };
}

/** A roundup item ("Tank: Two soldiers were ...") starts a new story: nothing carries over into it. */
export function startNewStory(memory: ArticleMemory): void {
  memory.lastExplicit = null;
  memory.lastViolentPlace = null;
  memory.lastViolent = null;
}

/** True when something remembered from an earlier sentence is still near enough to carry over. */
export function stillRecent<T extends Remembered>(
  mark: T | null,
  sentence: number,
  within = MAX_INHERIT_SENTENCES,
): mark is T {
  return mark !== null && sentence - mark.sentence <= within;
}
