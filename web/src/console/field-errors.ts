// Which form field an API issue names (issue 11 item 4: "errors from the API are shown next to the
// field they concern"). A 400 answer (and the same zod schema run in the browser before signing,
// src/core/envelope.ts parseBody) lists issues as {path: "body.location.lat", message}; the form's
// fields are named by the body path they fill.

export interface Issue {
  path: string;
  message: string;
}

/** Body paths → the form field that fills them (longest prefix wins). */
export const FIELD_OF_PATH: Record<string, string> = {
  'body.type': 'type',
  'body.occurred.date': 'date',
  'body.occurred.time': 'time',
  'body.occurred.time_precision': 'timePrecision',
  'body.occurred': 'date',
  'body.location.name': 'place',
  'body.location.country': 'country',
  'body.location.lat': 'lat',
  'body.location.lon': 'lon',
  'body.location.geo_precision': 'geoPrecision',
  'body.location': 'place',
  'body.accused': 'accused',
  'body.fatalities.count': 'fatalities',
  'body.fatalities.claimedBy': 'claimedBy',
  'body.fatalities': 'fatalities',
  'body.terms': 'terms',
  'body.actors': 'actors',
  'body.evidence': 'evidence',
  'body.title': 'title',
  'body.description': 'description',
};

export function fieldOf(path: string): string | undefined {
  let p = path;
  for (;;) {
    const f = FIELD_OF_PATH[p];
    if (f) return f;
    const cut = p.lastIndexOf('.');
    if (cut < 0) return undefined;
    p = p.slice(0, cut);
  }
}

/** Issues from an error's details, when it has any of the expected shape. */
export function issuesOf(details: Record<string, unknown> | undefined): Issue[] {
  const raw = details?.issues;
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (i): i is Issue =>
      typeof i === 'object' &&
      i !== null &&
      typeof (i as Issue).path === 'string' &&
      typeof (i as Issue).message === 'string',
  );
}

/** Groups issues by field; those naming no field of the form go under "" (said above the form). */
export function byField(issues: readonly Issue[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const i of issues) {
    const f = fieldOf(i.path) ?? '';
    out.set(f, [...(out.get(f) ?? []), f ? i.message : `${i.path}: ${i.message}`]);
  }
  return out;
}

/**
 * The field a refused workflow rule concerns (src/core/workflow/kinds/report.ts), so the refusal
 * is also said beside that field; rules about the author or the log stay above the form.
 */
export const FIELD_OF_RULE: Record<string, string> = {
  party_own_side: 'claimedBy',
  allegation_other_side: 'accused',
  accused_is_party: 'accused',
  allegation_by_party: 'accused',
  terms_known: 'terms',
};

/** A refusal's message without its leading "rule <name>: " (the console names the rule itself). */
export function ruleText(rule: string, message: string): string {
  const prefix = `rule ${rule}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}
