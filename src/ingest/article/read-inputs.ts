// Turns what the user names on the command line (files, directories, "-" for stdin) into articles.
// The format is chosen by extension, then by sniffing the first bytes.
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { IngestError } from '../errors.js';
import type { Article } from '../types.js';
import { isFeed, parseFeed } from './feed.js';
import { parseHtml } from './html.js';
import { looksLikeJsonLines, parseJsonLines } from './json-lines.js';
import { parsePlainText } from './plain-text.js';

export const ARTICLE_EXTENSIONS = [
  '.txt',
  '.text',
  '.md',
  '.html',
  '.htm',
  '.xml',
  '.rss',
  '.atom',
  '.jsonl',
  '.ndjson',
];

/** Parses one document's text into its articles (one, or several for feeds and JSON lines). */
export function parseDocument(text: string, name = 'input'): Article[] {
  const ext = extname(name).toLowerCase();
  const head = text.slice(0, 1000).trimStart();
  if (ext === '.jsonl' || ext === '.ndjson') return parseJsonLines(text, name);
  if (ext === '.xml' || ext === '.rss' || ext === '.atom' || isFeed(head)) return parseFeed(text);
  if (ext === '.html' || ext === '.htm' || /^(<!doctype html|<html)/i.test(head))
    return [parseHtml(text)];
  if (looksLikeJsonLines(head)) return parseJsonLines(text, name);
  return [parsePlainText(text)];
}

/** Lists the article files a path stands for: itself, or the files under it (sorted, recursive). */
export async function listInputFiles(path: string): Promise<string[]> {
  let st;
  try {
    st = await stat(path);
  } catch (cause) {
    throw new IngestError('input_not_found', `couldn't read ${path}: no such file or directory`, {
      cause,
    });
  }
  if (st.isFile()) return [path];
  if (!st.isDirectory())
    throw new IngestError('unsupported_input', `couldn't read ${path}: not a file or directory`);
  const out: string[] = [];
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(path, e.name);
    if (e.isDirectory()) out.push(...(await listInputFiles(p)));
    else if (e.isFile() && ARTICLE_EXTENSIONS.includes(extname(e.name).toLowerCase())) out.push(p);
  }
  return out;
}

export async function readArticlesFromFile(path: string): Promise<Article[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new IngestError('input_not_found', `couldn't read ${path}: ${(cause as Error).message}`, {
      cause,
    });
  }
  return parseDocument(text, path);
}

export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
