// "the clash", "this attack", "such an assault": a definite reference to an event named before.
export const DEFINITE_BEFORE =
  /\b(?:the|this|that|these|those|such an?|alleged)\s+(?:[\w-]+\s+)?$/i;

/** True when the words just before the trigger make it a definite reference. */
export function definiteReference(clauseText: string, triggerStart: number): boolean {
  return DEFINITE_BEFORE.test(clauseText.slice(Math.max(0, triggerStart - 20), triggerStart));
}
