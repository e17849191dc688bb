// The side panel: the mission, who is in it, its border crossings, and the agreements with the
// terms the mechanism checks. Built with textContent only (see dom.ts).
import type { ApiMission } from './api.js';
import { h } from './dom.js';

type Org = ApiMission['organisations'][number];
type Crossing = ApiMission['crossings'][number];

const longDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

function formatDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : longDate.format(d);
}

/** "Pakistan, Afghanistan" for a list of organisation codes, falling back to the code. */
function orgNames(codes: readonly string[], byCode: ReadonlyMap<string, Org>): string {
  return codes.map((c) => byCode.get(c)?.name ?? c).join(', ');
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
        h(
          'span',
          { class: 'badge badge--approx', title: 'Approximate coordinates' },
          '≈ approximate',
        ),
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
        h('time', { datetime: a.date }, formatDate(a.date)),
        ` · ${a.place}`,
        a.mediators.length ? ` · mediated by ${orgNames(a.mediators, byCode)}` : '',
      ),
      h('p', null, a.summary),
      terms.length > 0 &&
        h(
          'ul',
          { class: 'terms', 'aria-label': `Terms of the ${a.title}` },
          terms.map((t) =>
            h(
              'li',
              { class: 'term' },
              h('h4', null, t.title),
              h('p', null, t.text),
              h('p', { class: 'meta' }, `Binds ${orgNames(t.obliged, byCode)}`),
            ),
          ),
        ),
    );
  });

  const checkpoint = safePath(`${m.log.prefix}checkpoint`);
  const regionButton = h('button', { type: 'button', class: 'link-button' }, 'Show the line');
  regionButton.addEventListener('click', opts.onRegion);

  const incidents = h(
    'section',
    { 'aria-labelledby': 'h-incidents', class: 'incidents-section' },
    h('h2', { id: 'h-incidents' }, 'Released incidents'),
    h('p', { class: 'meta', role: 'status' }, 'Loading the released incidents…'),
  );

  root.replaceChildren(
    h(
      'header',
      { class: 'panel__header' },
      h('p', { class: 'eyebrow' }, 'Ceasefire monitoring mission'),
      h('h1', { id: 'mission-name' }, m.name),
      h('p', { class: 'lede' }, m.description),
    ),
    incidents,
    h(
      'section',
      { 'aria-labelledby': 'h-parties' },
      h('h2', { id: 'h-parties' }, 'Parties and mediators'),
      h(
        'dl',
        { class: 'org-groups' },
        h('dt', null, 'Parties'),
        h('dd', null, orgList(ofKind('party'))),
        h('dt', null, 'Mediators'),
        h('dd', null, orgList(ofKind('mediator'))),
        mechanism.length > 0 && [h('dt', null, 'Mechanism'), h('dd', null, orgList(mechanism))],
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'h-crossings' },
      h(
        'div',
        { class: 'section-head' },
        h('h2', { id: 'h-crossings' }, `Border crossings (${m.crossings.length})`),
        regionButton,
      ),
      h('ol', { class: 'crossings' }, crossingItems),
    ),
    h(
      'section',
      { 'aria-labelledby': 'h-agreements' },
      h('h2', { id: 'h-agreements' }, 'Agreements and terms'),
      agreements,
    ),
    h(
      'section',
      { 'aria-labelledby': 'h-log', class: 'log' },
      h('h2', { id: 'h-log' }, 'Transparency log'),
      h(
        'p',
        null,
        'Every record is signed by its author and appended to a public, witnessed log. ' +
          'Anyone can check that no record was altered, back-dated or deleted.',
      ),
      h(
        'dl',
        null,
        h('dt', null, 'Origin'),
        h('dd', null, h('code', null, m.log.origin)),
        h('dt', null, 'Verifier key'),
        h('dd', null, h('code', { class: 'vkey' }, m.log.vkey ?? 'not yet published')),
      ),
      checkpoint && h('p', null, h('a', { href: checkpoint }, 'Latest signed checkpoint')),
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
