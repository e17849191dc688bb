// A worker thread for news coding (code-articles.ts): loading the world gazetteer takes seconds of
// CPU, so the demo codes its news here while the main thread files the story, and a server closed
// meanwhile just terminates the thread.
import { parentPort } from 'node:worker_threads';
import type { MissionRegionSource } from '../../ingest/geo/mission-region.js';
import { codeNewsTexts, type CodedNews, type NewsText } from './code-articles.js';

export interface CodeRequest {
  doc: MissionRegionSource;
  texts: NewsText[];
}
export type CodeReply = { ok: true; coded: CodedNews[] } | { ok: false; error: string };

parentPort?.once('message', (req: CodeRequest) => {
  let reply: CodeReply;
  try {
    reply = { ok: true, coded: codeNewsTexts(req.doc, req.texts) };
  } catch (err) {
    reply = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply);
});
