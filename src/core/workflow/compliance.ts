// Compliance per agreement term and party (issue 4, item 7), computed rather than asserted: each
// term's `check` rule (missions/*.json, TermSchema) says which released findings and which open
// allegations count against it; the store aggregates them in SQL (src/store/compliance-queries.ts)
// and this file turns the aggregates into the public answer, with the days since each event.
import type { MissionDoc, Term } from '../records/mission.js';
import type { Verdict } from '../taxonomy.js';

/** A term's check rule with its defaults filled in (what the SQL evaluates). */
export interface TermRule {
  term: string;
  /** Incident (or allegation) types that breach the term; none: only naming the term counts. */
  eventTypes: string[];
  /** Actor names (compared case-insensitively) one of which must be among the event's actors. */
  armedGroups: string[];
  /** Crossing statuses that breach the term. */
  crossingStatuses: string[];
  /** The event must lie outside the territory of the party it is charged to. */
  crossBorder: boolean;
  /** Released-finding verdicts that count as a violation. */
  verdicts: Verdict[];
}

/** Verdicts that count when a term does not say (mission.ts: TermCheckSchema.verdicts). */
export const DEFAULT_VIOLATION_VERDICTS: readonly Verdict[] = ['confirmed'];

export function termRule(term: Term): TermRule {
  return {
    term: term.id,
    eventTypes: [...term.check.eventTypes],
    armedGroups: term.check.armedGroups.map((g) => g.toLowerCase()),
    crossingStatuses: [...term.check.crossingStatuses],
    crossBorder: term.check.crossBorder,
    verdicts: [...(term.check.verdicts ?? DEFAULT_VIOLATION_VERDICTS)],
  };
}

/** The store's aggregates for one term and party (dates are incident dates, YYYY-MM-DD). */
export interface TermPartyAggregate {
  party: string;
  /** Released findings whose verdict is one of the rule's verdicts. */
  violations: number;
  /** Released findings with the verdict "probable" (reported apart unless the rule counts them). */
  probable: number;
  lastViolation: string | null;
  /** The latest violation whose fatalities reach the mission's "major" threshold. */
  lastMajorViolation: string | null;
  openAllegations: number;
}

export interface CrossingBreach {
  crossing: string;
  status: string;
  since: string;
}

export interface ComplianceAggregates {
  terms: Map<string, { parties: Map<string, TermPartyAggregate>; crossings: CrossingBreach[] }>;
  lastMajorIncident: string | null;
  /** By party: the latest major incident a released confirmed or probable finding attributes to it. */
  lastMajorByParty: Map<string, string>;
}

export interface TermPartyCompliance {
  party: string;
  confirmedViolations: number;
  probableViolations: number;
  openAllegations: number;
  lastConfirmedViolation: string | null;
  daysSinceLastConfirmedViolation: number | null;
  lastMajorViolation: string | null;
  daysSinceLastMajorViolation: number | null;
}
export interface TermCompliance {
  term: string;
  title: string;
  rule: TermRule;
  parties: TermPartyCompliance[];
  /** Crossings whose status as of `asOf` breaches the term (not attributed: a closure has no author side in the record). */
  crossings: (CrossingBreach & { daysSince: number })[];
}
export interface Compliance {
  asOf: string;
  majorIncidentFatalities: number;
  terms: TermCompliance[];
  lastMajorIncident: string | null;
  daysSinceLastMajorIncident: number | null;
  parties: {
    party: string;
    lastMajorIncident: string | null;
    daysSinceLastMajorIncident: number | null;
  }[];
}

const DAY_MS = 86_400_000;

/** Whole days from the start of `date` (UTC) to `asOf`, never negative. */
export function daysBetween(date: string, asOf: string): number {
  const start = Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
  return Math.max(0, Math.floor((Date.parse(asOf) - start) / DAY_MS));
}

export function assembleCompliance(
  mission: MissionDoc,
  agg: ComplianceAggregates,
  asOf: string,
): Compliance {
  const days = (d: string | null) => (d === null ? null : daysBetween(d, asOf));
  const terms = mission.terms.map((t): TermCompliance => {
    const a = agg.terms.get(t.id);
    return {
      term: t.id,
      title: t.title,
      rule: termRule(t),
      parties: t.obliged.map((party) => {
        const p = a?.parties.get(party);
        const last = p?.lastViolation ?? null;
        const major = p?.lastMajorViolation ?? null;
        return {
          party,
          confirmedViolations: p?.violations ?? 0,
          probableViolations: p?.probable ?? 0,
          openAllegations: p?.openAllegations ?? 0,
          lastConfirmedViolation: last,
          daysSinceLastConfirmedViolation: days(last),
          lastMajorViolation: major,
          daysSinceLastMajorViolation: days(major),
        };
      }),
      crossings: (a?.crossings ?? []).map((c) => ({ ...c, daysSince: daysBetween(c.since, asOf) })),
    };
  });
  const parties = mission.organisations
    .filter((o) => o.kind === 'party')
    .map((o) => {
      const last = agg.lastMajorByParty.get(o.code) ?? null;
      return { party: o.code, lastMajorIncident: last, daysSinceLastMajorIncident: days(last) };
    });
  return {
    asOf,
    majorIncidentFatalities: mission.workflow.majorIncidentFatalities,
    terms,
    lastMajorIncident: agg.lastMajorIncident,
    daysSinceLastMajorIncident: days(agg.lastMajorIncident),
    parties,
  };
}
