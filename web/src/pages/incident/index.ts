// The incident page (/missions/<slug>/incidents/<id>): every record in log order, each with its
// author, organisation, claimed and logged time, log index and signature status, the evidence
// hashes and a small map, then verified in the page against the public log (issue 10, items 4 and
// 5). Entry point the router calls. Everything from the API is set as text only.
// For tests: the root gets data-incident-page="ready" | "not-found" | "error" once drawn, and the
// map box data-map="ready" | "unavailable".
import './incident.css';
import { getMission, type ApiMission } from '../../api.js';
import { h } from '../../dom.js';
import {
  currentLang,
  eventTypeWord,
  fmtDay,
  fmtNumber,
  messages,
  valueWord,
  type Messages,
} from '../../verify/messages.js';
import { verifyIncident } from '../../verify/verify-incident.js';
import { VerifyFailure } from '../../verify/failure.js';
import { IncidentNotFound, fetchIncident, type IncidentDetail } from './incident-api.js';
import { renderRecord, type Names, type RecordView } from './records-view.js';
import { renderVerifyBanner } from './verify-banner.js';

export interface IncidentPageParams {
  slug: string;
  id: string;
}

function namesOf(mission: ApiMission | null): Names {
  const orgs = new Map((mission?.organisations ?? []).map((o) => [o.code, o.name]));
  const terms = new Map((mission?.terms ?? []).map((t) => [t.id, t.title]));
  return {
    org: (code) => (code ? (orgs.get(code) ?? code) : '—'),
    term: (id) => terms.get(id) ?? id,
  };
}

function placeOf(d: IncidentDetail): string {
  const l = d.location;
  return [l.name, l.admin2 !== l.name ? l.admin2 : undefined, l.admin1, l.country]
    .filter((x): x is string => typeof x === 'string' && x !== '')
    .join(', ');
}

function evidenceSection(d: IncidentDetail, m: Messages): HTMLElement {
  const rows: HTMLElement[] = [];
  for (const r of d.records) {
    const ev = r.body.evidence;
    if (!Array.isArray(ev)) continue;
    for (const e of ev as { sha256?: unknown; mediaType?: unknown; description?: unknown }[]) {
      if (typeof e?.sha256 !== 'string') continue;
      rows.push(
        h(
          'li',
          { class: 'ip-evidence__item' },
          h('code', { class: 'ip-hash', dir: 'ltr' }, e.sha256),
          h(
            'span',
            { class: 'ip-evidence__meta' },
            [
              typeof e.mediaType === 'string' ? e.mediaType : '',
              typeof e.description === 'string' ? e.description : '',
              `#${fmtNumber(r.index)}`,
            ]
              .filter(Boolean)
              .join(' · '),
          ),
        ),
      );
    }
  }
  return h(
    'section',
    { class: 'ip-card ip-evidence', 'aria-labelledby': 'ip-h-evidence' },
    h('h2', { id: 'ip-h-evidence' }, m.evidenceHeading),
    rows.length ? h('ul', { class: 'ip-evidence__list' }, rows) : h('p', null, m.noEvidence),
  );
}

function fact(label: string, value: string | null | undefined): Node[] {
  return value ? [h('dt', null, label), h('dd', null, value)] : [];
}

export async function renderIncidentPage(
  root: HTMLElement,
  params: IncidentPageParams,
): Promise<void> {
  const m = messages();
  root.replaceChildren(h('p', { class: 'ip-loading', role: 'status' }, m.loading));
  let d: IncidentDetail;
  let mission: ApiMission | null;
  try {
    [d, mission] = await Promise.all([
      fetchIncident(params.slug, params.id),
      getMission(params.slug).catch(() => null),
    ]);
  } catch (err) {
    const notFound = err instanceof IncidentNotFound;
    root.replaceChildren(
      h(
        'p',
        { class: 'ip-error', role: 'alert' },
        notFound
          ? m.notFound(params.id)
          : m.loadFailed(err instanceof Error ? err.message : String(err)),
      ),
    );
    root.dataset.incidentPage = notFound ? 'not-found' : 'error';
    return;
  }
  const names = namesOf(mission);
  document.title = `${d.title} · Truceline`;

  const banner = renderVerifyBanner();
  const views = new Map<string, RecordView>();
  const list = h('ol', { class: 'ip-records__list' });
  for (const r of d.records) {
    const v = renderRecord(r, d, names, m);
    views.set(r.id, v);
    list.append(v.el);
  }
  const mapBox = h('div', { class: 'ip-map__canvas', 'data-map': 'loading' });
  const place = placeOf(d);
  const article = h(
    'article',
    { class: 'ip', lang: currentLang(), 'data-incident': d.id },
    h(
      'header',
      { class: 'ip-head' },
      h('p', { class: 'ip-kicker' }, `${eventTypeWord(d.type)} · ${fmtDay(d.date)}`),
      h('h1', { class: 'ip-title', dir: 'auto' }, d.title),
      h(
        'dl',
        { class: 'ip-facts' },
        ...fact(m.status, valueWord(d.status)),
        ...fact(m.verdict, d.verdict ? valueWord(d.verdict) : null),
        ...fact(
          m.attribution,
          d.attribution
            ? d.attribution === 'undetermined'
              ? valueWord('undetermined')
              : names.org(d.attribution)
            : null,
        ),
        ...fact(m.fatalities, d.fatalities === null ? null : fmtNumber(d.fatalities)),
        ...fact(m.place, place),
        ...fact(m.parties, d.parties.map((p) => names.org(p)).join(', ')),
      ),
    ),
    banner.el,
    h(
      'div',
      { class: 'ip-grid' },
      h(
        'section',
        { class: 'ip-records', 'aria-labelledby': 'ip-h-records' },
        h('h2', { id: 'ip-h-records' }, m.recordsHeading(fmtNumber(d.records.length))),
        list,
      ),
      h(
        'div',
        { class: 'ip-side' },
        h(
          'section',
          { class: 'ip-card ip-map', 'aria-labelledby': 'ip-h-map' },
          h('h2', { id: 'ip-h-map' }, m.mapHeading),
          mapBox,
          h('p', { class: 'ip-map__place' }, place),
        ),
        evidenceSection(d, m),
      ),
    ),
  );
  root.replaceChildren(article);
  root.dataset.incidentPage = 'ready';

  void import('./mini-map.js')
    .then(({ createMiniMap, MAP_CREDIT }) => {
      mapBox.after(h('p', { class: 'ip-map__credit' }, MAP_CREDIT));
      createMiniMap(mapBox, mission, d.location, m.mapLabel(place), () => {
        mapBox.dataset.map = 'ready';
      });
    })
    .catch((err: unknown) => {
      console.warn('truceline incident map:', err);
      mapBox.replaceChildren(h('p', { class: 'ip-map__none' }, m.mapUnavailable));
      mapBox.dataset.map = 'unavailable';
    });

  void verifyIncident(params.slug, d.records, {
    onRecord: (c) => {
      const text =
        c.commitmentIndex !== undefined
          ? `${m.revealedMatches(fmtNumber(c.commitmentIndex))}; ${m.sigVerified(d.records.find((r) => r.id === c.id)?.author ?? '')}`
          : m.sigVerified(d.records.find((r) => r.id === c.id)?.author ?? '');
      views.get(c.id)?.setStatus(
        'verified',
        text,
        c.proofs.map((p) => ({ index: p.index, text: p.bundle })),
      );
    },
  }).then(
    (v) => banner.verified(v),
    (err: unknown) => {
      banner.failed(err);
      if (err instanceof VerifyFailure && err.index !== undefined) {
        const r = d.records.find(
          (x) => x.index === err.index || x.sealed?.revealIndex === err.index,
        );
        if (r) views.get(r.id)?.setStatus('failed', `${m.sigFailed}: ${err.local}`);
      }
    },
  );
}
