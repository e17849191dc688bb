// The mission document: everything that makes one ceasefire mission (parties, mediators, crossings,
// agreement terms, workflow thresholds, witnesses). Missions are data: a new one is a new file of
// this shape (missions/pak-afg.json is the first), never a code change.
import { z } from 'zod';
import { disclosureSchema } from '../sealing/disclosure-schema.js';
import { CountryCodeSchema, EventTypeSchema, VerdictSchema } from '../taxonomy.js';

/** A mission's slug (its URL path segment and the envelopes' `mission`). */
export const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;
export const SlugSchema = z
  .string()
  .regex(SLUG, 'a slug is 2-63 lower-case letters, digits or "-"');

/** An organisation code such as "PK", "QA" or "MT": upper-case letters and digits. */
export const OrgCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9]{1,15}$/, 'an organisation code is 2-16 upper-case letters or digits');

// news_coder: the machine that codes news and files it as `article`s with its own key (issue 10
// item 3), apart from the analysts; it may file nothing else and reads what the public reads.
export const ROLES = ['party', 'monitor', 'analyst', 'mediator', 'admin', 'news_coder'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const OrganisationSchema = z.strictObject({
  code: OrgCodeSchema,
  name: z.string().min(1).max(200),
  /** What the organisation is in this mission; users inherit it as their role. */
  kind: RoleSchema,
  country: CountryCodeSchema.optional(),
  /**
   * The organisation's key stewards (issue 9, finding 1): c2sp.org/signed-note Ed25519 verifier
   * keys agreed out of band. A listed key may register itself; a registered steward key consents to
   * the organisation's other keys (src/core/keys/rule.ts).
   */
  stewards: z.array(z.string().min(3).max(300)).optional(),
});

const LatSchema = z.number().min(-90).max(90);
const LonSchema = z.number().min(-180).max(180);

/** The administrative units a crossing joins on one side of the line. */
const CrossingSideSchema = z.strictObject({
  admin1: z.string().min(1),
  admin2: z.string().min(1).optional(),
  place: z.string().min(1).optional(),
});

export const CrossingSiteSchema = z.strictObject({
  id: SlugSchema,
  name: z.string().min(1).max(200),
  aliases: z.array(z.string().min(1)).default([]),
  lat: LatSchema,
  lon: LonSchema,
  /** True when the coordinates are an estimate rather than a surveyed point. */
  approximate: z.boolean(),
  /** Keyed by party code: the official pairing of the two sides' administrative units. */
  sides: z.record(OrgCodeSchema, CrossingSideSchema),
  note: z.string().optional(),
});
export type CrossingSite = z.infer<typeof CrossingSiteSchema>;

/** One step of a penalty ladder (e.g. formal notice, public statement, referral). */
export const PenaltyStepSchema = z.strictObject({
  id: SlugSchema,
  title: z.string().min(1).max(200),
  /** What imposing the step means, in the agreement's words. */
  text: z.string().min(1).max(2000).optional(),
});

/**
 * An agreement's penalty schedule (issue 11, item 7; src/core/workflow/penalties.ts): after
 * `threshold` released findings attributed to a party, of `verdicts`, naming `terms`, whose
 * incidents fall within `windowDays` days of each other, the party's next step of `steps` is due.
 * The findings behind an imposed step do not count towards the next one.
 */
export const PenaltyScheduleSchema = z.strictObject({
  threshold: z.number().int().min(1).max(100),
  windowDays: z.number().int().min(1).max(3660),
  /** The verdicts that count (absent: ["confirmed"]); "probable" may be added. */
  verdicts: z
    .array(z.enum(['confirmed', 'probable']))
    .min(1)
    .optional(),
  /** The terms whose violation counts (absent: the agreement's own terms). */
  terms: z.array(SlugSchema).min(1).optional(),
  steps: z.array(PenaltyStepSchema).min(1).max(20),
});
export type PenaltySchedule = z.infer<typeof PenaltyScheduleSchema>;

export const AgreementSchema = z.strictObject({
  id: SlugSchema,
  title: z.string().min(1),
  date: z.iso.date(),
  place: z.string().min(1),
  mediators: z.array(OrgCodeSchema),
  summary: z.string().min(1),
  /** Optional: the penalties the agreement provides for its violations. */
  penalties: PenaltyScheduleSchema.optional(),
});

/** What counts as a breach of a term, so compliance can be computed rather than asserted. */
const TermCheckSchema = z.strictObject({
  /** Incidents of these types, attributed to an obliged party, breach the term. */
  eventTypes: z.array(EventTypeSchema).default([]),
  /** Breaches when an event's actors include one of these groups (e.g. TTP, BLA). */
  armedGroups: z.array(z.string().min(1)).default([]),
  /** Breaches when a crossing is reported in one of these states. */
  crossingStatuses: z.array(z.string().min(1)).default([]),
  /** True when the breach must cross the line (an attack from one territory into the other). */
  crossBorder: z.boolean().default(false),
  /**
   * The verdicts of a released finding that count as a violation of the term. Absent means
   * ["confirmed"] (documents stored before this field existed have none, so it stays optional).
   */
  verdicts: z.array(VerdictSchema).min(1).optional(),
});

export const TermSchema = z.strictObject({
  id: SlugSchema,
  agreement: SlugSchema,
  title: z.string().min(1),
  text: z.string().min(1),
  /** The parties bound by the term. */
  obliged: z.array(OrgCodeSchema).min(1),
  check: TermCheckSchema,
});
export type Term = z.infer<typeof TermSchema>;

/** A line drawn on the map, taken from an offline atlas at start-up (no data copied into the file). */
export const BoundarySchema = z.strictObject({
  name: z.string().min(1),
  source: z.strictObject({
    type: z.literal('topojson-mesh'),
    /** A module path inside an installed npm package, e.g. "world-atlas/countries-50m.json". */
    atlas: z.string().regex(/^[a-z0-9@][\w./@-]*\.json$/, 'an npm package JSON path'),
    object: z.string().min(1),
    /** ISO 3166-1 numeric ids of the two countries whose shared border this is. */
    between: z.tuple([z.string().regex(/^\d{3}$/), z.string().regex(/^\d{3}$/)]),
  }),
  attribution: z.string().min(1),
});

/** A linear ring of [lon, lat] positions: four or more, the last the same as the first (RFC 7946 §3.1.6). */
const RingSchema = z
  .array(z.tuple([LonSchema, LatSchema]))
  .min(4)
  .refine(
    (r) => r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1],
    'a ring ends at the position it starts from (RFC 7946 §3.1.6): repeat the first position last',
  );

/**
 * A mission sector: a named area of responsibility, as monitoring missions divide their line (the
 * OSCE SMM reported per area), drawn as a GeoJSON Polygon or MultiPolygon (RFC 7946 §3.1.6-7: the
 * first ring the outline, any others holes). Reports count incidents per sector.
 */
export const SectorSchema = z.strictObject({
  id: SlugSchema,
  name: z.string().min(1).max(200),
  area: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(RingSchema).min(1) }),
    z.strictObject({
      type: z.literal('MultiPolygon'),
      coordinates: z.array(z.array(RingSchema).min(1)).min(1),
    }),
  ]),
});
export type Sector = z.infer<typeof SectorSchema>;

export const WitnessSiteSchema = z.strictObject({
  /** The witness key name (c2sp.org/signed-note key name rules: no "+" or spaces). */
  name: z.string().regex(/^[^\s+]+$/, 'a key name has no spaces or "+"'),
  operator: OrgCodeSchema,
});

export const DemoUserSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'a user name is lower-case, 2-63 chars'),
  org: OrgCodeSchema,
  role: RoleSchema,
  displayName: z.string().min(1),
});

export const MissionDocSchema = z
  .strictObject({
    slug: SlugSchema,
    name: z.string().min(1).max(200),
    description: z.string().min(1),
    region: z.strictObject({
      center: z.tuple([LonSchema, LatSchema]),
      zoom: z.number().min(0).max(22),
      countries: z.array(CountryCodeSchema).min(1),
    }),
    organisations: z.array(OrganisationSchema).min(1),
    boundaries: z.array(BoundarySchema).default([]),
    crossings: z.array(CrossingSiteSchema).default([]),
    /** Areas of responsibility (absent: none; reports then count by admin1 only). */
    sectors: z
      .array(SectorSchema)
      .refine((l) => new Set(l.map((x) => x.id)).size === l.length, 'sector ids must differ')
      .optional(),
    agreements: z.array(AgreementSchema).min(1),
    terms: z.array(TermSchema).min(1),
    workflow: z.strictObject({
      /** How many distinct mediator organisations must endorse a finding before release. */
      endorsementsRequired: z.number().int().min(1),
      responseDeadlineHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 90),
      /** An incident is "major" at or above this many fatalities. */
      majorIncidentFatalities: z.number().int().min(1),
      /**
       * How many hours a signed `at` may lie before the server's clock (absent: 72). Deadlines run
       * on log time, not on `at`; this only bounds the claim (offline field reports need hours).
       */
      maxBackdateHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 90)
        .optional(),
      /**
       * The roles whose `crossing` entries set a crossing's official status and count in
       * compliance (absent: monitors). Other authors' crossing entries are shown as their claims.
       */
      crossingAuthorities: z.array(RoleSchema).min(1).optional(),
    }),
    /**
     * Which kinds are public at filing (absent: src/core/sealing/disclosure-schema.ts defaults);
     * every other entry enters the log sealed until its incident is released (issue 9, finding 2).
     */
    disclosure: disclosureSchema(RoleSchema).optional(),
    witnesses: z.array(WitnessSiteSchema).default([]),
    /** How many witness cosignatures make a checkpoint trusted (c2sp.org/tlog-policy quorum). */
    witnessQuorum: z.number().int().min(0),
    demoUsers: z.array(DemoUserSchema).default([]),
  })
  .superRefine((m, ctx) => {
    const codes = new Set<string>();
    for (const [i, o] of m.organisations.entries()) {
      if (codes.has(o.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['organisations', i, 'code'],
          message: `duplicate organisation ${o.code}`,
        });
      }
      codes.add(o.code);
    }
    const kindOf = new Map(m.organisations.map((o) => [o.code, o.kind]));
    const mediators = m.organisations.filter((o) => o.kind === 'mediator').length;
    if (m.workflow.endorsementsRequired > mediators) {
      ctx.addIssue({
        code: 'custom',
        path: ['workflow', 'endorsementsRequired'],
        message: `needs ${m.workflow.endorsementsRequired} endorsements but the mission has ${mediators} mediators`,
      });
    }
    if (m.witnessQuorum > m.witnesses.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['witnessQuorum'],
        message: `quorum ${m.witnessQuorum} is more than the ${m.witnesses.length} witnesses`,
      });
    }
    const agreementIds = new Set(m.agreements.map((a) => a.id));
    const seenCodes = (path: (string | number)[], code: string, want?: string) => {
      const kind = kindOf.get(code);
      if (!kind) ctx.addIssue({ code: 'custom', path, message: `unknown organisation ${code}` });
      else if (want && kind !== want) {
        ctx.addIssue({ code: 'custom', path, message: `${code} is a ${kind}, not a ${want}` });
      }
    };
    m.agreements.forEach((a, i) =>
      a.mediators.forEach((c, j) => seenCodes(['agreements', i, 'mediators', j], c, 'mediator')),
    );
    m.terms.forEach((t, i) => {
      if (!agreementIds.has(t.agreement)) {
        ctx.addIssue({
          code: 'custom',
          path: ['terms', i, 'agreement'],
          message: `unknown agreement ${t.agreement}`,
        });
      }
      t.obliged.forEach((c, j) => seenCodes(['terms', i, 'obliged', j], c, 'party'));
    });
    m.agreements.forEach((a, i) => checkPenalties(m, a, i, ctx));
    m.crossings.forEach((c, i) =>
      Object.keys(c.sides).forEach((p) => seenCodes(['crossings', i, 'sides', p], p, 'party')),
    );
    m.witnesses.forEach((w, i) => seenCodes(['witnesses', i, 'operator'], w.operator));
    const names = new Set<string>();
    m.demoUsers.forEach((u, i) => {
      seenCodes(['demoUsers', i, 'org'], u.org, u.role);
      if (names.has(u.name))
        ctx.addIssue({
          code: 'custom',
          path: ['demoUsers', i, 'name'],
          message: `duplicate user ${u.name}`,
        });
      names.add(u.name);
    });
  });

export type MissionDoc = z.infer<typeof MissionDocSchema>;

type MissionInput = Pick<MissionDoc, 'terms' | 'workflow'>;

/** A penalty schedule names terms the mission has, distinct steps, and mediators enough for k. */
function checkPenalties(
  m: MissionInput,
  a: z.infer<typeof AgreementSchema>,
  i: number,
  ctx: z.RefinementCtx,
) {
  const p = a.penalties;
  if (!p) return;
  const at = (...rest: (string | number)[]) => ['agreements', i, 'penalties', ...rest];
  const termIds = new Set(m.terms.map((t) => t.id));
  p.terms?.forEach((t, j) => {
    if (!termIds.has(t))
      ctx.addIssue({ code: 'custom', path: at('terms', j), message: `unknown term ${t}` });
  });
  if (!p.terms && !m.terms.some((t) => t.agreement === a.id))
    ctx.addIssue({
      code: 'custom',
      path: at(),
      message: `agreement ${a.id} has no terms of its own: list the terms whose violations count in "terms"`,
    });
  const seen = new Set<string>();
  p.steps.forEach((s, j) => {
    if (seen.has(s.id))
      ctx.addIssue({
        code: 'custom',
        path: at('steps', j, 'id'),
        message: `duplicate step ${s.id}`,
      });
    seen.add(s.id);
  });
  // Mediators impose penalties k of n (src/core/workflow/kinds/penalty.ts): the agreement's own.
  if (new Set(a.mediators).size < m.workflow.endorsementsRequired)
    ctx.addIssue({
      code: 'custom',
      path: at(),
      message: `penalties are imposed by ${m.workflow.endorsementsRequired} of the agreement's mediators, but it has ${new Set(a.mediators).size}`,
    });
}
