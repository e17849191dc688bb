// "Pakistan and Afghanistan have agreed to an immediate ceasefire ... Khawaja Asif confirmed the
// agreement and announced that the next round will be in Istanbul": "the agreement" is the one just
// reported, not a second one where the next round will be. Its day, when the clause names one, dates it.
import { stillRecent } from '../article-memory.js';
import { NEWS_WINDOW_DAYS } from './background-date.js';
import { definiteReference } from './definite.js';
import type { SkipRule } from './skip-rule.js';

/**
 * Sentences over which "the agreement" still points back to the one reported. A wire story reports
 * one agreement and returns to it several sentences on ("... confirmed the agreement"), after the
 * background; a second agreement would be named as such ("a separate deal"), not as "the agreement".
 */
const REACH = 8;
const DAY_MS = 86_400_000;

export const refersToLastAgreement: SkipRule = {
  name: 'refers-to-last-agreement',
  stage: 'trigger',
  skips: (ctx) =>
    ctx.type === 'ceasefire_agreement' &&
    ctx.mod === 'fact' &&
    stillRecent(ctx.memory.lastAgreement, ctx.sentence.index, REACH) &&
    ctx.memory.lastAgreement.sentence < ctx.sentence.index &&
    definiteReference(ctx.clause.text, ctx.trig.start),
  onSkip(ctx) {
    const draft = ctx.memory.lastAgreement?.draft;
    if (!draft || (draft.dateExplicit && draft.precision === 1)) return;
    const published = ctx.article.published;
    const inClause = (d: { start: number; end: number }): boolean =>
      d.start >= ctx.clause.start && d.end <= ctx.clause.end;
    const day = ctx.sentence.datesFor('past').find(
      (d) =>
        inClause(d) &&
        d.date !== null &&
        d.precision === 1 &&
        // "announced that the next round will be in Istanbul on October 25", read in the past
        // tense, is last year's October 25: only a day of the week before the report dates it.
        (published === null ||
          (d.date <= published &&
            (Date.parse(published) - Date.parse(d.date)) / DAY_MS <= NEWS_WINDOW_DAYS)),
    );
    if (day?.date) {
      draft.date = day.date;
      draft.precision = 1;
      draft.dateExplicit = true;
    }
  },
};
