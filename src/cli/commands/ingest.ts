// `truceline ingest FILE|DIR|-`: codes news articles into events (issue 5). With --json, one JSON
// object per coded event on stdout; otherwise a readable table. Progress for directories goes to
// stderr so stdout stays machine-readable. With --commit, each article becomes one signed `article`
// entry (core ArticleBodySchema) posted to the mission's log with the analyst's key and token; the
// client (signing, POST, 503 back-off) is `truceline submit`'s.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { signerFromNoteKey } from '../../core/signing.js';
import {
  articleBody,
  IngestError,
  ingestInputs,
  loadGazetteer,
  type CodedEvent,
} from '../../ingest/index.js';
import { submitOne, type Credentials } from './submit.js';

interface IngestCliOptions {
  json?: boolean;
  progress?: boolean;
  commit?: boolean;
  server?: string;
  credentials?: string;
  as?: string;
  mission?: string;
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
      '--credentials <file>',
      'credentials file for --commit (e.g. data/demo-credentials.json)',
    )
    .option('--as <user>', 'the user (an analyst) whose token and key sign the entries')
    .option('--mission <slug>', 'mission for --commit (default: from the credentials file)')
    .action(async (inputs: string[], opts: IngestCliOptions) => {
      const showProgress = opts.progress !== false && process.stderr.isTTY === true;
      // `truceline ingest DIR --json | head` closes the pipe early: that is not a failure.
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') process.exit(0);
        throw err;
      });
      try {
        // Check the signing material before the (possibly long) coding run.
        const committer = opts.commit ? await loadCommitter(opts) : null;
        const gazetteer = loadGazetteer();
        const { events, articles, coded } = await ingestInputs(inputs, {
          gazetteer,
          ...(showProgress ? { onProgress: (p) => progressBar(p.done, p.total) } : {}),
        });
        if (showProgress) process.stderr.write('\n');
        if (committer) {
          let failed = 0;
          for (let i = 0; i < coded.length; i++) {
            const { article, events: mine } = coded[i]!;
            const body = articleBody(article, mine);
            const r = await submitOne(
              committer.server,
              committer.mission,
              committer.token,
              committer.signer,
              'article',
              JSON.stringify(body),
            );
            if ('error' in r) failed++;
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
              `${coded.length - failed} of ${coded.length} articles committed to ${committer.mission}\n`,
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

async function loadCommitter(opts: IngestCliOptions): Promise<Committer> {
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
  const mission = opts.mission ?? creds.mission;
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
