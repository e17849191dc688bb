// Compliance per agreement term and party (issue 4, item 7), computed from the read model's facts
// rather than asserted: released findings attributed to a party, allegations still open, and the
// days since the last confirmed violation and the last major incident (the mission defines "major").
import type { MissionDoc } from '../records/mission.js';

export interface FindingRow {
  attribution: string;
  verdict: string;
  termsViolated: string[];
  /** The incident's date (YYYY-MM-DD). */
  date: string;
}
export interface AllegationRow {
  accused: string;
  terms: string[];
}
export interface MajorIncidentRow {
  date: string;
  /** The party a released finding attributes it to, if any. */
  attribution: string | null;
}

export interface TermPartyCompliance {
  party: string;
  confirmedViolations: number;
  probableViolations: number;
  openAllegations: number;
  lastConfirmedViolation: string | null;
  daysSinceLastConfirmedViolation: number | null;
}
export interface Compliance {
  asOf: string;
  majorIncidentFatalities: number;
  terms: { term: string; title: string; parties: TermPartyCompliance[] }[];
  lastMajorIncident: string | null;
  daysSinceLastMajorIncident: number | null;
  parties: {
    party: string;
    lastMajorIncident: string | null;
    daysSinceLastMajorIncident: number | null;
  }[];
}

const DAY_MS = 86_400_000;

export function daysBetween(date: string, asOf: string): number {
  return Math.max(0, Math.floor((Date.parse(asOf) - Date.parse(`${date}T00:00:00Z`)) / DAY_MS));
}

const later = (a: string | null, b: string) => (a === null || b > a ? b : a);

export function computeCompliance(
  mission: MissionDoc,
  input: { findings: FindingRow[]; allegations: AllegationRow[]; major: MajorIncidentRow[] },
  asOf: string,
): Compliance {
  const days = (d: string | null) => (d === null ? null : daysBetween(d, asOf));
  const terms = mission.terms.map((t) => ({
    term: t.id,
    title: t.title,
    parties: t.obliged.map((party) => {
      let confirmed = 0;
      let probable = 0;
      let last: string | null = null;
      for (const f of input.findings) {
        if (f.attribution !== party || !f.termsViolated.includes(t.id)) continue;
        if (f.verdict === 'confirmed') {
          confirmed++;
          last = later(last, f.date);
        } else if (f.verdict === 'probable') probable++;
      }
      const open = input.allegations.filter(
        (al) => al.accused === party && al.terms.includes(t.id),
      ).length;
      return {
        party,
        confirmedViolations: confirmed,
        probableViolations: probable,
        openAllegations: open,
        lastConfirmedViolation: last,
        daysSinceLastConfirmedViolation: days(last),
      };
    }),
  }));
  let lastMajor: string | null = null;
  for (const r of input.major) lastMajor = later(lastMajor, r.date);
  const parties = mission.organisations
    .filter((o) => o.kind === 'party')
    .map((o) => {
      let last: string | null = null;
      for (const r of input.major) if (r.attribution === o.code) last = later(last, r.date);
      return { party: o.code, lastMajorIncident: last, daysSinceLastMajorIncident: days(last) };
    });
  return {
    asOf,
    majorIncidentFatalities: mission.workflow.majorIncidentFatalities,
    terms,
    lastMajorIncident: lastMajor,
    daysSinceLastMajorIncident: days(lastMajor),
    parties,
  };
}
