// Filing coded news once (issue 13, item 5): `ingest --commit` run twice filed every article twice.
// The ledger remembers, per mission, which articles were filed — by the SHA-256 of the text and by
// the link — and at which log index, so a second run files only what is new. It is a JSON-lines file
// (one filed article a line), appended as each article is accepted, so a run cut short keeps what it
// filed. The same article twice in one run (two copies of a page, a feed item and its page) is filed once.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { IngestError } from '../errors.js';
import type { ArticleBody } from './article-body.js';

export interface FiledArticle {
  mission: string;
  contentSha256: string;
  url: string | null;
  index: number;
}

export interface FilingPlan {
  /** Bodies to file, in input order. */
  toFile: ArticleBody[];
  /** Bodies already in the mission's log (or earlier in this run), with where they were filed. */
  alreadyFiled: { body: ArticleBody; index: number | null }[];
}

export class FilingLedger {
  private readonly byHash = new Map<string, FiledArticle>();
  private readonly byUrl = new Map<string, FiledArticle>();

  constructor(
    readonly path: string,
    readonly mission: string,
  ) {
    if (!existsSync(path)) return;
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.trim() === '') return;
        let rec: FiledArticle;
        try {
          rec = JSON.parse(line) as FiledArticle;
        } catch (err) {
          throw new IngestError(
            'bad_json_line',
            `${path}:${i + 1}: the filing ledger has a line that is not JSON; fix or remove that line (it only records what was filed)`,
            { cause: err },
          );
        }
        if (rec.mission === mission) this.remember(rec);
      });
  }

  private remember(rec: FiledArticle): void {
    this.byHash.set(rec.contentSha256, rec);
    if (rec.url) this.byUrl.set(rec.url, rec);
  }

  /** Where this article was filed before, by its text's hash or its link; null when it is new. */
  filed(body: ArticleBody): FiledArticle | null {
    return (
      this.byHash.get(body.contentSha256) ??
      (body.url ? this.byUrl.get(body.url) : undefined) ??
      null
    );
  }

  /** Splits bodies into those to file and those filed already (before, or earlier in the list). */
  plan(bodies: ArticleBody[]): FilingPlan {
    const plan: FilingPlan = { toFile: [], alreadyFiled: [] };
    const hashes = new Set<string>();
    const urls = new Set<string>();
    for (const body of bodies) {
      const before = this.filed(body);
      if (before) plan.alreadyFiled.push({ body, index: before.index });
      else if (hashes.has(body.contentSha256) || (body.url !== null && urls.has(body.url)))
        plan.alreadyFiled.push({ body, index: null });
      else plan.toFile.push(body);
      hashes.add(body.contentSha256);
      if (body.url) urls.add(body.url);
    }
    return plan;
  }

  /** Records an article the log accepted at `index`. */
  record(body: ArticleBody, index: number): void {
    const rec: FiledArticle = {
      mission: this.mission,
      contentSha256: body.contentSha256,
      url: body.url,
      index,
    };
    mkdirSync(dirname(this.path), { recursive: true });
    appendFileSync(this.path, `${JSON.stringify(rec)}\n`);
    this.remember(rec);
  }
}
