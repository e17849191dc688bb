// What is scheduled has not happened: "the next round of talks will take place in Istanbul on
// October 25", "the two sides will meet again on Saturday". A planned meeting or a promised reopening
// is no event (testdata/news-eval/README.md: plans and scheduled meetings are not labelled; ACLED codes
// what took place). A future mention still merges with a report of the same happening (merge.ts keeps
// it only while every mention of it is in the future), so the talks once held are coded.
import type { DraftEvent } from './merge.js';

export function withoutScheduled(drafts: DraftEvent[]): DraftEvent[] {
  return drafts.filter((d) => !d.future);
}
