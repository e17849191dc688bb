// The report's sections beyond the incident counts (issue 14 item 1), from what the read model
// shows the caller: allegations filed, responses and those overdue; findings released; access
// denied to monitors; crossings and their changes; compliance; days since the last major incident.
// Pure: the route reads the incidents' details, crossings and compliance (gather.ts) and hands them
// here, so these rules are tested without a server.
//
// When a record happened: its signed `at` (the author's claim, which admission bounds to the
// mission's maxBackdateHours), since that is the day the OSCE-style reader expects; whether a
// response was late is the read model's own verdict, judged on log time (AllegationView.deadline).
import type { Compliance } from '../../core/workflow/compliance.js';
import type { CrossingView, IncidentDetail, RecordView } from '../../store/workflow-store.js';
import { changeLevel, type Change } from './change-level.js';
import type { DayRange } from './period.js';

export interface AllegationItem {
  incident: string;
  incidentTitle: string;
  id: string;
  by: string;
  accused: string;
  terms: string[];
  at: string;
  responseDue: string | null;
  deadline: string;
}
export interface ResponseItem {
  incident: string;
  incidentTitle: string;
  allegation: string;
  accused: string;
  at: string;
  deadline: string;
}
export interface FindingItem {
  incident: string;
  incidentTitle: string;
  finding: string;
  verdict: string;
  attribution: string;
  termsViolated: string[];
  releasedAt: string;
}
export interface AccessDeniedItem {
  incident: string;
  incidentTitle: string;
  task: string;
  deniedBy: string | null;
  at: string;
}
export interface CrossingItem {
  crossing: string;
  name: string;
  /** The official status at the end of the period (null: none recorded by then). */
  status: string | null;
  since: string | null;
  /** Official status changes in the period, oldest first. */
  changes: { status: string; effectiveAt: string; org: string }[];
  previousChanges: number;
}

export interface ReportPenalties {
  imposed: {
    party: string;
    agreement: string;
    title: string;
    imposedAt: string;
    endorsers: string[];
  }[];
  /** Null unless the reader is a mediator of the mission. */
  due: { party: string; agreement: string; title: string; why: string }[] | null;
}

export interface ReportSections {
  allegations: { filed: Change; items: AllegationItem[] };
  responses: { given: Change; items: ResponseItem[] };
  /** Allegations whose response deadline has passed with no response, as of the cut-off. */
  overdue: AllegationItem[];
  findingsReleased: { released: Change; items: FindingItem[] };
  accessDenied: { denied: Change; items: AccessDeniedItem[] };
  crossings: { changes: Change; items: CrossingItem[] };
  compliance: {
    asOf: string;
    terms: {
      term: string;
      title: string;
      parties: {
        party: string;
        confirmedViolations: number;
        probableViolations: number;
        openAllegations: number;
        daysSinceLastConfirmedViolation: number | null;
      }[];
      crossingsInBreach: string[];
    }[];
    /**
     * Penalties under the agreements' schedules (src/server/routes/penalties.ts): imposed as of the
     * cut-off, and, for a mediator's report, the steps due. Null: no agreement has a schedule.
     */
    penalties: ReportPenalties | null;
  };
  majorIncident: {
    /** An incident is major at or above this many fatalities (the mission's workflow). */
    threshold: number;
    last: string | null;
    daysSince: number | null;
  };
}

const inRange = (iso: string, r: DayRange) => {
  const d = iso.slice(0, 10);
  return d >= r.from && d <= r.to;
};

const byTime = <T extends { at: string }>(a: T, b: T) => a.at.localeCompare(b.at);

function releaseTime(records: RecordView[], finding: string): string | null {
  const r = records.find(
    (x) => x.kind === 'release' && (x.body as { finding?: string }).finding === finding,
  );
  return r ? r.at : null;
}

function deniedTasks(d: IncidentDetail): AccessDeniedItem[] {
  return d.records
    .filter((x) => x.kind === 'task' && x.supersededBy === null)
    .flatMap((x) => {
      const b = x.body as { action?: string; outcome?: string; task?: string; deniedBy?: string };
      if (b.action !== 'close' || b.outcome !== 'access_denied') return [];
      return [
        {
          incident: d.id,
          incidentTitle: d.title,
          task: b.task ?? x.id,
          deniedBy: b.deniedBy ?? null,
          at: x.at,
        },
      ];
    });
}

export function reportSections(input: {
  period: DayRange;
  previous: DayRange;
  details: IncidentDetail[];
  crossings: CrossingView[];
  compliance: Compliance;
  majorIncidentFatalities: number;
  penalties?: ReportPenalties | null;
}): ReportSections {
  const { period, previous, details } = input;
  const allegations = details.flatMap((d) =>
    d.allegations.map((a): AllegationItem => ({
      incident: d.id,
      incidentTitle: d.title,
      id: a.id,
      by: a.by,
      accused: a.accused,
      terms: a.terms,
      at: a.at,
      responseDue: a.responseDue,
      deadline: a.deadline,
    })),
  );
  const responses = details.flatMap((d) =>
    d.allegations
      .filter((a) => a.respondedAt !== null)
      .map((a): ResponseItem => ({
        incident: d.id,
        incidentTitle: d.title,
        allegation: a.id,
        accused: a.accused,
        at: a.respondedAt!,
        deadline: a.deadline,
      })),
  );
  const findings = details.flatMap((d) =>
    d.findings
      .filter((f) => f.status === 'released')
      .map((f): FindingItem | null => {
        const at = releaseTime(d.records, f.id);
        return at === null
          ? null
          : {
              incident: d.id,
              incidentTitle: d.title,
              finding: f.id,
              verdict: f.verdict,
              attribution: f.attribution,
              termsViolated: f.termsViolated,
              releasedAt: at,
            };
      })
      .filter((f): f is FindingItem => f !== null),
  );
  const denied = details.flatMap(deniedTasks);
  const count =
    <T>(xs: T[], when: (x: T) => string) =>
    (r: DayRange) =>
      xs.filter((x) => inRange(when(x), r));
  const filedIn = count(allegations, (a) => a.at);
  const respondedIn = count(responses, (a) => a.at);
  const releasedIn = count(findings, (f) => f.releasedAt);
  const deniedIn = count(denied, (t) => t.at);
  const change = <T>(f: (r: DayRange) => T[]) => changeLevel(f(period).length, f(previous).length);

  const end = `${period.to}T23:59:59.999Z`;
  const crossings = input.crossings.map((c): CrossingItem => {
    const asOf = c.history.find((h) => h.effectiveAt <= end) ?? null;
    return {
      crossing: c.crossing,
      name: c.name,
      status: asOf?.status ?? null,
      since: asOf?.effectiveAt ?? null,
      changes: c.history
        .filter((h) => inRange(h.effectiveAt, period))
        .map((h) => ({ status: h.status, effectiveAt: h.effectiveAt, org: h.org }))
        .reverse(),
      previousChanges: c.history.filter((h) => inRange(h.effectiveAt, previous)).length,
    };
  });
  const sum = (f: (c: CrossingItem) => number) => crossings.reduce((n, c) => n + f(c), 0);
  const cmp = input.compliance;
  return {
    allegations: { filed: change(filedIn), items: filedIn(period).sort(byTime) },
    responses: { given: change(respondedIn), items: respondedIn(period).sort(byTime) },
    overdue: allegations.filter((a) => a.deadline === 'missed').sort(byTime),
    findingsReleased: {
      released: change(releasedIn),
      items: releasedIn(period).sort((a, b) => a.releasedAt.localeCompare(b.releasedAt)),
    },
    accessDenied: { denied: change(deniedIn), items: deniedIn(period).sort(byTime) },
    crossings: {
      changes: changeLevel(
        sum((c) => c.changes.length),
        sum((c) => c.previousChanges),
      ),
      items: crossings,
    },
    compliance: {
      asOf: cmp.asOf,
      terms: cmp.terms.map((t) => ({
        term: t.term,
        title: t.title,
        parties: t.parties.map((p) => ({
          party: p.party,
          confirmedViolations: p.confirmedViolations,
          probableViolations: p.probableViolations,
          openAllegations: p.openAllegations,
          daysSinceLastConfirmedViolation: p.daysSinceLastConfirmedViolation,
        })),
        crossingsInBreach: t.crossings.map((c) => c.crossing),
      })),
      penalties: input.penalties ?? null,
    },
    majorIncident: {
      threshold: input.majorIncidentFatalities,
      last: cmp.lastMajorIncident,
      daysSince: cmp.daysSinceLastMajorIncident,
    },
  };
}
