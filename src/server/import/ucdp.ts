// UCDP Georeferenced Event Dataset rows (UCDP GED Codebook 22.1) to reports. Mapping:
// type_of_violence 1 (state-based) and 2 (non-state) are armed clashes, 3 (one-sided violence
// against civilians) an attack on civilians; date_prec 1 is the day, 2-3 a span of days or a week,
// 4-5 a month or more (ACLED time_precision 1/2/3); where_prec 1 is the place, 2 within 25 km,
// 3 and above only a region (ACLED geo_precision 1/2/3); fatalities are UCDP's best estimate.
// Actors: a "Government of X" side is state forces (inter 1), other sides rebels (2), the target of
// one-sided violence civilians (7).
import { ReportBodySchema } from '../../core/records/workflow.js';
import { actorOf } from './actors.js';
import { countryCode, RowReader, titleOf } from './fields.js';
import type { ImportContext, RowResult } from './types.js';
import type { Actor } from '../../core/taxonomy.js';

export const UCDP_REQUIRED = [
  'id',
  'type_of_violence',
  'side_a',
  'side_b',
  'date_start',
  'date_end',
  'latitude',
  'longitude',
  'best',
] as const;

const VIOLENCE = { 1: 'State-based conflict', 2: 'Non-state conflict', 3: 'One-sided violence' };

export function ucdpRow(
  line: number,
  get: (field: string) => string | undefined,
  ctx: ImportContext,
): RowResult {
  const r = new RowReader(line, get);
  const id = r.required('id');
  const violence = r.number('type_of_violence', 1, 3) as 1 | 2 | 3 | undefined;
  const start = r.date('date_start');
  const end = r.date('date_end');
  const lat = r.number('latitude', -90, 90);
  const lon = r.number('longitude', -180, 180);
  const best = r.number('best', 0, 100000);
  const datePrec = r.number('date_prec', 1, 5, true) ?? 1;
  const wherePrec = r.number('where_prec', 1, 7, true) ?? 1;
  const sideA = r.required('side_a');
  const sideB = r.required('side_b');
  const country = countryCode(r.text('iso3'), r.text('country'));
  if (!country) r.fail('country', `"${r.text('country')}" is not a country this server knows`);
  if (r.errors.length) return { ok: false, errors: r.errors };
  const inter = (side: string) => (/^government of /i.test(side) ? 1 : 2);
  const actors = [
    actorOf(sideA!, inter(sideA!), ctx.parties),
    actorOf(sideB!, violence === 3 ? 7 : inter(sideB!), ctx.parties),
  ].filter((a): a is Actor => a !== undefined);
  const place =
    r.text('where_coordinates') || r.text('adm_2') || r.text('adm_1') || r.text('country');
  const timePrecision = datePrec === 1 && start === end ? 1 : datePrec <= 3 ? 2 : 3;
  const description = [
    `${VIOLENCE[violence!]}: ${r.text('dyad_name') || `${sideA} - ${sideB}`}.`,
    r.text('where_description') ? `Where: ${r.text('where_description')}.` : '',
    start !== end ? `From ${start} to ${end}.` : '',
    `Deaths: best ${best}, low ${r.text('low') || '?'}, high ${r.text('high') || '?'}.`,
    r.text('source_headline') ? `Source: ${r.text('source_headline')}` : '',
    `Imported from ${ctx.label}, UCDP GED event ${id} (UCDP GED, CC BY 4.0: Sundberg and Melander 2013; Davies, Pettersson and Öberg 2022).`,
  ]
    .filter((s) => s !== '')
    .join('\n');
  const parsed = ReportBodySchema.safeParse({
    type: violence === 3 ? 'attack_on_civilians' : 'armed_clash',
    title: titleOf(`${VIOLENCE[violence!]}: ${sideA} - ${sideB} at ${place}`),
    description: description.slice(0, 20000),
    occurred: { date: start, time_precision: timePrecision },
    location: {
      name: place.slice(0, 200),
      admin1: r.text('adm_1') || null,
      admin2: r.text('adm_2') || null,
      country,
      lat,
      lon,
      geo_precision: wherePrec === 1 ? 1 : wherePrec === 2 ? 2 : 3,
    },
    actors,
    fatalities: { count: best },
    sources: [
      `ucdp-ged:${id}`,
      ...(r.text('source_article') ? [r.text('source_article').slice(0, 2000)] : []),
    ],
  });
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({
        line,
        field: i.path.join('.'),
        reason: i.message,
      })),
    };
  return { ok: true, event: { line, sourceKey: `ucdp-ged:${id}`, report: parsed.data } };
}
