// The side panel: the mission, who is in it, its border crossings, and the agreements with the
// terms the mechanism checks. Built with textContent only (see dom.ts).
import type { ApiMission } from './api.js';
import { h } from './dom.js';
import { day, list, num, t } from './i18n/index.js';
import { href, missionPath, verifyPath } from './router.js';

type Org = ApiMission['organisations'][number];
type Crossing = ApiMission['crossings'][number];

/** "Qatar and Türkiye" for a list of organisation codes, falling back to the code. */
function orgNames(codes: readonly string[], byCode: ReadonlyMap<string, Org>): string {
  return list(codes.map((c) => byCode.get(c)?.name ?? c));
}

/** A same-origin path from the API, or null: never a "javascript:" or off-site link. */
function safePath(path: string): string | null {
  return /^\/(?!\/)[\w\-./%]*$/.test(path) ? path : null;
}

function orgList(orgs: Org[]): HTMLElement {
  return h(
    'ul',
    { class: 'orgs' },
    orgs.map((o) =>
      h(
        'li',
        null,
        h('span', { class: 'org__code', 'aria-hidden': 'true' }, o.code),
        h('span', { class: 'org__name' }, o.name),
      ),
    ),
  );
}

function crossingSides(c: Crossing, byCode: ReadonlyMap<string, Org>): string {
  return Object.entries(c.sides)
    .map(([code, s]) => {
      const where = [s.admin2, s.admin1].filter(Boolean).join(', ');
      return `${where} (${byCode.get(code)?.name ?? code})`;
    })
    .join(' — ');
}

export interface Panel {
  root: HTMLElement;
  /** The released-incidents section, filled by incidents.ts once they have loaded. */
  incidents: HTMLElement;
  selectCrossing(id: string): void;
}

export interface PanelOptions {
  onCrossing: (id: string) => void;
  onRegion: () => void;
}

export function renderPanel(root: HTMLElement, m: ApiMission, opts: PanelOptions): Panel {
  const msg = t();
  const byCode = new Map(m.organisations.map((o) => [o.code, o]));
  const ofKind = (kind: Org['kind']) => m.organisations.filter((o) => o.kind === kind);
  const mechanism = m.organisations.filter((o) => o.kind === 'monitor' || o.kind === 'analyst');

  const crossingButtons = new Map<string, HTMLButtonElement>();
  const crossingItems = m.crossings.map((c) => {
    const button = h(
      'button',
      { type: 'button', class: 'crossing-item__button', 'data-crossing': c.id },
      h('span', { class: 'crossing-item__name' }, c.name),
      c.approximate &&
        h('span', { class: 'badge badge--approx', title: msg.approximateCoords }, msg.approximate),
    );
    button.addEventListener('click', () => opts.onCrossing(c.id));
    crossingButtons.set(c.id, button);
    const coords = `${c.approximate ? '≈ ' : ''}${c.lat.toFixed(2)}° N, ${c.lon.toFixed(2)}° E`;
    return h(
      'li',
      { class: 'crossing-item' },
      button,
      h('p', { class: 'crossing-item__sides' }, crossingSides(c, byCode)),
      h('p', { class: 'crossing-item__coords' }, coords),
      c.note ? h('p', { class: 'crossing-item__note' }, c.note) : null,
    );
  });

  const agreements = m.agreements.map((a) => {
    const terms = m.terms.filter((t) => t.agreement === a.id);
    return h(
      'article',
      { class: 'agreement' },
      h('h3', null, a.title),
      h(
        'p',
        { class: 'meta' },
        h('time', { datetime: a.date }, day(a.date, 'long')),
        ` · ${a.place}`,
        a.mediators.length ? ` · ${msg.mediatedBy(orgNames(a.mediators, byCode))}` : '',
      ),
      h('p', null, a.summary),
      terms.length > 0 &&
        h(
          'ul',
          { class: 'terms', 'aria-label': msg.termsOf(a.title) },
          terms.map((t) =>
            h(
              'li',
              { class: 'term' },
              h('h4', null, t.title),
              h('p', null, t.text),
              h('p', { class: 'meta' }, msg.binds(orgNames(t.obliged, byCode))),
            ),
          ),
        ),
    );
  });

  const checkpoint = safePath(`${m.log.prefix}checkpoint`);
  const regionButton = h('button', { type: 'button', class: 'link-button' }, msg.showLine);
  regionButton.addEventListener('click', opts.onRegion);

  const incidents = h(
    'section',
    { 'aria-labelledby': 'h-incidents', class: 'incidents-section' },
    h('h2', { id: 'h-incidents' }, msg.releasedIncidents),
    h('p', { class: 'meta', role: 'status' }, msg.loadingIncidents),
  );

  root.replaceChildren(
    h(
      'header',
      { class: 'panel__header' },
      h('p', { class: 'eyebrow' }, msg.eyebrowMission),
      h('h1', { id: 'mission-name', tabindex: '-1' }, m.name),
      h('p', { class: 'lede' }, m.description),
      h(
        'p',
        { class: 'panel__actions' },
        h('a', { class: 'button-link', href: href(missionPath(m.slug)) }, msg.openMission),
        h('a', { href: href(verifyPath(m.slug)) }, msg.verifyLink),
      ),
    ),
    incidents,
    h(
      'section',
      { 'aria-labelledby': 'h-parties' },
      h('h2', { id: 'h-parties' }, msg.partiesAndMediators),
      h(
        'dl',
        { class: 'org-groups' },
        h('dt', null, msg.parties),
        h('dd', null, orgList(ofKind('party'))),
        h('dt', null, msg.mediators),
        h('dd', null, orgList(ofKind('mediator'))),
        mechanism.length > 0 && [h('dt', null, msg.mechanism), h('dd', null, orgList(mechanism))],
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'h-crossings' },
      h(
        'div',
        { class: 'section-head' },
        h('h2', { id: 'h-crossings' }, msg.borderCrossingsN(num(m.crossings.length))),
        regionButton,
      ),
      h('ol', { class: 'crossings' }, crossingItems),
    ),
    h(
      'section',
      { 'aria-labelledby': 'h-agreements' },
      h('h2', { id: 'h-agreements' }, msg.agreementsAndTerms),
      agreements,
    ),
    h(
      'section',
      { 'aria-labelledby': 'h-log', class: 'log' },
      h('h2', { id: 'h-log' }, msg.transparencyLog),
      h('p', null, msg.logBlurb),
      h(
        'dl',
        null,
        h('dt', null, msg.origin),
        h('dd', null, h('code', null, m.log.origin)),
        h('dt', null, msg.verifierKey),
        h('dd', null, h('code', { class: 'vkey' }, m.log.vkey ?? msg.notPublished)),
      ),
      checkpoint && h('p', null, h('a', { href: checkpoint }, msg.latestCheckpoint)),
    ),
  );

  let selected: string | null = null;
  return {
    root,
    incidents,
    selectCrossing(id: string) {
      if (selected) crossingButtons.get(selected)?.removeAttribute('aria-current');
      const b = crossingButtons.get(id);
      if (!b) return;
      selected = id;
      b.setAttribute('aria-current', 'true');
      const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      b.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
    },
  };
}
