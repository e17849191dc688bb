// The filing form for a report or allegation (issue 11 item 4): type, date and time with its
// precision, the place on a map picker (map/place-picker.ts) or by coordinates typed by hand,
// accused party, actors, fatalities with who claims them, the agreement terms concerned, evidence
// files hashed in the browser and uploaded as blobs (evidence-files.ts), title and description.
// "Sign and submit" uploads the evidence, then signs the envelope here with the active key
// (src/core/envelope.ts signEnvelope) naming the files by hash, and POSTs it under the session.
// Issues (from the schema run before signing, or from a 400 answer) are shown next to the field
// they name; a workflow refusal (403/422) names its rule (error.details.rule). Without the network
// the signed record waits in the outbox (outbox/outbox.ts) and is sent when it is back (issue 11
// item 8); evidence files need the network (they are uploaded before the record is signed).
import { parseBody, signEnvelope } from '../../../src/core/envelope.js';
import { CoreError } from '../../../src/core/errors.js';
import { EVENT_TYPE_NAMES, INTER_CODES, type InterCode } from '../../../src/core/taxonomy.js';
import { h } from '../dom.js';
import { confidentialChoice } from './confidential/choice.js';
import { renderEvidencePicker } from './evidence-files.js';
import { fm } from './filing-messages.js';
import { renderPlacePicker, type PickerMission } from './map/place-picker.js';
import { FIELD_OF_RULE, byField, issuesOf, ruleText, type Issue } from './field-errors.js';
import { signerOf, type StoredKey } from './keystore.js';
import { cm } from './messages.js';
import { om } from './outbox/messages.js';
import { isNetworkError, isOffline, postOrQueue, type Sender } from './outbox/outbox.js';
import { ApiFailure, postEntry, type Session } from './session.js';

export interface MissionInfo extends PickerMission {
  slug: string;
  organisations: { code: string; name: string; kind?: string; country?: string }[];
  terms: { id: string; title: string }[];
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export function renderFilingForm(
  session: Session,
  mission: MissionInfo,
  activeKey: () => StoredKey | null,
  /** Called when the server says the session has ended (expired, or signed out elsewhere). */
  onSessionEnded: () => void,
): HTMLElement {
  const m = cm();
  const f = fm();
  const controls = new Map<string, Control>();
  const errors = new Map<string, HTMLElement>();
  const me = session.user;
  const outbox: Sender = {
    mission: mission.slug,
    user: me.name,
    post: (bytes) => postEntry(session, mission.slug, bytes),
    ended: onSessionEnded,
  };

  function field(name: string, label: string, control: Control, hint?: string): HTMLElement {
    control.id = `f-${name}`;
    control.name = name;
    const err = h('p', { class: 'field-error', id: `f-${name}-error` });
    control.setAttribute('aria-describedby', `f-${name}-error`);
    controls.set(name, control);
    errors.set(name, err);
    return h(
      'div',
      { class: 'console-field', 'data-field': name },
      h('label', { for: control.id }, label),
      control,
      hint ? h('p', { class: 'console-muted' }, hint) : null,
      err,
    );
  }
  const input = (type: string, attrs: Record<string, string> = {}) =>
    h('input', { type, ...attrs });
  const select = (options: [string, string][], value?: string) => {
    const s = h(
      'select',
      null,
      options.map(([v, label]) => h('option', { value: v }, label)),
    );
    if (value !== undefined) s.value = value;
    return s;
  };

  const parties = mission.organisations.filter((o) => o.kind === 'party');
  const countries = [
    ...new Set(mission.organisations.map((o) => o.country).filter(Boolean)),
  ] as string[];
  const myCountry = mission.organisations.find((o) => o.code === me.org)?.country;
  const today = new Date().toISOString().slice(0, 10);

  // Only a party files allegations (rule allegation_by_party): others are not offered one.
  const filing = select(
    me.role === 'party'
      ? [
          ['report', m.filingReport],
          ['allegation', m.filingAllegation],
        ]
      : [['report', m.filingReport]],
    'report',
  );
  const accused = select(
    parties.filter((p) => p.code !== me.org).map((p) => [p.code, `${p.name} (${p.code})`]),
  );
  const accusedField = field('accused', m.accused, accused);
  const syncAccused = () => (accusedField.hidden = filing.value !== 'allegation');
  filing.addEventListener('change', syncAccused);

  const termsBox = h(
    'fieldset',
    { class: 'console-terms', id: 'f-terms', 'aria-describedby': 'f-terms-error' },
    h('legend', null, m.terms),
    mission.terms.map((t) =>
      h(
        'label',
        { class: 'console-check' },
        h('input', { type: 'checkbox', name: 'terms', value: t.id }),
        ` ${t.title}`,
      ),
    ),
    h('p', { class: 'field-error', id: 'f-terms-error' }),
  );
  errors.set('terms', termsBox.querySelector('#f-terms-error') as HTMLElement);

  // Actors (ACLED style: a name, its inter code, and the mission party it belongs to, if any).
  const actorList = h('div', { class: 'console-actors__list' });
  const actorsError = h('p', { class: 'field-error', id: 'f-actors-error' });
  const addActor = h(
    'button',
    { type: 'button', class: 'console-button', id: 'f-add-actor' },
    f.addActor,
  );
  const actorsBox = h(
    'fieldset',
    { class: 'console-actors', id: 'f-actors', 'aria-describedby': 'f-actors-error' },
    h('legend', null, f.actors),
    actorList,
    h('div', { class: 'console-actions' }, addActor),
    actorsError,
  );
  errors.set('actors', actorsError);
  let actorNo = 0;
  addActor.addEventListener('click', () => {
    if (actorList.children.length >= 20) return;
    const n = actorNo++;
    const name = h('input', {
      type: 'text',
      id: `f-actor-${n}-name`,
      maxlength: '200',
      'data-actor': 'name',
    });
    const inter = h(
      'select',
      { id: `f-actor-${n}-inter`, 'data-actor': 'inter' },
      (Object.keys(INTER_CODES) as unknown as InterCode[]).map((c) =>
        h('option', { value: String(c) }, f.inter(Number(c) as InterCode)),
      ),
    );
    const party = h(
      'select',
      { id: `f-actor-${n}-party`, 'data-actor': 'party' },
      h('option', { value: '' }, f.actorNoParty),
      parties.map((p) => h('option', { value: p.code }, `${p.name} (${p.code})`)),
    );
    const remove = h('button', { type: 'button', class: 'console-button' }, f.removeActor);
    const row = h(
      'div',
      { class: 'console-grid console-actor', 'data-actor-row': '' },
      h('div', { class: 'console-field' }, h('label', { for: name.id }, f.actorName), name),
      h('div', { class: 'console-field' }, h('label', { for: inter.id }, f.actorInter), inter),
      h('div', { class: 'console-field' }, h('label', { for: party.id }, f.actorParty), party),
      h('div', { class: 'console-actions' }, remove),
    );
    remove.addEventListener('click', () => row.remove());
    actorList.append(row);
    name.focus();
  });

  const evidence = renderEvidencePicker();
  errors.set('evidence', evidence.error);
  /** Where a field's problem is marked when it is a group rather than one control. */
  const groups = new Map<string, HTMLElement>([
    ['terms', termsBox],
    ['actors', actorsBox],
    ['evidence', evidence.input],
  ]);
  const target = (name: string) => groups.get(name) ?? controls.get(name);

  const formError = h('div', { class: 'console-error', role: 'alert', id: 'file-error' });
  const result = h('div', { class: 'console-result', role: 'status', id: 'file-result' });
  const submit = h(
    'button',
    { type: 'submit', class: 'console-button console-button--primary' },
    m.signAndSubmit,
  );
  // A party may file a report confidentially (confidential/choice.ts; rule commitment_own_side).
  const confidential = me.role === 'party' ? confidentialChoice() : null;

  const form = h(
    'form',
    { class: 'console-form', novalidate: '', 'aria-labelledby': 'file-heading' },
    h('h2', { id: 'file-heading' }, m.fileHeading),
    h(
      'div',
      { class: 'console-grid' },
      field('filing', m.filing, filing),
      accusedField,
      field('type', m.type, select(EVENT_TYPE_NAMES.map((t) => [t, m.eventType(t)]))),
    ),
    h(
      'div',
      { class: 'console-grid' },
      field('date', m.date, input('date', { value: today, max: today })),
      // Text, not <input type=time>: that one shows a 12-hour clock in some locales and blanks what
      // it cannot parse, while the record's time is UTC on a 24-hour clock, checked by the schema.
      field(
        'time',
        m.time,
        input('text', {
          inputmode: 'numeric',
          dir: 'ltr',
          placeholder: '14:30',
          maxlength: '5',
          autocomplete: 'off',
        }),
        f.timeHint,
      ),
      field(
        'timePrecision',
        m.timePrecision,
        select([
          ['1', m.precisionDay],
          ['2', m.precisionWeek],
          ['3', m.precisionMonth],
        ]),
      ),
    ),
    h(
      'div',
      { class: 'console-grid', id: 'f-location' },
      field('place', m.place, input('text', { maxlength: '200', autocomplete: 'off' })),
      field(
        'country',
        m.country,
        // A party files on its own country by default; a monitor's or analyst's organisation has
        // none, so the field starts on an explicit choice (it started blank and the schema's
        // "an ISO 3166-1 alpha-2 code" was the first the user heard of it).
        countries.includes(myCountry ?? '')
          ? select(
              countries.map((c) => [c, c]),
              myCountry,
            )
          : select([['', m.chooseCountry], ...countries.map((c): [string, string] => [c, c])], ''),
      ),
      field(
        'lat',
        m.lat,
        input('text', { inputmode: 'decimal', dir: 'ltr', placeholder: '34.10' }),
      ),
      field(
        'lon',
        m.lon,
        input('text', { inputmode: 'decimal', dir: 'ltr', placeholder: '71.09' }),
      ),
      field(
        'geoPrecision',
        m.geoPrecision,
        select([
          ['1', m.geoExact],
          ['2', m.geoNear],
          ['3', m.geoRegion],
        ]),
      ),
    ),
    h(
      'div',
      { class: 'console-grid' },
      field('fatalities', m.fatalities, input('number', { min: '0', step: '1', dir: 'ltr' })),
      field(
        'claimedBy',
        m.claimedBy,
        // A party may only file its own count (rule party_own_side); others name the claimant.
        input('text', { value: me.role === 'party' ? me.org : '', maxlength: '100' }),
      ),
    ),
    actorsBox,
    termsBox,
    evidence.el,
    field('title', m.titleField, input('text', { maxlength: '200' })),
    field('description', m.description, h('textarea', { rows: '5' })),
    confidential?.el ?? null,
    formError,
    h('div', { class: 'console-actions' }, submit),
    result,
  );
  syncAccused();
  form
    .querySelector('#f-location')!
    .after(
      renderPlacePicker(
        mission,
        controls.get('lat') as HTMLInputElement,
        controls.get('lon') as HTMLInputElement,
      ),
    );

  function clearErrors(): void {
    for (const [name, el] of errors) {
      el.textContent = '';
      target(name)?.removeAttribute('aria-invalid');
    }
    formError.textContent = '';
    delete formError.dataset.rule;
    result.replaceChildren();
    delete result.dataset.index;
  }

  function showIssues(issues: readonly Issue[]): void {
    const grouped = byField(issues);
    let first: HTMLElement | undefined;
    for (const [name, messages] of grouped) {
      const el = name ? errors.get(name) : undefined;
      if (!el) continue;
      el.textContent = messages.join(' ');
      const c = target(name);
      c?.setAttribute('aria-invalid', 'true');
      first ??= c;
    }
    const count = [...grouped.keys()].filter((k) => k && errors.has(k)).length;
    const loose = grouped.get('') ?? [];
    formError.replaceChildren(
      h('p', null, m.fixFields(m.nFields(count || issues.length))),
      ...loose.map((l) => h('p', null, l)),
    );
    first?.focus();
  }

  const val = (name: string) => controls.get(name)!.value.trim();
  /** A decimal typed by hand; an empty or non-numeric value is an issue on that field. */
  function num(name: string, path: string, pre: Issue[]): number {
    const raw = val(name).replace(',', '.');
    const n = raw === '' ? NaN : Number(raw);
    if (!Number.isFinite(n)) pre.push({ path, message: m.notNumber });
    return n;
  }

  function body(pre: Issue[]): Record<string, unknown> {
    const time = val('time');
    const fat = val('fatalities');
    const claimedBy = val('claimedBy');
    const date = val('date');
    // An event cannot have happened after today (UTC); the schema checks only the date's form.
    if (/^\d{4}-\d{2}-\d{2}$/.test(date) && date > new Date().toISOString().slice(0, 10))
      pre.push({ path: 'body.occurred.date', message: m.futureDate });
    const lat = num('lat', 'body.location.lat', pre);
    const lon = num('lon', 'body.location.lon', pre);
    return {
      type: val('type'),
      title: val('title'),
      description: val('description'),
      occurred: {
        date,
        ...(time ? { time } : {}),
        time_precision: Number(val('timePrecision')),
      },
      location: {
        name: val('place'),
        country: val('country'),
        lat,
        lon,
        geo_precision: Number(val('geoPrecision')),
      },
      actors: [...actorList.querySelectorAll('[data-actor-row]')].flatMap((row) => {
        const get = (k: string) =>
          (row.querySelector(`[data-actor='${k}']`) as HTMLInputElement).value.trim();
        const name = get('name');
        const party = get('party');
        // A row left blank is no actor; one with a party or kind but no name is the schema's to name.
        if (!name && !party) return [];
        return [{ name, inter: Number(get('inter')), ...(party ? { party } : {}) }];
      }),
      ...(fat !== ''
        ? { fatalities: { count: Number(fat), ...(claimedBy ? { claimedBy } : {}) } }
        : {}),
      ...(filing.value === 'allegation' ? { accused: accused.value } : {}),
      terms: [...termsBox.querySelectorAll<HTMLInputElement>('input[name=terms]:checked')].map(
        (c) => c.value,
      ),
      evidence: [],
      sources: [],
    };
  }

  function schemaIssues(draft: Record<string, unknown>): Issue[] {
    try {
      parseBody('report', draft);
      return [];
    } catch (err) {
      return err instanceof CoreError ? issuesOf(err.details as Record<string, unknown>) : [];
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearErrors();
    const key = activeKey();
    if (!key) {
      formError.textContent = m.needKey;
      return;
    }
    const pre: Issue[] = [];
    const draft = body(pre);
    if (pre.length) {
      // Say every field's problem at once: the schema's issues too, beside the typed-number ones.
      showIssues([
        ...pre,
        ...schemaIssues(draft).filter((i) => !pre.some((p) => p.path === i.path)),
      ]);
      return;
    }
    submit.disabled = true;
    submit.textContent = m.submitting;
    void (async () => {
      try {
        // The schema first, so nothing is uploaded for a record that would be refused.
        const early = schemaIssues(draft);
        if (early.length) return showIssues(early);
        if (confidential?.checked() && isOffline()) {
          formError.textContent = confidential.needsNetwork;
          return;
        }
        try {
          if (evidence.count() && isOffline()) throw new TypeError('offline');
          draft.evidence = await evidence.upload(session);
        } catch (err) {
          if (err instanceof ApiFailure && err.status === 401) throw err;
          const why = isNetworkError(err)
            ? om().evidenceOffline
            : err instanceof Error
              ? err.message
              : String(err);
          evidence.error.textContent = why;
          evidence.input.setAttribute('aria-invalid', 'true');
          formError.replaceChildren(h('p', null, m.fixFields(m.nFields(1))));
          return;
        }
        if (confidential?.checked()) {
          const filed = await confidential.file(session, mission.slug, draft, key, result);
          form.dataset.filed = String(filed.index);
          return;
        }
        let bytes: Uint8Array;
        let id: string;
        try {
          ({
            bytes,
            envelope: { id },
          } = await signEnvelope(
            { mission: mission.slug, kind: 'report', body: draft },
            signerOf(key),
          ));
        } catch (err) {
          // The same schema the server applies: its issues have the 400 answer's shape.
          if (err instanceof CoreError && err.code === 'schema') {
            const issues = issuesOf(err.details as Record<string, unknown> | undefined);
            if (issues.length) return showIssues(issues);
          }
          throw err;
        }
        const title = String(draft.title);
        const delivery = await postOrQueue(outbox, 'report', title, { id, bytes });
        if ('queued' in delivery) {
          result.dataset.queued = id;
          result.replaceChildren(
            h('p', { class: 'console-queued' }, om().queued),
            h('p', null, m.filedId(id)),
          );
          form.dataset.queued = id;
          return;
        }
        const answer = delivery.sent as {
          index?: number;
          id?: string;
          sealed?: { commitment?: string };
        };
        result.dataset.index = String(answer.index);
        result.dataset.id = String(answer.id);
        result.replaceChildren(
          h('p', { class: 'console-ok' }, m.filed(String(answer.index))),
          h('p', null, m.filedId(String(answer.id))),
        );
        if (answer.sealed) {
          result.append(
            h(
              'p',
              { class: 'console-sealed', 'data-sealed': 'true' },
              m.sealed(String(answer.sealed.commitment)),
            ),
          );
        }
        form.dataset.filed = String(answer.index);
      } catch (err) {
        if (err instanceof ApiFailure && err.status === 401) {
          formError.textContent = m.sessionEnded;
          onSessionEnded();
        } else if (err instanceof ApiFailure) {
          const issues = issuesOf(err.details);
          const rule = err.details?.rule;
          if (err.status === 400 && issues.length) showIssues(issues);
          else if (typeof rule === 'string') {
            formError.dataset.rule = rule;
            formError.textContent = m.refusedRule(rule, ruleText(rule, err.message));
            const name = FIELD_OF_RULE[rule];
            const el = name ? errors.get(name) : undefined;
            if (name && el) {
              el.textContent = ruleText(rule, err.message);
              target(name)?.setAttribute('aria-invalid', 'true');
            }
          } else formError.textContent = m.refused(String(err.status), err.message);
        } else {
          formError.textContent = m.networkFailed(err instanceof Error ? err.message : String(err));
        }
      } finally {
        submit.disabled = false;
        submit.textContent = m.signAndSubmit;
      }
    })();
  });
  return form;
}
