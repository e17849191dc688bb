// The Web Worker of the log page's full check: the page posts {slug, lang}; the worker answers with
// progress messages, then one "done" or "failed" (the failure's code, index and sentence in the
// page's language), so a check of a large log never blocks the page.
import { VerifyFailure } from './failure.js';
import { checkWholeLog, type FullCheckResult } from './full-check.js';
import { setLang, type Lang } from './messages.js';

export type FullCheckMessage =
  | { type: 'progress'; done: number; total: number }
  | ({ type: 'done' } & FullCheckResult)
  | { type: 'failed'; reason: string; local: string; message: string };

const post = (m: FullCheckMessage) => (self as unknown as Worker).postMessage(m);

self.addEventListener('message', (e: MessageEvent<{ slug: string; lang: Lang }>) => {
  setLang(e.data.lang);
  checkWholeLog(e.data.slug, (p) => post({ type: 'progress', ...p })).then(
    (r) => post({ type: 'done', ...r }),
    (err: unknown) =>
      post(
        err instanceof VerifyFailure
          ? { type: 'failed', reason: err.reason, local: err.local, message: err.message }
          : { type: 'failed', reason: 'error', local: String(err), message: String(err) },
      ),
  );
});
