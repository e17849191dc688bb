// Codes a short article with the real coder and the real gazetteer, for the skip rules' tests.
import { parsePlainText } from '../../article/plain-text.js';
import { loadGazetteer } from '../../geo/gazetteer.js';
import type { CodedEvent } from '../../types.js';
import { codeArticle } from '../coder.js';

const gazetteer = loadGazetteer();

export function code(body: string, published = '2025-11-08'): CodedEvent[] {
  return codeArticle(
    parsePlainText(`Published: ${published}\n\nA headline for the test\n\n${body}`),
    {
      gazetteer,
    },
  );
}

export function types(events: CodedEvent[]): string[] {
  return events.map((e) => e.type);
}
