// JSON lines of {url, headline, published, text} or {url, published, html} (issue 5, "Inputs").
// `published` may be missing: relative dates then stay unresolved unless the text gives a date line.
import { z } from 'zod';
import { IngestError } from '../errors.js';
import type { Article } from '../types.js';
import { parseHtml } from './html.js';
import { parsePlainText } from './plain-text.js';

const LineSchema = z
  .object({
    url: z.string().max(4096).nullish(),
    outlet: z.string().max(400).nullish(),
    headline: z.string().max(2000).nullish(),
    published: z.string().max(120).nullish(),
    text: z.string().nullish(),
    html: z.string().nullish(),
  })
  .refine((x) => typeof x.text === 'string' || typeof x.html === 'string', {
    message: 'a line needs "text" or "html"',
  });

export function looksLikeJsonLines(text: string): boolean {
  return /^\s*\{/.test(text);
}

export function parseJsonLines(text: string, name = 'input'): Article[] {
  const out: Article[] = [];
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = (lines[n] ?? '').trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      throw new IngestError('bad_json_line', `couldn't read ${name} line ${n + 1}: not JSON`, {
        cause,
      });
    }
    const parsed = LineSchema.safeParse(value);
    if (!parsed.success) {
      const why = parsed.error.issues[0]?.message ?? 'bad shape';
      throw new IngestError('bad_json_line', `couldn't read ${name} line ${n + 1}: ${why}`, {
        cause: parsed.error,
      });
    }
    const x = parsed.data;
    const hints = {
      url: x.url ?? null,
      headline: x.headline ?? null,
      published: x.published ?? null,
      outlet: x.outlet ?? null,
    };
    out.push(
      typeof x.html === 'string' ? parseHtml(x.html, hints) : parsePlainText(x.text ?? '', hints),
    );
  }
  return out;
}
