// Runs code-articles.ts in a worker thread (code-worker.ts); `stop()` terminates it.
import type { MissionRegionSource } from '../../ingest/geo/mission-region.js';
import { startWorker } from '../../log/start-worker.js';
import type { CodedNews, NewsText } from './code-articles.js';
import type { CodeReply, CodeRequest } from './code-worker.js';

export interface CodingJob {
  result: Promise<CodedNews[]>;
  stop(): Promise<void>;
}

export function codeInWorker(doc: MissionRegionSource, texts: NewsText[]): CodingJob {
  const worker = startWorker('./code-worker', import.meta.url);
  let stopped = false;
  const result = new Promise<CodedNews[]>((resolve, reject) => {
    worker.once('message', (reply: CodeReply) => {
      if (reply.ok) resolve(reply.coded);
      else reject(new Error(`couldn't code the news: ${reply.error}`));
      void worker.terminate();
    });
    worker.once('error', (err) => reject(new Error(`couldn't code the news: ${err.message}`)));
    worker.once('exit', (code) => {
      if (stopped) reject(new Error('news coding stopped: the server is closing'));
      else reject(new Error(`couldn't code the news: the coding thread exited (${code})`));
    });
  });
  result.catch(() => undefined); // the caller may stop before it awaits
  const { region, boundaries, crossings } = doc;
  const request: CodeRequest = { doc: { region, boundaries, crossings }, texts };
  worker.postMessage(request);
  return {
    result,
    async stop() {
      stopped = true;
      await worker.terminate();
    },
  };
}
