// A valid example body for every entry kind: `truceline submit --example KIND` prints these, and
// the tests sign each one. They describe the Pakistan–Afghanistan mission but any mission's work.
import { generateNoteKey } from '../tlog/note-key.js';
import type { BodyOf, EntryKind } from './records/kinds.js';

// Fixed UUIDv7 ids for cross-references inside examples.
const REPORT_ID = '019a0a4c-2f00-7000-8000-000000000001';
const INCIDENT_ID = '019a0a4c-2f00-7000-8000-000000000002';
const FINDING_ID = '019a0a4c-2f00-7000-8000-000000000003';
const COMMITMENT_ID = '019a0a4c-2f00-7000-8000-000000000005';
const SHA = 'a3f1c2d4e5b6978812345678901234567890abcdef1234567890abcdef123456';

const LOCATION = {
  name: 'Spin Boldak',
  admin1: 'Kandahar',
  admin2: 'Spin Boldak',
  country: 'AF',
  lat: 31.006,
  lon: 66.4,
  geo_precision: 1 as const,
};

const EXAMPLES: { [K in EntryKind]: () => BodyOf<K> } = {
  mission: () => ({
    slug: 'example-mission',
    name: 'Example ceasefire mission',
    description: 'A two-party ceasefire with two mediators.',
    region: { center: [69.3, 32.6], zoom: 4, countries: ['PK', 'AF'] },
    organisations: [
      { code: 'PK', name: 'Pakistan', kind: 'party', country: 'PK' },
      { code: 'AF', name: 'Afghanistan', kind: 'party', country: 'AF' },
      { code: 'QA', name: 'Qatar', kind: 'mediator', country: 'QA' },
    ],
    boundaries: [],
    crossings: [],
    agreements: [
      {
        id: 'accord',
        title: 'Accord',
        date: '2025-10-19',
        place: 'Doha',
        mediators: ['QA'],
        summary: 'A ceasefire.',
      },
    ],
    terms: [
      {
        id: 'no-attacks',
        agreement: 'accord',
        title: 'No attacks',
        text: 'No cross-border attacks.',
        obliged: ['PK', 'AF'],
        check: {
          eventTypes: ['airstrike'],
          armedGroups: [],
          crossingStatuses: [],
          crossBorder: true,
        },
      },
    ],
    workflow: { endorsementsRequired: 1, responseDeadlineHours: 72, majorIncidentFatalities: 5 },
    witnesses: [],
    witnessQuorum: 0,
    demoUsers: [],
  }),
  key: () => ({
    action: 'register',
    user: 'pk-liaison',
    org: 'PK',
    role: 'party',
    // A real verifier key from a fixed seed, so the example passes every check.
    vkey: generateNoteKey('pk-liaison.pak-afg', { seed: new Uint8Array(32).fill(7) }).vkey,
  }),
  report: () => ({
    type: 'airstrike',
    title: 'Air strike on a village near Spin Boldak',
    description: 'Residents report an air strike on houses east of the town at about 02:00.',
    occurred: { date: '2025-10-15', time: '02:00', time_precision: 1 },
    location: LOCATION,
    actors: [{ name: 'Military Forces of Pakistan', inter: 1, party: 'PK' }],
    fatalities: { count: 12, claimedBy: 'AF' },
    accused: 'PK',
    terms: ['no-cross-border-attacks'],
    evidence: [
      { sha256: SHA, mediaType: 'image/jpeg', description: 'Photograph of the damaged houses' },
    ],
    sources: [],
  }),
  incident: () => ({
    action: 'open',
    title: 'Spin Boldak air strike, 15 October 2025',
    type: 'airstrike',
    occurred: { date: '2025-10-15', time_precision: 1 },
    location: LOCATION,
    reports: [REPORT_ID],
  }),
  response: () => ({
    incident: INCIDENT_ID,
    allegation: REPORT_ID,
    stance: 'denial',
    statement: 'Our forces conducted no operation in that area on that date.',
    evidence: [],
  }),
  task: () => ({
    action: 'assign',
    incident: INCIDENT_ID,
    kind: 'site_visit',
    assignee: 'monitor',
    instructions: 'Visit the site, photograph the damage and interview witnesses.',
  }),
  finding: () => ({
    incident: INCIDENT_ID,
    verdict: 'probable',
    attribution: 'PK',
    termsViolated: ['no-cross-border-attacks'],
    grade: 'B2',
    rationale:
      'Imagery shows fresh craters consistent with air-delivered munitions; access was denied.',
  }),
  endorsement: () => ({
    finding: FINDING_ID,
    statement: 'Endorsed on behalf of the State of Qatar.',
  }),
  release: () => ({ finding: FINDING_ID, incident: INCIDENT_ID }),
  crossing: () => ({
    crossing: 'torkham',
    status: 'closed',
    cause: 'Closed by both sides after the exchange of fire.',
    effectiveAt: '2025-10-12T06:00:00.000Z',
    trucksPerDay: 0,
    tradeLossUsdPerDay: 1500000,
    evidence: [],
  }),
  article: () => ({
    url: 'https://news.example/pak-afg-ceasefire',
    outlet: 'Example News',
    headline: 'Pakistan and Afghanistan agree ceasefire in Doha',
    published: '2025-10-19',
    contentSha256: SHA,
    events: [],
  }),
  correction: () => ({
    supersedes: { index: 12, id: REPORT_ID },
    reason: 'The location was misidentified; the strike hit the next village.',
  }),
  commitment: () => ({ digest: SHA, side: 'PK' }),
  reveal: () => ({
    commitment: COMMITMENT_ID,
    salt: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
    entry: '{"v":1}',
  }),
  penalty: () => ({
    action: 'propose',
    agreement: 'istanbul-2025-10-30',
    party: 'PK',
    step: 'formal-notice',
    findings: [FINDING_ID, '019a0a4c-2f00-7000-8000-000000000004'],
    statement: 'Two confirmed cross-border attacks within thirty days: formal notice is given.',
  }),
};

export function exampleBody<K extends EntryKind>(kind: K): BodyOf<K> {
  return EXAMPLES[kind]() as BodyOf<K>;
}
