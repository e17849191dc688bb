// `truceline ingest FILE|DIR|-`: codes news articles into events (issue 5). With --json, one JSON
// object per coded event on stdout; otherwise a readable table. Progress for directories goes to
// stderr so stdout stays machine-readable. (--commit, filing signed `article` entries, waits for the log.)
import type { Command } from 'commander';
import { IngestError, ingestInputs, loadGazetteer, type CodedEvent } from '../../ingest/index.js';

interface IngestCliOptions {
  json?: boolean;
  progress?: boolean;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      'code news articles (text, HTML, RSS/Atom, JSON lines; files, directories or - for stdin) into events',
    )
    .argument('<inputs...>', 'files, directories, or - for stdin')
    .option('--json', 'print one JSON object per coded event')
    .option('--no-progress', 'do not show progress on stderr')
    .action(async (inputs: string[], opts: IngestCliOptions) => {
      const showProgress = opts.progress !== false && process.stderr.isTTY === true;
      // `truceline ingest DIR --json | head` closes the pipe early: that is not a failure.
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') process.exit(0);
        throw err;
      });
      try {
        const gazetteer = loadGazetteer();
        const { events, articles } = await ingestInputs(inputs, {
          gazetteer,
          ...(showProgress ? { onProgress: (p) => progressBar(p.done, p.total) } : {}),
        });
        if (showProgress) process.stderr.write('\n');
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

function progressBar(done: number, total: number): void {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} articles`,
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
