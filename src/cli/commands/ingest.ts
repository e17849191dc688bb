// `truceline ingest FILE|DIR|-`: codes news articles into events (issue 5). With --json, one JSON
// object per coded event on stdout; otherwise a readable table. Progress for directories goes to
// stderr so stdout stays machine-readable. With --commit, each article becomes one signed `article`
// entry (core ArticleBodySchema) posted to the mission's log with the analyst's key and token; the
// client (signing, POST, 503 back-off) is `truceline submit`'s.
// The coder's region comes from the mission (--mission SLUG|FILE, or the credentials' mission with
// --commit): its countries are the prior among same-named places, its boundaries the lines "the
// border" means. With no mission it codes news from anywhere.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { z } from 'zod';
import { CrossingSiteSchema, SlugSchema } from '../../core/records/mission.js';
import { signerFromNoteKey } from '../../core/signing.js';
import {
  articleBody,
  codingGazetteer,
  IngestError,
  ingestInputs,
  type CodedEvent,
} from '../../ingest/index.js';
import type { MissionRegionSource } from '../../ingest/geo/mission-region.js';
import { loadMissionFile } from '../../server/missions.js';
import { submitOne, type Credentials } from './submit.js';
import { FilingLedger } from '../../ingest/commit/filing-ledger.js';

const MISSIONS_DIR = new URL('../../../missions/', import.meta.url);

interface IngestCliOptions {
  json?: boolean;
  progress?: boolean;
  commit?: boolean;
  server?: string;
  credentials?: string;
  as?: string;
  mission?: string;
  ledger?: string;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      'code news articles (text, HTML, RSS/Atom, JSON lines; files, directories or - for stdin) into events',
    )
    .argument('<inputs...>', 'files, directories, or - for stdin')
    .option(
      '--json',
      'print one JSON object per coded event (with --commit: one result per article)',
    )
    .option('--no-progress', 'do not show progress on stderr')
    .option('--commit', 'file one signed `article` entry per article in the mission log')
    .option('--server <url>', 'server URL for --commit (default: from the credentials file)')
    .option(
      '--ledger <file>',
      'with --commit: the record of articles filed, so a second run files none twice (default: filed-articles.jsonl beside the credentials file)',
    )
    .option(
      '--credentials <file>',
      'credentials file for --commit (e.g. data/demo-credentials.json)',
    )
    .option('--as <user>', 'the user (an analyst) whose token and key sign the entries')
    .option(
      '--mission <slug|file>',
      "the mission whose region, lines and crossings the coder uses (a mission file, or a slug: missions/<slug>.json, else the --commit server's document); with --commit, also where entries go (default: the credentials file's); none: news from anywhere",
    )
    .action(async (inputs: string[], opts: IngestCliOptions) => {
      const showProgress = opts.progress !== false && process.stderr.isTTY === true;
      // `truceline ingest DIR --json | head` closes the pipe early: that is not a failure.
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') process.exit(0);
        throw err;
      });
      try {
        // Check the signing material before the (possibly long) coding run.
        const mission = await resolveMission(opts);
        const committer = opts.commit ? await loadCommitter(opts, mission?.slug) : null;
        const missionDoc =
          mission ?? (committer ? await missionForSlug(committer.mission, committer.server) : null);
        const gazetteer = codingGazetteer(missionDoc);
        const { events, articles, coded } = await ingestInputs(inputs, {
          gazetteer,
          ...(showProgress ? { onProgress: (p) => progressBar(p.done, p.total) } : {}),
        });
        if (showProgress) process.stderr.write('\n');
        if (committer) {
          let failed = 0;
          let skipped = 0;
          // Filed once (issue 13, item 5): articles already filed (by text hash or link, in this
          // run or an earlier one) are named with their index and not filed again.
          const ledger = new FilingLedger(
            opts.ledger ?? join(dirname(resolve(opts.credentials!)), 'filed-articles.jsonl'),
            committer.mission,
          );
          const bodies = coded.map(({ article, events }) => articleBody(article, events));
          const plan = ledger.plan(bodies);
          const toFile = new Set(plan.toFile);
          const before = new Map(plan.alreadyFiled.map((a) => [a.body, a.index]));
          for (let i = 0; i < coded.length; i++) {
            const { article, events: mine } = coded[i]!;
            const body = bodies[i]!;
            if (!toFile.has(body)) {
              skipped++;
              const index = before.get(body) ?? null;
              const line = { url: article.url, headline: body.headline, alreadyFiled: index };
              if (opts.json) process.stdout.write(`${JSON.stringify(line)}\n`);
              else
                process.stdout.write(
                  `already filed${index === null ? ' (earlier in this run)' : ` at #${index}`}  ${body.headline.slice(0, 60)}\n`,
                );
              continue;
            }
            const r = await submitOne(
              committer.server,
              committer.mission,
              committer.token,
              committer.signer,
              'article',
              JSON.stringify(body),
            );
            if ('error' in r) failed++;
            else if (typeof r.index === 'number') ledger.record(body, r.index);
            const line = { url: article.url, headline: body.headline, events: mine.length, ...r };
            if (opts.json) process.stdout.write(`${JSON.stringify(line)}\n`);
            else
              process.stdout.write(
                'error' in r
                  ? `failed  ${body.headline.slice(0, 60)}: ${String(r.error)}\n`
                  : `#${String(r.index)}  ${mine.length} events  ${body.headline.slice(0, 60)}\n`,
              );
            if (showProgress) progressBar(i + 1, coded.length, 'committed');
          }
          if (showProgress) process.stderr.write('\n');
          if (!opts.json)
            process.stdout.write(
              `${coded.length - failed - skipped} of ${coded.length} articles committed to ${committer.mission}${skipped ? ` (${skipped} filed before)` : ''}\n`,
            );
          if (failed > 0) {
            program.error(
              `truceline ingest: couldn't commit ${failed} of ${coded.length} articles`,
              {
                exitCode: 1,
                code: 'ingest.commit_failed',
              },
            );
          }
          return;
        }
        if (opts.json) {
          for (const e of events) process.stdout.write(`${JSON.stringify(e)}\n`);
        } else {
          process.stdout.write(table(events));
          process.stdout.write(`${events.length} events from ${articles.length} articles\n`);
        }
      } catch (err) {
        if (err instanceof IngestError) {
          // One line, then a non-zero exit through commander (main maps it to exit code 2).
          program.error(`truceline ingest: ${err.message}`, {
            exitCode: 1,
            code: `ingest.${err.code}`,
          });
        }
        throw err;
      }
    });
}

interface Committer {
  server: string;
  mission: string;
  token: string;
  signer: Awaited<ReturnType<typeof signerFromNoteKey>>;
}

type Mission = MissionRegionSource & { slug: string };

// The fields the coder reads, as both a mission file and the server's public document carry them.
const MissionRegionSchema = z.object({
  slug: SlugSchema,
  region: z.object({
    center: z.tuple([z.number(), z.number()]),
    zoom: z.number(),
    countries: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
  }),
  boundaries: z
    .array(
      z.object({
        name: z.string().min(1),
        source: z.object({
          type: z.literal('topojson-mesh'),
          atlas: z.string(),
          object: z.string(),
          between: z.tuple([z.string().regex(/^\d{3}$/), z.string().regex(/^\d{3}$/)]),
        }),
        attribution: z.string(),
      }),
    )
    .default([]),
  crossings: z.array(CrossingSiteSchema).default([]),
});

/** --mission as a file (any path that exists or ends in .json), else as a slug. */
async function resolveMission(opts: IngestCliOptions): Promise<Mission | null> {
  const m = opts.mission;
  if (!m) return null;
  if (existsSync(m) || m.endsWith('.json')) return loadMissionFile(m);
  return missionForSlug(m, opts.commit ? serverOf(opts) : undefined);
}

function serverOf(opts: IngestCliOptions): string | undefined {
  if (opts.server) return opts.server;
  if (!opts.credentials) return undefined;
  try {
    return (JSON.parse(readFileSync(opts.credentials, 'utf8')) as Credentials).server;
  } catch {
    return undefined; // loadCommitter reports an unreadable credentials file
  }
}

/** A mission by slug: the bundled missions/<slug>.json, else the server's mission document. */
async function missionForSlug(slug: string, server: string | undefined): Promise<Mission> {
  const parsedSlug = SlugSchema.safeParse(slug);
  if (!parsedSlug.success)
    throw new Error(
      `--mission ${slug}: not a mission file and not a slug (2-63 lower-case letters, digits or "-")`,
    );
  const file = fileURLToPath(new URL(`${slug}.json`, MISSIONS_DIR));
  if (existsSync(file)) return loadMissionFile(file);
  if (!server)
    throw new Error(
      `no mission "${slug}": there is no ${file}; pass a mission file (--mission path/to/mission.json) or --commit with a server that has it`,
    );
  const url = `${server.replace(/\/$/, '')}/api/v1/missions/${slug}`;
  let res: Response;
  try {
    res = await fetch(url);
  } catch (err) {
    throw new Error(`couldn't fetch mission "${slug}" from ${url}: ${(err as Error).message}`);
  }
  if (!res.ok) throw new Error(`couldn't fetch mission "${slug}" from ${url}: HTTP ${res.status}`);
  const parsed = MissionRegionSchema.safeParse(await res.json());
  if (!parsed.success)
    throw new Error(`mission "${slug}" from ${url} has no usable region: ${parsed.error.message}`);
  return parsed.data;
}

async function loadCommitter(opts: IngestCliOptions, missionSlug?: string): Promise<Committer> {
  if (!opts.credentials || !opts.as)
    throw new Error('ingest --commit needs --credentials FILE --as USER');
  let creds: Credentials;
  try {
    creds = JSON.parse(readFileSync(opts.credentials, 'utf8')) as Credentials;
  } catch (cause) {
    throw new Error(`couldn't read credentials ${opts.credentials}: ${(cause as Error).message}`);
  }
  const user = creds.users[opts.as];
  if (!user) throw new Error(`no user "${opts.as}" in ${opts.credentials}`);
  const server = opts.server ?? creds.server;
  const mission = missionSlug ?? opts.mission ?? creds.mission;
  if (!server || !mission) throw new Error('ingest --commit needs a server and a mission');
  const signer = await signerFromNoteKey(readFileSync(user.keyFile, 'utf8').trim());
  return { server, mission, token: user.token, signer };
}

function progressBar(done: number, total: number, what = 'articles'): void {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${what}`,
  );
}

function table(events: CodedEvent[]): string {
  const rows = events.map((e) => [
    e.date ?? '—',
    e.type,
    e.location ? `${e.location.name}${e.location.country ? `, ${e.location.country}` : ''}` : '—',
    e.actors.map((a) => a.name).join('; ') || '—',
    e.fatalities === null ? '—' : String(e.fatalities),
    e.confidence.toFixed(2),
    (e.article.headline ?? e.article.url ?? '').slice(0, 50),
  ]);
  const head = ['date', 'type', 'location', 'actors', 'killed', 'conf', 'article'];
  const widths = head.map((h, i) =>
    Math.min(40, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))),
  );
  const fmt = (r: string[]): string =>
    r
      .map((c, i) => c.slice(0, widths[i]).padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd() + '\n';
  return fmt(head) + fmt(widths.map((w) => '-'.repeat(w))) + rows.map(fmt).join('');
}
