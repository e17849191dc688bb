// `article` entries: coded news, filed by the news coder's own identity (the machine coder) or by
// an analyst (a desk that codes by hand).
import type { KindRules } from './context.js';

export const articleRules: KindRules<'article'> = {
  authors: ['news_coder', 'analyst'],
  authorRule: 'article_by_analyst',
  decide(_c) {
    return { ok: true };
  },
};
