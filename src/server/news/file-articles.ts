// Files coded news as signed `article` entries through the path every submission takes
// (src/server/workflow/file.ts: admission, the workflow rules — only the news coder or an analyst
// may file an article, rule article_by_analyst — the sequencer, the read model). The signer is the
// news coder's own key, not an analyst's: the server signs nothing in anyone else's name.
import { signEnvelope } from '../../core/envelope.js';
import type { Signer } from '../../core/signing.js';
import type { MissionLog } from '../../log/service.js';
import type { AppContext } from '../app.js';
import { fileEntry } from '../workflow/file.js';
import type { CodedNews } from './code-articles.js';

export interface FiledArticle {
  index: number;
  id: string;
  headline: string;
  events: number;
}

/** Signed time of an article: the day it was published (noon UTC), as the desk read it then. */
export const articleTime = (published: string): string => `${published}T12:00:00.000Z`;

export async function fileArticles(
  ctx: AppContext,
  log: MissionLog,
  coded: readonly CodedNews[],
  signer: Signer,
  /** The desk user's name (the caller the workflow rules judge). */
  caller: string,
): Promise<FiledArticle[]> {
  // Together, as the story files a wave: one sequencer batch, not one per article (a demo's
  // start waits for this). Their order in the log is the sequencer's.
  return Promise.all(
    coded.map(async ({ source, body }): Promise<FiledArticle> => {
      const at = articleTime(source.published);
      const { bytes } = await signEnvelope(
        { mission: log.slug, kind: 'article', body, at },
        signer,
      );
      try {
        const r = await fileEntry(ctx, log, bytes, caller, at);
        return { ...r, headline: body.headline, events: body.events.length };
      } catch (err) {
        throw new Error(`couldn't file the article "${body.headline}": ${(err as Error).message}`, {
          cause: err,
        });
      }
    }),
  );
}
