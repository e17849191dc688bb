// Who states a crossing's official status (issue 9, finding 4): a party's `crossing` entry is its
// claim; the status the public sees, and compliance counts, comes only from the roles the mission
// names (mission doc `workflow.crossingAuthorities`, monitors when absent).
import type { MissionDoc, Role } from '../records/mission.js';

export const DEFAULT_CROSSING_AUTHORITIES: readonly Role[] = ['monitor'];

export function crossingAuthorities(m: MissionDoc): readonly Role[] {
  return m.workflow.crossingAuthorities ?? DEFAULT_CROSSING_AUTHORITIES;
}

/** The organisations whose crossing entries are official: those whose kind is an authority role. */
export function crossingAuthorityOrgs(m: MissionDoc): string[] {
  const roles = new Set(crossingAuthorities(m));
  return m.organisations.filter((o) => roles.has(o.kind)).map((o) => o.code);
}
