// Background is no event (issue 13, item 3): a happening the sentence dates more than a month before
// the article was published ("Israel launched operations on Oct. 8, 2023"), or dates by a past month
// with no day ("Earlier in May, residents were displaced"). Talks and agreements recalled stay: the
// truce "brokered in Doha on October 19" is the one being monitored, and "the ceasefire agreed in
// October remains in place" still says which truce is meant (undated).
import { STRATEGIC_SHARED } from '../where.js';
import type { SkipRule } from './skip-rule.js';

/** How far before publication an explicitly dated happening is still the article's news: op-eds and
 * editorials recall the past weeks' events as news (the dev set labels them), explainers go further back. */
export const NEWS_WINDOW_DAYS = 30;
const DAY = 86_400_000;

export const backgroundDate: SkipRule = {
  name: 'background-date',
  stage: 'dated',
  skips(ctx, when) {
    if (!when || ctx.mod === 'future' || STRATEGIC_SHARED.has(ctx.type)) return false;
    if (when.pastMonth) return true;
    const published = ctx.article.published;
    if (!when.explicit || when.date === null || published === null) return false;
    return (Date.parse(published) - Date.parse(when.date)) / DAY > NEWS_WINDOW_DAYS;
  },
};
