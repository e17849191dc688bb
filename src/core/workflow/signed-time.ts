// How far a signed `at` may stray from the server's clock (the author's claim of when it signed).

/** Clock skew tolerated for an `at` in the future. */
export const FUTURE_SKEW_MS = 5 * 60 * 1000;

/** How far a signed `at` may lie in the past when the mission does not say (workflow.maxBackdateHours). */
export const DEFAULT_MAX_BACKDATE_HOURS = 72;
