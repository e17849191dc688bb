// Read-model shapes for the report's unit tests: one incident with allegations in this and the
// previous period, a released and a draft finding, task closures (denied, completed, superseded),
// a crossing that changed in both periods, and a compliance summary.
import type { Compliance } from '../../core/workflow/compliance.js';
import type {
  AllegationView,
  CrossingView,
  IncidentDetail,
  RecordView,
} from '../../store/workflow-store.js';

const rec = (
  id: string,
  kind: string,
  at: string,
  body: unknown,
  supersededBy: string | null = null,
): RecordView => ({
  id,
  index: 1,
  kind,
  author: 'someone',
  org: 'UN',
  role: 'monitor',
  at,
  loggedAt: at,
  body,
  commitment: null,
  confidential: false,
  refused: null,
  supersededBy,
});

const allegation = (over: Partial<AllegationView>): AllegationView => ({
  id: 'a',
  by: 'PK',
  accused: 'AF',
  terms: ['no-shelling'],
  at: '2025-10-12T08:00:00.000Z',
  loggedAt: '2025-10-12T08:00:05.000Z',
  responseDue: '2025-10-15T08:00:05.000Z',
  response: null,
  respondedAt: null,
  responseLoggedAt: null,
  deadline: 'missed',
  ...over,
});

export function detail(title: string): IncidentDetail {
  return {
    id: 'inc-1',
    index: 1,
    title,
    type: 'shelling',
    status: 'released',
    date: '2025-10-08',
    timePrecision: 1,
    location: { name: 'x', admin1: 'Kunar', country: 'AF', lat: 35, lon: 71, geo_precision: 1 },
    fatalities: 6,
    parties: ['PK', 'AF'],
    verdict: 'confirmed',
    attribution: 'AF',
    releasedIndex: 9,
    allegations: [
      allegation({ id: 'a-now' }),
      allegation({
        id: 'a-before',
        by: 'AF',
        accused: 'PK',
        at: '2025-10-08T08:00:00.000Z',
        response: 'r-1',
        respondedAt: '2025-10-13T10:00:00.000Z',
        responseLoggedAt: '2025-10-13T10:00:05.000Z',
        deadline: 'answered_late',
      }),
    ],
    tasks: [],
    findings: [
      {
        id: 'f-released',
        status: 'released',
        verdict: 'confirmed',
        attribution: 'AF',
        termsViolated: ['no-shelling'],
        endorsers: [],
      },
      {
        id: 'f-draft',
        status: 'draft',
        verdict: 'probable',
        attribution: 'PK',
        termsViolated: [],
        endorsers: [],
      },
    ],
    records: [
      rec('rel-1', 'release', '2025-10-15T09:00:00.000Z', {
        finding: 'f-released',
        incident: 'inc-1',
      }),
      rec('t-denied', 'task', '2025-10-14T07:00:00.000Z', {
        action: 'close',
        task: 'task-1',
        outcome: 'access_denied',
        deniedBy: 'AF',
        notes: 'x',
      }),
      rec('t-done', 'task', '2025-10-14T08:00:00.000Z', {
        action: 'close',
        task: 'task-2',
        outcome: 'completed',
        notes: 'x',
      }),
      rec(
        't-old',
        'task',
        '2025-10-13T08:00:00.000Z',
        { action: 'close', task: 'task-3', outcome: 'access_denied', notes: 'x' },
        't-corr',
      ),
    ],
  };
}

export function crossingFixture(name: string): CrossingView {
  const h = (status: string, effectiveAt: string) => ({
    id: status + effectiveAt,
    index: 1,
    status,
    effectiveAt,
    org: 'UN',
    cause: 'c',
  });
  const history = [
    h('open', '2025-10-20T06:00:00.000Z'),
    h('closed', '2025-10-12T05:00:00.000Z'),
    h('open', '2025-10-05T05:00:00.000Z'),
  ];
  return { crossing: 'torkham', name, lat: 34, lon: 71, current: history[0]!, history, claims: [] };
}

export function complianceFixture(): Compliance {
  return {
    asOf: '2025-10-18T00:00:00.000Z',
    majorIncidentFatalities: 5,
    lastMajorIncident: '2025-10-12',
    daysSinceLastMajorIncident: 6,
    parties: [],
    terms: [
      {
        term: 'no-shelling',
        title: 'No shelling',
        rule: {
          eventTypes: [],
          armedGroups: [],
          crossBorder: false,
          verdicts: ['confirmed'],
          crossingStatuses: [],
        } as never,
        parties: [
          {
            party: 'AF',
            confirmedViolations: 1,
            probableViolations: 0,
            openAllegations: 0,
            lastConfirmedViolation: '2025-10-08',
            daysSinceLastConfirmedViolation: 10,
            lastMajorViolation: null,
            daysSinceLastMajorViolation: null,
          },
        ],
        crossings: [
          {
            crossing: 'torkham',
            status: 'closed',
            since: '2025-10-12T05:00:00.000Z',
            daysSince: 6,
          },
        ],
      },
    ],
  };
}
