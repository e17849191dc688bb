// `truceline report daily|weekly|period --mission S --date D [--to D2] --format html|pdf|json -o F`:
// a mission's report through the report routes (src/server/routes/reports.ts), so what it counts is
// what the caller may see, and the PDF is the server's (it names the checkpoint it was computed at).
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { answerError, connect, type ConnectionOptions } from '../connection.js';

interface Options extends ConnectionOptions {
  mission?: string;
  date: string;
  to?: string;
  format: string;
  out?: string;
}

const KINDS = ['daily', 'weekly', 'period'] as const;
const FORMATS = ['json', 'html', 'pdf'] as const;

export function registerReport(program: Command): void {
  program
    .command('report')
    .description("a mission's daily, weekly or period report")
    .argument('<kind>', KINDS.join('|'))
    .requiredOption(
      '--date <date>',
      'the day (daily), the last day (weekly) or the first day (period)',
    )
    .option('--to <date>', 'the last day (period)')
    .option('--mission <slug>', 'the mission (default: the credentials file names it)')
    .option('--format <name>', FORMATS.join('|'), 'json')
    .option('--server <url>', 'the server (default: the credentials file names it)')
    .option(
      '--credentials <file>',
      'a credentials file (without one: TRUCELINE_TOKEN, or the public)',
    )
    .option('--as <user>', 'the user of the credentials file')
    .option('-o, --out <file>', 'the file to write (default: stdout)')
    .action(async (kind: string, opts: Options) => {
      if (!(KINDS as readonly string[]).includes(kind))
        throw new Error(`unknown report "${kind}": use ${KINDS.join(', ')}`);
      if (!(FORMATS as readonly string[]).includes(opts.format))
        throw new Error(`unknown --format "${opts.format}": use ${FORMATS.join(', ')}`);
      if (opts.format === 'pdf' && !opts.out && process.stdout.isTTY)
        throw new Error('report --format pdf writes binary: give -o FILE or redirect stdout');
      if (kind === 'period' && !opts.to) throw new Error('report period needs --to DATE');
      const c = connect('report', opts);
      const mission = opts.mission ?? c.mission;
      if (!mission) throw new Error('report needs --mission SLUG');
      const q =
        kind === 'period'
          ? `from=${encodeURIComponent(opts.date)}&to=${encodeURIComponent(opts.to!)}`
          : `date=${encodeURIComponent(opts.date)}`;
      const format = `&format=${opts.format}`;
      const res = await fetch(
        `${c.server}/api/v1/missions/${encodeURIComponent(mission)}/reports/${kind}?${q}${format}`,
        { headers: c.token ? { authorization: `Bearer ${c.token}` } : {} },
      );
      if (res.status !== 200)
        throw new Error(`couldn't make the report: ${await answerError(res)}`);
      const bytes =
        opts.format === 'json'
          ? JSON.stringify(await res.json(), null, 2) + '\n'
          : new Uint8Array(await res.arrayBuffer());
      if (opts.out) writeFileSync(opts.out, bytes);
      else process.stdout.write(bytes);
    });
}
