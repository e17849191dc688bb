// `article` entries: Coded news, filed by analysts.
import type { KindRules } from './context.js';

export const articleRules: KindRules<'article'> = {
  authors: ['analyst'],
  authorRule: 'article_by_analyst',
  decide(_c) {
    return { ok: true };
  },
};
