// The mission view (/missions/<slug>): the map and a synchronised, virtualised list of the released
// incidents; filters in the URL (filters.ts), run on the server over every incident
// (server-filter.ts); a brushable timeline of events per day, counted on the server; the crossings
// and compliance boards; and, off by default, the machine-coded news layer, labelled unverified and
// kept apart from the findings (issue 10 item 3).
// For tests: <body data-mission="ready"> once the list is drawn from the URL's filters (and, with
// "only what the map shows", from the map's view), with data-shown / data-total on the list's
// section; data-news="ready"|"error" once the news layer has loaded.
import {
  getCompliance,
  getMission,
  listCrossings,
  listIncidents,
  type ApiIncident,
  type ApiMission,
} from '../../api.js';
import { h } from '../../dom.js';
import type { Globe } from '../../globe.js';
import { day, num, percent, t, typeLabel, verdictLabel } from '../../i18n/index.js';
import { incidentFeatures } from '../../incidents.js';
import { renderLegend } from '../../legend.js';
import { href, incidentPath, missionPath, reportPath, verifyPath } from '../../router.js';
import { renderComplianceBoard, renderCrossingsBoard, renderPenaltiesImposed } from './boards.js';
import { readFilters, writeFilters, type Bounds, type Filters } from './filters.js';
import { createChoices } from './choices.js';
import { createVirtualList } from './list.js';
import type { NewsEvent } from './news.js';
import { incidentsNear } from './news-match.js';
import { createServerFilter } from './server-filter.js';
import { createTimeline } from './timeline.js';

declare global {
  interface Window {
    /** For tests and the curious: the mission view's map. */
    __trucelineMission?: { map: Globe['map'] };
  }
}

const VERDICT_CHOICES = [
  'confirmed',
  'probable',
  'unconfirmed',
  'false_report',
  'inconclusive',
  'none',
];

const why = (err: unknown) => (err instanceof Error ? err.message : String(err));

function errorIn(section: HTMLElement, heading: string, what: string, err: unknown): void {
  section.replaceChildren(
    h('h2', null, heading),
    h('p', { class: 'error', role: 'alert' }, t().errorLoad(what, why(err))),
  );
}

export function renderMissionPage(root: HTMLElement, slug: string): () => void {
  const m = t();
  const abort = new AbortController();
  let globe: Globe | null = null;
  let destroyed = false;
  root.replaceChildren(h('p', { class: 'page__loading', role: 'status' }, m.loadingMission));
  document.body.dataset.mission = 'loading';

  void (async () => {
    let mission: ApiMission;
    try {
      mission = await getMission(slug, abort.signal);
    } catch (err) {
      if (abort.signal.aborted) return;
      root.replaceChildren(
        h('h1', { tabindex: '-1' }, m.missionView),
        h('p', { class: 'error', role: 'alert' }, m.errorLoad(slug, why(err))),
        h('a', { href: href('/') }, m.backHome),
      );
      document.body.dataset.mission = 'error';
      return;
    }
    if (destroyed) return;
    document.title = `${mission.name} · ${m.missionView} · Truceline`;
    const orgName = new Map(mission.organisations.map((o) => [o.code, o.name]));
    const partyName = (c: string) => orgName.get(c) ?? c;
    let filters: Filters = readFilters(new URLSearchParams(location.search));
    let all: ApiIncident[] = [];
    let loaded = false;
    /** Every page the page will hold has arrived. */
    let complete = false;
    let bounds: Bounds | null = null;

    // — the frame —
    const reportLink = h(
      'a',
      { href: href(reportPath(slug, new Date().toISOString().slice(0, 10))) },
      m.reportsLink,
    );
    const head = h(
      'header',
      { class: 'mission__head' },
      h('p', { class: 'eyebrow' }, m.eyebrowMission),
      h('h1', { id: 'mission-title', tabindex: '-1' }, mission.name),
      h(
        'p',
        { class: 'mission__links' },
        reportLink,
        h('a', { href: href(verifyPath(slug)) }, m.verifyLink),
      ),
    );

    // — filters —
    const from = h('input', { id: 'f-from', name: 'from', type: 'date' });
    const to = h('input', { id: 'f-to', name: 'to', type: 'date' });
    // Several of each at once (any of them matches); the URL keeps comma lists (filters.ts).
    const typeSel = createChoices({
      id: 'f-type',
      label: m.type,
      any: m.anyType,
      options: [],
      chosen: filters.types,
      onChange: (types) => {
        filters = { ...filters, types };
        changed();
      },
    });
    const parties = mission.organisations.filter((o) => o.kind === 'party');
    const partySel = createChoices({
      id: 'f-party',
      label: m.party,
      any: m.anyParty,
      options: parties.map((o) => [o.code, o.name] as const),
      chosen: filters.parties,
      onChange: (ps) => {
        filters = { ...filters, parties: ps };
        changed();
      },
    });
    const verdictSel = createChoices({
      id: 'f-verdict',
      label: m.verdict,
      any: m.anyVerdict,
      options: VERDICT_CHOICES.map((v) => [v, v === 'none' ? m.none : verdictLabel(v)] as const),
      chosen: filters.verdicts,
      onChange: (verdicts) => {
        filters = { ...filters, verdicts };
        changed();
      },
    });
    const text = h('input', {
      id: 'f-q',
      name: 'q',
      type: 'search',
      placeholder: m.textPlaceholder,
      autocomplete: 'off',
    });
    const inView = h('input', { id: 'f-inview', name: 'inview', type: 'checkbox' });
    const news = h('input', { id: 'f-news', name: 'news', type: 'checkbox' });
    const clear = h('button', { type: 'button', class: 'link-button' }, m.clearFilters);
    const form = h(
      'form',
      { class: 'filters', role: 'search', 'aria-label': m.filters },
      h('div', { class: 'field' }, h('label', { for: 'f-from' }, m.from), from),
      h('div', { class: 'field' }, h('label', { for: 'f-to' }, m.to), to),
      typeSel.element,
      partySel.element,
      verdictSel.element,
      h('div', { class: 'field field--grow' }, h('label', { for: 'f-q' }, m.text), text),
      h(
        'div',
        { class: 'field field--checks' },
        h('label', { class: 'check' }, inView, m.onlyInView),
        h('label', { class: 'check', title: m.newsLayerHelp }, news, m.newsLayer),
      ),
      h('div', { class: 'field field--end' }, clear),
    );
    form.addEventListener('submit', (e) => e.preventDefault());

    const showFilters = () => {
      from.value = filters.from ?? '';
      to.value = filters.to ?? '';
      typeSel.set(filters.types);
      partySel.set(filters.parties);
      verdictSel.set(filters.verdicts);
      if (document.activeElement !== text) text.value = filters.q;
      inView.checked = filters.inView;
      news.checked = filters.news;
    };

    // — list, map, timeline, boards —
    const count = h('p', { class: 'mission__count', role: 'status', id: 'mission-count' });
    const list = createVirtualList({
      slug,
      onCurrent: (id) => {
        globe?.highlightIncident(id);
        filters = { ...filters, selected: id };
        saveUrl();
      },
    });
    const listSection = h(
      'section',
      { class: 'mission__list', 'aria-labelledby': 'h-list' },
      h('h2', { id: 'h-list', class: 'visually-hidden' }, m.releasedIncidents),
      count,
      list.element,
    );
    const mapBox = h('div', { id: 'mission-map', class: 'globe mission__map-canvas' });
    const mapSection = h(
      'section',
      { class: 'mission__map stage', 'aria-label': m.mapLabel(mission.name) },
      mapBox,
      h('p', { id: 'mission-map-desc', class: 'visually-hidden' }, m.mapLabel(mission.name)),
      renderLegend({ news: true, open: false }),
    );
    const timeline = createTimeline((f, tt) => {
      filters = { ...filters, from: f, to: tt };
      changed();
    });
    const newsSection = h('section', {
      class: 'news',
      'aria-labelledby': 'h-news',
      hidden: '',
    });
    const crossingsSection = h(
      'section',
      { class: 'board-section', 'aria-labelledby': 'h-crossings-board' },
      h('h2', { id: 'h-crossings-board' }, m.crossingsBoard),
      h('p', { class: 'meta', role: 'status' }, m.loading),
    );
    const complianceSection = h(
      'section',
      { class: 'board-section', 'aria-labelledby': 'h-compliance' },
      h('h2', { id: 'h-compliance' }, m.complianceBoard),
      h('p', { class: 'meta', role: 'status' }, m.loading),
    );
    root.replaceChildren(
      h(
        'div',
        { class: 'mission' },
        head,
        form,
        h('div', { class: 'mission__body' }, mapSection, listSection),
        timeline.element,
        newsSection,
        h('div', { class: 'mission__boards' }, crossingsSection, complianceSection),
      ),
    );

    function saveUrl(): void {
      const q = writeFilters(filters, new URLSearchParams(location.search));
      const s = q.toString();
      const url = `${missionPath(slug)}${s ? `?${s}` : ''}`;
      if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
    }

    // Every filter runs on the server (server-filter.ts), over every incident the reader may see,
    // not only those the page holds (the newest 5,000 of a larger mission); the timeline and the
    // counts are the server's counts per day. With no filter the page's own list stands.
    const server = createServerFilter(slug, abort.signal, () => refresh());

    function refresh(): void {
      if (!loaded) return;
      // "Only what the map shows" waits for the map to tell its view.
      const waitingForMap = filters.inView && !bounds;
      const answer = server.matches(filters, waitingForMap ? null : bounds);
      if (answer.state === 'failed') {
        count.replaceChildren(
          h('span', { class: 'error', role: 'alert' }, m.searchFailed(answer.why)),
        );
        document.body.dataset.mission = 'error';
        return;
      }
      const filtered = answer.state === 'matched' ? answer.items : null;
      if (answer.state === 'pending' && hasFilter(filters)) {
        count.textContent = m.searchingServer;
        document.body.dataset.mission = 'loading';
        return;
      }
      // Unfiltered, the page's list draws at once; the server's counts follow.
      const shown = filtered ?? all;
      list.setItems(shown);
      if (filters.selected) list.select(filters.selected);
      globe?.setIncidents(incidentFeatures(shown));
      globe?.highlightIncident(filters.selected);
      const perDay = answer.state === 'matched' ? answer.perDay : countPerDay(all);
      timeline.update(perDay, filters.from, filters.to);
      let matched = 0;
      for (const [d, n] of perDay)
        if ((!filters.from || d >= filters.from) && (!filters.to || d <= filters.to)) matched += n;
      const total = answer.state === 'matched' ? answer.released : all.length;
      count.textContent =
        shown.length < matched
          ? m.shownOfNewest(num(shown.length), num(matched))
          : m.shownOfTotal(num(matched), num(total));
      listSection.dataset.shown = String(shown.length);
      listSection.dataset.matched = String(matched);
      listSection.dataset.total = String(total);
      if (complete && answer.state === 'matched' && !waitingForMap)
        document.body.dataset.mission = 'ready';
    }

    function changed(): void {
      saveUrl();
      showFilters();
      refresh();
    }

    from.addEventListener('change', () => {
      filters = { ...filters, from: from.value || null };
      changed();
    });
    to.addEventListener('change', () => {
      filters = { ...filters, to: to.value || null };
      changed();
    });
    let typing = 0;
    text.addEventListener('input', () => {
      window.clearTimeout(typing);
      typing = window.setTimeout(() => {
        filters = { ...filters, q: text.value };
        changed();
      }, 250);
    });
    inView.addEventListener('change', () => {
      filters = { ...filters, inView: inView.checked, at: inView.checked ? currentView() : null };
      changed();
    });
    news.addEventListener('change', () => {
      filters = { ...filters, news: news.checked };
      changed();
      void showNews();
    });
    clear.addEventListener('click', () => {
      filters = {
        ...readFilters(new URLSearchParams()),
        news: filters.news,
      };
      changed();
    });
    showFilters();

    function currentView() {
      if (!globe) return null;
      const c = globe.map.getCenter();
      return { zoom: globe.map.getZoom(), center: [c.lng, c.lat] as [number, number] };
    }

    // — news layer (loaded once, on demand) —
    let newsEvents: NewsEvent[] | null = null;
    async function showNews(): Promise<void> {
      newsSection.hidden = !filters.news;
      if (!filters.news) {
        globe?.setNews({ type: 'FeatureCollection', features: [] }, false);
        return;
      }
      if (!newsEvents) {
        newsSection.replaceChildren(
          h('h2', { id: 'h-news' }, m.newsLayer),
          h('p', { class: 'meta', role: 'status' }, m.newsLoading),
        );
        try {
          const mod = await import('./news.js');
          newsEvents = await mod.loadNews(slug, abort.signal);
          globe?.setNews(mod.newsFeatures(newsEvents), filters.news);
          document.body.dataset.news = 'ready';
        } catch (err) {
          if (abort.signal.aborted) return;
          errorIn(newsSection, m.newsLayer, m.newsLayer, err);
          document.body.dataset.news = 'error';
          return;
        }
      } else {
        const mod = await import('./news.js');
        globe?.setNews(mod.newsFeatures(newsEvents), true);
      }
      renderNewsList(newsSection, newsEvents, all, slug);
    }

    // — load: the list and the map library at once —
    // Each page is drawn as it arrives (the first rows of a large mission need not wait for the
    // rest: bench/mission-view.bench.ts); the list is final, data-mission="ready", once all are.
    const incidentsP = listIncidents(slug, abort.signal, undefined, {
      onPage: (items) => {
        if (destroyed) return;
        all = [...items];
        loaded = true;
        refresh();
      },
    });
    incidentsP.catch(() => undefined); // handled below, after the map has started
    try {
      const { createGlobe } = await import('../../globe.js');
      if (destroyed) return;
      globe = createGlobe({
        container: mapBox,
        mission,
        spin: false,
        startAtRegion: true,
        ...(filters.inView && filters.at ? { startAt: filters.at } : {}),
        describedBy: 'mission-map-desc',
        onSelectIncident: (id) => {
          list.select(id);
          globe?.highlightIncident(id);
        },
        onMoveEnd: () => {
          if (!globe) return;
          bounds = globe.bounds();
          if (filters.inView) {
            filters = { ...filters, at: currentView() };
            saveUrl();
            refresh();
          }
        },
        onReady: () => {
          bounds = globe?.bounds() ?? null;
          document.body.dataset.globe = 'ready';
          refresh();
        },
      });
      window.__trucelineMission = { map: globe.map };
    } catch (err) {
      console.error('truceline map:', err);
      mapBox.replaceChildren(h('p', { class: 'error', role: 'alert' }, m.globeUnavailable));
      document.body.dataset.globe = 'unavailable';
      // Without a map "only what the map shows" cannot apply: the list shows every match.
      bounds = null;
      filters = { ...filters, inView: false };
    }

    try {
      all = await incidentsP;
      loaded = true;
      complete = true;
      const types = [...new Set(all.map((i) => i.type))].sort();
      typeSel.setOptions(types.map((tp) => [tp, typeLabel(tp)] as const));
      const latest = all.reduce((a, i) => (i.date > a ? i.date : a), '');
      if (latest) reportLink.setAttribute('href', href(reportPath(slug, latest.slice(0, 10))));
      const days = all.map((i) => i.date.slice(0, 10)).sort();
      if (days.length) {
        for (const input of [from, to]) {
          input.min = days[0]!;
          input.max = days[days.length - 1]!;
        }
      }
      refresh();
    } catch (err) {
      if (abort.signal.aborted) return;
      count.replaceChildren(
        h('span', { class: 'error', role: 'alert' }, m.incidentsFailed(why(err))),
      );
      document.body.dataset.mission = 'error';
    }

    listCrossings(slug, abort.signal).then(
      (cs) => {
        globe?.setCrossingStatus(new Map(cs.map((c) => [c.crossing, c.current?.status ?? null])));
        renderCrossingsBoard(crossingsSection, cs);
      },
      (err: unknown) => {
        if (!abort.signal.aborted)
          errorIn(crossingsSection, m.crossingsBoard, m.crossingsBoard, err);
      },
    );
    getCompliance(slug, abort.signal).then(
      (c) => {
        renderComplianceBoard(complianceSection, c, partyName);
        const agreement = new Map(mission.agreements.map((a) => [a.id, a.title]));
        void renderPenaltiesImposed(
          complianceSection,
          slug,
          (id) => agreement.get(id) ?? id,
          partyName,
          abort.signal,
        ).catch(() => {}); // aborted on leaving, or the route failed: the board stands without them
      },
      (err: unknown) => {
        if (!abort.signal.aborted) {
          errorIn(complianceSection, m.complianceBoard, m.complianceBoard, err);
        }
      },
    );
    if (filters.news) void showNews();
  })();

  return () => {
    destroyed = true;
    abort.abort();
    globe?.destroy();
    delete window.__trucelineMission;
    delete document.body.dataset.mission;
    delete document.body.dataset.news;
  };
}

function renderNewsList(
  section: HTMLElement,
  events: readonly NewsEvent[],
  incidents: readonly ApiIncident[],
  slug: string,
): void {
  const m = t();
  section.replaceChildren(
    h('h2', { id: 'h-news' }, m.newsHeading(num(events.length))),
    h('p', { class: 'news__warning' }, m.newsLayerHelp),
    events.length === 0
      ? h('p', { class: 'meta' }, m.newsNone)
      : h(
          'ul',
          { class: 'news__list' },
          events
            .slice(0, 200)
            .map((e) =>
              h(
                'li',
                { class: 'news__item', 'data-news': e.id },
                h('span', { class: 'news__badge' }, m.legendNews),
                h('p', { class: 'news__headline' }, e.headline),
                h(
                  'p',
                  { class: 'meta' },
                  [
                    typeLabel(e.type),
                    e.place,
                    e.date ? day(e.date) : null,
                    m.newsFrom(e.outlet ?? m.newsUnknownOutlet),
                    m.confidence(percent(e.confidence)),
                  ]
                    .filter(Boolean)
                    .join(' · '),
                ),
                nearList(e, incidents, slug),
              ),
            ),
        ),
  );
}

/** The released incidents of the same day and place, linked, with their verdicts. */
function nearList(
  e: NewsEvent,
  incidents: readonly ApiIncident[],
  slug: string,
): HTMLElement | null {
  const near = incidentsNear(e, incidents);
  if (near.length === 0) return null;
  const m = t();
  return h(
    'p',
    { class: 'news__near' },
    `${m.newsNear} `,
    ...near
      .slice(0, 3)
      .flatMap((i, n) => [
        n > 0 ? '; ' : '',
        h('a', { href: href(incidentPath(slug, i.id)), 'data-near': i.id }, i.title),
        ` (${i.verdict ? verdictLabel(i.verdict) : m.none})`,
      ]),
  );
}

/** Whether any filter narrows the list (the news layer and the current row do not). */
function hasFilter(f: Filters): boolean {
  return Boolean(
    f.from ||
    f.to ||
    f.types.length ||
    f.parties.length ||
    f.verdicts.length ||
    f.q.trim() ||
    f.inView,
  );
}

function countPerDay(items: readonly ApiIncident[]): Map<string, number> {
  const perDay = new Map<string, number>();
  for (const i of items) {
    const d = i.date.slice(0, 10);
    perDay.set(d, (perDay.get(d) ?? 0) + 1);
  }
  return perDay;
}
