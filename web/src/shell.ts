// The frame around every page: a skip link, the brand (a link home), the mission's pages when one
// is open, and the language switcher. The page itself renders into <main id="main">.
import { h } from './dom.js';
import { LANGS, lang, languageName, t, type Lang } from './i18n/index.js';
import { href, missionPath, verifyPath, type Route } from './router.js';

export interface Shell {
  main: HTMLElement;
  /** Redraws the header for this route in the current language. */
  update(route: Route): void;
}

function slugOf(route: Route): string | null {
  return 'slug' in route && route.name !== 'bad-slug' ? route.slug : null;
}

/** The current URL with ?lang= set: the switcher keeps the page, its filters and its view. */
function withLang(l: Lang): string {
  const u = new URL(location.href);
  u.searchParams.set('lang', l);
  return `${u.pathname}${u.search}${u.hash}`;
}

export function renderShell(body: HTMLElement, onLanguage: (l: Lang) => void): Shell {
  const skip = h('a', { class: 'skip-link', href: '#main' });
  const header = h('header', { class: 'topbar' });
  const main = h('main', { id: 'main', class: 'page', tabindex: '-1' });
  body.replaceChildren(skip, h('div', { class: 'app' }, header, main));

  function update(route: Route): void {
    const m = t();
    skip.textContent = m.skipToContent;
    const slug = slugOf(route);
    const link = (path: string, label: string, current: boolean) =>
      h('a', { href: href(path), ...(current ? { 'aria-current': 'page' } : {}) }, label);
    const nav = h(
      'nav',
      { class: 'topbar__nav', 'aria-label': m.navHome },
      h(
        'ul',
        null,
        h('li', null, link('/', m.navHome, route.name === 'landing')),
        slug && h('li', null, link(missionPath(slug), m.navMission, route.name === 'mission')),
        slug && h('li', null, link(verifyPath(slug), m.navVerify, route.name === 'verify')),
      ),
    );
    const switcher = h(
      'ul',
      { class: 'lang-switch' },
      LANGS.map((l) => {
        const a = h(
          'a',
          {
            href: withLang(l),
            hreflang: l,
            lang: l,
            ...(l === lang() ? { 'aria-current': 'true' } : {}),
          },
          languageName(l),
        );
        a.addEventListener('click', (e) => {
          if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
          e.preventDefault();
          // The href was built when the header was drawn; the page's query may have changed since.
          history.pushState(null, '', withLang(l));
          onLanguage(l);
        });
        return h('li', null, a);
      }),
    );
    header.replaceChildren(
      h(
        'a',
        { class: 'brand', href: href('/') },
        h('span', { class: 'brand__mark', 'aria-hidden': 'true' }),
        'Truceline',
      ),
      h('p', { class: 'topbar__tagline' }, m.appTagline),
      nav,
      h('nav', { class: 'topbar__lang', 'aria-label': m.language }, switcher),
    );
  }
  return { main, update };
}
