// Change against the previous period, graded as ACLED's Conflict Trendfinder grades it (issue 14,
// after ACLED's Trendfinder methodology): more than +25 % a large increase, +10 to +25 % a moderate
// increase, -25 to +10 % limited change, below -25 % a large decrease. A low baseline would make
// tiny counts swing wildly (1 to 2 is +100 %), so when both periods are small the change stays
// "limited": the low-baseline rule, with the threshold below.
export const CHANGE_LEVELS = [
  'large_increase',
  'moderate_increase',
  'limited_change',
  'large_decrease',
] as const;
export type ChangeLevel = (typeof CHANGE_LEVELS)[number];

/** Both periods under this many events: the change is "limited" whatever the percentage. */
export const LOW_BASELINE = 5;

export interface Change {
  current: number;
  previous: number;
  /** Percent change, or null when the previous period had none. */
  percent: number | null;
  level: ChangeLevel;
}

export function changeLevel(current: number, previous: number): Change {
  const percent = previous === 0 ? null : ((current - previous) / previous) * 100;
  let level: ChangeLevel;
  if (current < LOW_BASELINE && previous < LOW_BASELINE) level = 'limited_change';
  else if (percent === null) level = 'large_increase';
  else if (percent > 25) level = 'large_increase';
  else if (percent >= 10) level = 'moderate_increase';
  else if (percent >= -25) level = 'limited_change';
  else level = 'large_decrease';
  return {
    current,
    previous,
    percent: percent === null ? null : Math.round(percent * 10) / 10,
    level,
  };
}

/** The words a report prints for a level. */
export const CHANGE_WORDS: Record<ChangeLevel, string> = {
  large_increase: 'large increase',
  moderate_increase: 'moderate increase',
  limited_change: 'limited change',
  large_decrease: 'large decrease',
};
