// Grows the demo story (missions/pak-afg.story.json) with the weeks after its first month, so every
// portal page has something to show (issue 10, item 8): each row of INCIDENTS below becomes the
// usual path of a case — an allegation by one side, the incident, the accused side's response, a
// monitor's task (completed or refused), a finding, two endorsements and the release — filed
// through the signed path like the rest of the story. Fictional cases at real places along the
// line; run once (`node scripts/grow-demo-story.mjs`), it replaces the waves it wrote before.
import { readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('../missions/pak-afg.story.json', import.meta.url);
const MARK = '(later weeks) ';

const place = (name, admin1, admin2, country, lat, lon) => ({
  name,
  admin1,
  admin2,
  country,
  lat,
  lon,
  geo_precision: 2,
});
const P = {
  torkham: place('Torkham', 'Khyber Pakhtunkhwa', 'Khyber', 'PK', 34.131, 71.09),
  ghulamKhan: place('Ghulam Khan', 'Khyber Pakhtunkhwa', 'North Waziristan', 'PK', 33.18, 70.02),
  angoor: place('Angoor Adda', 'Khyber Pakhtunkhwa', 'South Waziristan', 'PK', 32.6, 69.41),
  parachinar: place('Parachinar', 'Khyber Pakhtunkhwa', 'Kurram', 'PK', 33.9, 70.1),
  arandu: place('Arandu', 'Khyber Pakhtunkhwa', 'Chitral', 'PK', 35.25, 71.37),
  tirah: place('Tirah', 'Khyber Pakhtunkhwa', 'Khyber', 'PK', 33.7, 70.95),
  zhob: place('Zhob', 'Balochistan', 'Zhob', 'PK', 31.34, 69.45),
  chaman: place('Chaman', 'Balochistan', 'Chaman', 'PK', 30.92, 66.45),
  spinBoldak: place('Spin Boldak', 'Kandahar', 'Spin Boldak', 'AF', 31.0, 66.4),
  shorabak: place('Shorabak', 'Kandahar', 'Shorabak', 'AF', 30.7, 66.25),
  gayan: place('Gayan', 'Paktika', 'Gayan', 'AF', 33.24, 69.37),
  khost: place('Khost', 'Khost', 'Khost', 'AF', 33.34, 69.92),
  dandPatan: place('Dand-e-Patan', 'Paktia', 'Dand-e-Patan', 'AF', 33.6, 70.2),
  nazyan: place('Nazyan', 'Nangarhar', 'Nazyan', 'AF', 34.1, 70.8),
  dangam: place('Dangam', 'Kunar', 'Dangam', 'AF', 34.98, 71.42),
  asadabad: place('Asadabad', 'Kunar', 'Asadabad', 'AF', 34.87, 71.15),
};

// by: the accusing side; verdict/attribution/grade: the finding; denied: the monitor is refused.
const INCIDENTS = [
  [
    'ghulam-khan-fire',
    'PK',
    'armed_clash',
    '2025-11-10',
    P.ghulamKhan,
    2,
    'Afghan posts fired on the Ghulam Khan crossing',
    'confirmed',
    'AF',
    'B2',
  ],
  [
    'gayan-drone',
    'AF',
    'airstrike',
    '2025-11-12',
    P.gayan,
    4,
    'Drone strike on a house in Gayan',
    'probable',
    'PK',
    'C3',
    'PK',
  ],
  [
    'angoor-mortars',
    'PK',
    'shelling',
    '2025-11-14',
    P.angoor,
    0,
    'Mortar rounds landed near the Angoor Adda post',
    'unconfirmed',
    'undetermined',
    'D4',
  ],
  [
    'dangam-shells',
    'AF',
    'shelling',
    '2025-11-17',
    P.dangam,
    3,
    'Artillery shells hit farmland in Dangam',
    'confirmed',
    'PK',
    'B2',
  ],
  [
    'parachinar-ied',
    'PK',
    'ied',
    '2025-11-19',
    P.parachinar,
    5,
    'Roadside bomb on a patrol near Parachinar',
    'inconclusive',
    'undetermined',
    'C4',
  ],
  [
    'spin-boldak-clash',
    'AF',
    'armed_clash',
    '2025-11-21',
    P.spinBoldak,
    1,
    'Border forces exchanged fire at Spin Boldak',
    'probable',
    'PK',
    'C2',
  ],
  [
    'tirah-infiltration',
    'PK',
    'infiltration',
    '2025-11-24',
    P.tirah,
    0,
    'Armed group crossed into the Tirah valley',
    'unconfirmed',
    'undetermined',
    'D3',
  ],
  [
    'khost-airstrike',
    'AF',
    'airstrike',
    '2025-11-26',
    P.khost,
    7,
    'Air strike on a compound outside Khost',
    'confirmed',
    'PK',
    'A2',
  ],
  [
    'zhob-clash',
    'PK',
    'armed_clash',
    '2025-11-29',
    P.zhob,
    0,
    'Gunfire on the fence near Zhob',
    'false_report',
    'undetermined',
    'B1',
  ],
  [
    'nazyan-shelling',
    'AF',
    'shelling',
    '2025-12-02',
    P.nazyan,
    2,
    'Rockets fell on Nazyan district',
    'probable',
    'PK',
    'C3',
    'PK',
  ],
  [
    'arandu-clash',
    'PK',
    'armed_clash',
    '2025-12-04',
    P.arandu,
    1,
    'Afghan forces attacked a post at Arandu',
    'confirmed',
    'AF',
    'B2',
  ],
  [
    'shorabak-civilians',
    'AF',
    'attack_on_civilians',
    '2025-12-07',
    P.shorabak,
    3,
    'Herders shot near Shorabak',
    'inconclusive',
    'undetermined',
    'C4',
  ],
  [
    'torkham-clash',
    'PK',
    'armed_clash',
    '2025-12-09',
    P.torkham,
    0,
    'Exchange of fire at the Torkham gate',
    'probable',
    'AF',
    'C2',
  ],
  [
    'dand-patan-drone',
    'AF',
    'airstrike',
    '2025-12-12',
    P.dandPatan,
    0,
    'Drone seen striking a hill post in Dand-e-Patan',
    'false_report',
    'undetermined',
    'B2',
  ],
  [
    'chaman-grenade',
    'PK',
    'grenade',
    '2025-12-15',
    P.chaman,
    1,
    'Grenade thrown at a border checkpoint in Chaman',
    'unconfirmed',
    'undetermined',
    'D4',
    'AF',
  ],
  [
    'asadabad-shelling',
    'AF',
    'shelling',
    '2025-12-18',
    P.asadabad,
    2,
    'Shells hit a school in Asadabad',
    'confirmed',
    'PK',
    'A1',
  ],
  [
    'angoor-infiltration',
    'PK',
    'infiltration',
    '2025-12-21',
    P.angoor,
    0,
    'Fighters crossed near Angoor Adda',
    'probable',
    'AF',
    'C3',
  ],
];

const ACTORS = {
  PK: { name: 'Military Forces of Pakistan', inter: 1, party: 'PK' },
  AF: { name: 'Military Forces of Afghanistan (2021-)', inter: 1, party: 'AF' },
};
const liaison = (side) => (side === 'PK' ? 'pk-liaison' : 'af-liaison');
const other = (side) => (side === 'PK' ? 'AF' : 'PK');
const at = (date, hours) =>
  new Date(Date.parse(`${date}T06:00:00.000Z`) + hours * 3_600_000).toISOString();
const TERMS = {
  armed_clash: ['no-cross-border-attacks'],
  airstrike: ['no-cross-border-attacks'],
  shelling: ['no-cross-border-attacks'],
  ied: ['no-safe-haven'],
  grenade: ['no-safe-haven'],
  infiltration: ['no-safe-haven'],
  attack_on_civilians: ['no-cross-border-attacks'],
};

const waves = [
  'Allegations',
  'Incidents opened',
  'Responses and tasks',
  'Monitors report',
  'Findings drafted',
  'Endorsements',
  'Releases',
].map((t) => ({ title: MARK + t, steps: [] }));
for (const [
  ref,
  by,
  type,
  date,
  location,
  killed,
  title,
  verdict,
  attribution,
  grade,
  denied,
] of INCIDENTS) {
  const accused = other(by);
  const terms = TERMS[type];
  waves[0].steps.push({
    ref: `${ref}-allegation`,
    as: liaison(by),
    kind: 'report',
    at: at(date, 2),
    body: {
      type,
      title,
      description: `${title}; ${killed ? `${killed} reported killed` : 'no one reported killed'}, according to the ${by === 'PK' ? 'Pakistani' : 'Afghan'} side.`,
      occurred: { date, time_precision: 1 },
      location,
      actors: [ACTORS[accused], ACTORS[by]],
      terms,
      evidence: [],
      sources: [],
      accused,
      fatalities: { count: killed, claimedBy: by },
    },
  });
  waves[1].steps.push({
    ref,
    as: 'analyst',
    kind: 'incident',
    at: at(date, 6),
    body: {
      action: 'open',
      title,
      type,
      occurred: { date, time_precision: 1 },
      location,
      reports: [`@${ref}-allegation`],
    },
  });
  waves[2].steps.push(
    {
      ref: `${ref}-response`,
      as: liaison(accused),
      kind: 'response',
      at: at(date, 24),
      body: {
        incident: `@${ref}`,
        allegation: `@${ref}-allegation`,
        stance: verdict === 'confirmed' ? 'counter_claim' : 'denial',
        statement:
          verdict === 'confirmed'
            ? 'Our forces only answered fire from the other side.'
            : 'None of our forces were involved.',
        evidence: [],
      },
    },
    {
      ref: `${ref}-task`,
      as: 'analyst',
      kind: 'task',
      at: at(date, 26),
      body: {
        action: 'assign',
        incident: `@${ref}`,
        kind: 'site_visit',
        assignee: 'monitor',
        instructions: `Visit ${location.name} and speak to witnesses.`,
      },
    },
  );
  waves[3].steps.push({
    ref: `${ref}-task-done`,
    as: 'monitor',
    kind: 'task',
    at: at(date, 50),
    body: denied
      ? {
          action: 'close',
          task: `@${ref}-task`,
          outcome: 'access_denied',
          deniedBy: denied,
          notes: `The team was turned back on the road to ${location.name}.`,
          evidence: [],
        }
      : {
          action: 'close',
          task: `@${ref}-task`,
          outcome: 'completed',
          notes: `Site at ${location.name} examined; witnesses heard.`,
          evidence: [],
        },
  });
  waves[4].steps.push({
    ref: `${ref}-finding`,
    as: 'analyst',
    kind: 'finding',
    at: at(date, 72),
    body: {
      incident: `@${ref}`,
      verdict,
      attribution,
      termsViolated: ['confirmed', 'probable'].includes(verdict) ? terms : [],
      grade,
      rationale: `Based on the monitors' visit${denied ? ' (access was denied)' : ''} and the parties' statements.`,
      ...(killed && ['confirmed', 'probable'].includes(verdict)
        ? { fatalities: { count: killed } }
        : {}),
    },
  });
  waves[5].steps.push(
    {
      ref: `${ref}-qa`,
      as: 'qa-mediator',
      kind: 'endorsement',
      at: at(date, 80),
      body: { finding: `@${ref}-finding`, statement: 'Endorsed on behalf of the State of Qatar.' },
    },
    {
      ref: `${ref}-tr`,
      as: 'tr-mediator',
      kind: 'endorsement',
      at: at(date, 81),
      body: {
        finding: `@${ref}-finding`,
        statement: 'Endorsed on behalf of the Republic of Türkiye.',
      },
    },
  );
  waves[6].steps.push({
    ref: `${ref}-release`,
    as: 'qa-mediator',
    kind: 'release',
    at: at(date, 96),
    body: {
      finding: `@${ref}-finding`,
      incident: `@${ref}`,
      note: 'Released to the parties and the public.',
    },
  });
}
// Crossings change status over the weeks, as the monitors record them.
const crossing = (ref, id, status, when, cause, trucks, loss, people) => ({
  ref,
  as: 'monitor',
  kind: 'crossing',
  at: when,
  body: {
    crossing: id,
    status,
    cause,
    effectiveAt: when,
    trucksPerDay: trucks,
    tradeLossUsdPerDay: loss,
    peoplePerDay: people,
    evidence: [],
  },
});
waves[6].steps.push(
  crossing(
    'torkham-open',
    'torkham',
    'open',
    '2025-11-20T05:00:00.000Z',
    'Reopened to trade and travellers after talks.',
    900,
    0,
    12000,
  ),
  crossing(
    'torkham-closed-again',
    'torkham',
    'closed',
    '2025-12-09T12:00:00.000Z',
    'Closed after the exchange of fire at the gate.',
    0,
    1500000,
    0,
  ),
  crossing(
    'torkham-refugees',
    'torkham',
    'refugees_only',
    '2025-12-16T05:00:00.000Z',
    'Open to returning refugees only.',
    0,
    1400000,
    3000,
  ),
  crossing(
    'chaman-open',
    'chaman-spin-boldak',
    'open',
    '2025-12-01T05:00:00.000Z',
    'Fully reopened for trade.',
    600,
    0,
    9000,
  ),
  crossing(
    'chaman-partial-again',
    'chaman-spin-boldak',
    'partial',
    '2025-12-15T08:00:00.000Z',
    'Trade suspended again after the grenade attack; pedestrians pass.',
    100,
    500000,
    3500,
  ),
);

const story = JSON.parse(readFileSync(FILE, 'utf8'));
story.waves = story.waves.filter((w) => !w.title.startsWith(MARK)).concat(waves);
writeFileSync(FILE, JSON.stringify(story, null, 2) + '\n');
console.log(
  `story: ${story.waves.length} waves, ${story.waves.reduce((n, w) => n + w.steps.length, 0)} steps`,
);
