// The demo's news (issue 10 item 8, "news events coded from articles"): short texts written for
// the demo (missions/<slug>.news.json — invented wire copy, not published articles), coded on the
// demo's first start by the server's news coder with the mission document, and filed as signed
// `article` entries by the news coder's own demo identity (role news_coder, not an analyst), after
// the story. Some agree with what a party alleged, some contradict it; the mission view's news
// layer shows them, labelled unverified.
// Coding starts in a worker thread as the story is filed (the gazetteer takes seconds to load);
// its result is memoised by content (coding-cache.ts), the filing is not.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SlugSchema } from '../../core/records/mission.js';
import { signerFromNoteKey } from '../../core/signing.js';
import type { AppContext } from '../app.js';
import type { Credentials } from '../provision.js';
import { NewsTextSchema } from './code-articles.js';
import { codeInWorker, type CodingJob } from './code-in-worker.js';
import { codingKey, readCoding, writeCoding } from './coding-cache.js';
import { fileArticles, type FiledArticle } from './file-articles.js';

/** Set (per mission) once the demo's news is filed, so a restart does not file it again. */
export const NEWS_SETTING = 'demo.news';

export const DemoNewsSchema = z.strictObject({
  mission: SlugSchema,
  about: z.string(),
  /** The demo user whose key signs the articles (the news coder's own identity, role news_coder). */
  as: z.string().min(1),
  articles: z.array(NewsTextSchema).min(1).max(200),
});
export type DemoNews = z.infer<typeof DemoNewsSchema>;

export const demoNewsFile = (slug: string): string =>
  fileURLToPath(new URL(`../../../missions/${slug}.news.json`, import.meta.url));

export function loadDemoNews(path: string): DemoNews {
  const parsed = DemoNewsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `invalid demo news file ${path}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''} (fix the file or delete it to run the demo without news)`,
    );
  }
  return parsed.data;
}

export interface DemoNewsJob {
  /** Files the coded articles (after the story); resolves with what was filed. */
  file(): Promise<FiledArticle[]>;
  stop(): Promise<void>;
}

/**
 * Starts coding the mission's demo news, unless it was filed before or the mission has none.
 * Call `file()` once the story is filed; `stop()` if the server closes first.
 */
export async function startDemoNews(
  ctx: AppContext,
  slug: string,
  credentialsFile: string,
  path = demoNewsFile(slug),
): Promise<DemoNewsJob | null> {
  if (!existsSync(path)) return null;
  if (await ctx.store.getSetting(slug, NEWS_SETTING)) return null;
  const news = loadDemoNews(path);
  if (news.mission !== slug)
    throw new Error(`demo news file ${path} is for mission ${news.mission}, not ${slug}`);
  const mission = await ctx.store.getMission(slug);
  if (!mission) throw new Error(`couldn't code the demo news: no mission ${slug}`);
  const key = codingKey(mission.doc, news.articles);
  const memo = readCoding(key);
  const job: CodingJob = memo
    ? { result: Promise.resolve(memo), stop: () => Promise.resolve() }
    : codeInWorker(mission.doc, news.articles);
  return {
    async file() {
      const log = ctx.logs?.get(slug);
      if (!log) throw new Error(`couldn't file the demo news: no log for ${slug}`);
      const credentials = JSON.parse(readFileSync(credentialsFile, 'utf8')) as Credentials;
      const user = credentials.users[news.as];
      if (!user) throw new Error(`couldn't file the demo news: no demo user ${news.as}`);
      const signer = await signerFromNoteKey(readFileSync(user.keyFile, 'utf8').trim());
      const coded = await job.result;
      if (!memo) writeCoding(key, coded);
      const filed = await fileArticles(ctx, log, coded, signer, news.as);
      await ctx.store.putSetting(slug, NEWS_SETTING, new Date().toISOString());
      return filed;
    },
    stop: () => job.stop(),
  };
}

/** The demo news of every running mission that has a news file (one job for them all). */
export async function startAllDemoNews(
  ctx: AppContext,
  credentialsFile: string,
): Promise<DemoNewsJob> {
  const jobs: DemoNewsJob[] = [];
  try {
    for (const slug of ctx.logs?.keys() ?? []) {
      const job = await startDemoNews(ctx, slug, credentialsFile);
      if (job) jobs.push(job);
    }
  } catch (err) {
    await Promise.all(jobs.map((j) => j.stop()));
    throw err;
  }
  return {
    async file() {
      const filed: FiledArticle[] = [];
      for (const j of jobs) filed.push(...(await j.file()));
      return filed;
    },
    async stop() {
      await Promise.all(jobs.map((j) => j.stop()));
    },
  };
}
