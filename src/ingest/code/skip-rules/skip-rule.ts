// A skip rule says why a trigger is no new event: it is negated, an accident, a reference back to an
// event already coded, background, a habit, a tally or a quote about what might happen. Each rule
// lives in its own file with its own test; skip-rules/index.ts lists them in the order they apply.
import type { TriggerContext } from '../sentence-context.js';
import type { EventDate } from '../when.js';

export interface SkipRule {
  /** A name for logs and tests ("not-a-fact"). */
  name: string;
  /** Checked before the event is dated ("trigger"), or once its date is known ("dated"). */
  stage: 'trigger' | 'dated';
  skips(ctx: TriggerContext, when: EventDate | null): boolean;
  /** What a skipped trigger still tells the article's memory or the event it refers to. */
  onSkip?(ctx: TriggerContext): void;
}
