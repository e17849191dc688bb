// /console (issue 11): where the mission's people sign in and work, every record signed on their
// own device. The shell: sign-in over the cookie session, the signing key (made here or imported
// from a key file, kept non-extractable in IndexedDB) with its registration in the log, and a nav
// of the sections the role may use (sections.ts), each at /console/<id>. The server never sees a
// private key.
import './console.css';
import './shell.css';
import { h } from '../dom.js';
import { lang } from '../i18n/index.js';
import { signEnvelope } from '../../../src/core/envelope.js';
import { href } from '../router.js';
import type { MissionInfo } from './filing-form.js';
import { renderKeysPanel } from './keys-panel.js';
import { signerOf } from './keystore.js';
import { cm } from './messages.js';
import {
  clearApiCache,
  keepSession,
  keepWhenTakenOver,
  registerServiceWorker,
} from './outbox/offline.js';
import type { Sender } from './outbox/outbox.js';
import { outboxPanel } from './outbox/panel.js';
import {
  sectionOfPath,
  sectionsFor,
  type ConsoleApi,
  type ConsoleContext,
  type EnvelopeBody,
  type SignedEntry,
} from './sections.js';
import {
  ApiFailure,
  currentSession,
  getJson,
  login,
  logout,
  postEntry,
  postJson,
  type Session,
} from './session.js';

/** An API message as a sentence: capital first letter (they are written to follow "truceline: "). */
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const why = (err: unknown) => (err instanceof Error ? err.message : String(err));

function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang() === 'ur' ? 'ur-PK' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(d);
}

/** Draws the console into `root`; the returned function leaves it (closes a section's stream). */
export async function renderConsole(root: HTMLElement): Promise<() => void> {
  const m = cm();
  document.title = `${m.title} · Truceline`;
  // Once registered, the console loads without the network (issue 11 item 8, web/src/sw.ts).
  registerServiceWorker();
  const body = h('div', { class: 'console-body' });
  const heading = h('h1', { tabindex: '-1' }, m.title);
  root.replaceChildren(h('div', { class: 'console' }, heading, body));
  let session: Session | null = null;
  try {
    session = await currentSession();
  } catch (err) {
    body.replaceChildren(
      h('p', { class: 'console-error', role: 'alert' }, m.networkFailed(why(err))),
    );
    return leaveSection;
  }
  if (session) await showSignedIn(body, session);
  else showSignIn(body);
  return leaveSection;
}

function showSignIn(body: HTMLElement): void {
  body.replaceChildren(signInForm((s) => showSignedIn(body, s)));
  document.body.dataset.console = 'signed-out';
}

/**
 * The session ended while the user worked: a sign-in form in place of the "signed in as" card.
 * Signing in again as the same user renews the session the form posts with, so nothing typed is
 * lost; another user gets a fresh console.
 */
function renderSignInAgain(body: HTMLElement, who: HTMLElement, session: Session): HTMLElement {
  document.body.dataset.console = 'session-ended';
  const form = signInForm(async (s) => {
    if (s.user.name !== session.user.name) return showSignedIn(body, s);
    Object.assign(session, s);
    form.replaceWith(who);
    document.body.dataset.console = 'signed-in';
  });
  const name = form.querySelector<HTMLInputElement>('#signin-name');
  if (name) name.value = session.user.name;
  return form;
}

function signInForm(onSignedIn: (s: Session) => void | Promise<void>): HTMLFormElement {
  const m = cm();
  const name = h('input', {
    id: 'signin-name',
    name: 'username',
    autocomplete: 'username',
    autocapitalize: 'none',
    spellcheck: 'false',
    dir: 'ltr',
    'aria-describedby': 'signin-name-error',
  });
  const password = h('input', {
    id: 'signin-password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    dir: 'ltr',
    'aria-describedby': 'signin-password-error',
  });
  const nameError = h('p', { class: 'field-error', id: 'signin-name-error' });
  const passwordError = h('p', { class: 'field-error', id: 'signin-password-error' });
  const error = h('p', { class: 'console-error', role: 'alert', id: 'signin-error' });
  const button = h(
    'button',
    { type: 'submit', class: 'console-button console-button--primary' },
    m.signIn,
  );
  const form = h(
    'form',
    { class: 'console-card console-signin', novalidate: '', 'aria-labelledby': 'signin-heading' },
    h('h2', { id: 'signin-heading' }, m.signInHeading),
    h('p', { class: 'console-muted' }, m.intro),
    h('div', { class: 'console-field' }, h('label', { for: name.id }, m.userName), name, nameError),
    h(
      'div',
      { class: 'console-field' },
      h('label', { for: password.id }, m.password),
      password,
      passwordError,
    ),
    error,
    h('div', { class: 'console-actions' }, button),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    nameError.textContent = '';
    passwordError.textContent = '';
    error.textContent = '';
    name.removeAttribute('aria-invalid');
    password.removeAttribute('aria-invalid');
    if (!name.value.trim()) {
      nameError.textContent = m.needName;
      name.setAttribute('aria-invalid', 'true');
      name.focus();
      return;
    }
    if (!password.value) {
      passwordError.textContent = m.needPassword;
      password.setAttribute('aria-invalid', 'true');
      password.focus();
      return;
    }
    button.disabled = true;
    button.textContent = m.signingIn;
    void login(name.value.trim(), password.value)
      .then(async (s) => {
        password.value = '';
        // What the service worker kept for offline use belongs to whoever was signed in before.
        await clearApiCache();
        keepSession();
        return onSignedIn(s);
      })
      .catch((err: unknown) => {
        // The API's message already says what failed ("couldn't sign in: wrong name or password").
        error.textContent =
          err instanceof ApiFailure ? sentence(err.message) : m.networkFailed(why(err));
        password.select();
      })
      .finally(() => {
        button.disabled = false;
        button.textContent = m.signIn;
      });
  });
  return form;
}

async function showSignedIn(body: HTMLElement, session: Session): Promise<void> {
  const m = cm();
  const u = session.user;
  leaveSection();
  stopOutbox();
  const out = h('button', { type: 'button', class: 'console-button' }, m.signOut);
  const whoError = h('p', { class: 'console-error', role: 'alert' });
  out.addEventListener('click', () => {
    out.disabled = true;
    // Signing out ends the session; the keys stay in IndexedDB (issue 11 item 9).
    void logout(session)
      .then(async () => {
        await clearApiCache();
        stopOutbox();
        leaveSection();
        showSignIn(body);
      })
      .catch((err: unknown) => {
        whoError.textContent = why(err);
        out.disabled = false;
      });
  });
  const who = h(
    'section',
    { class: 'console-card console-who' },
    h('p', { 'data-user': u.name }, m.signedInAs(u.displayName ?? u.name, u.org, u.role)),
    session.expiresAt
      ? h('p', { class: 'console-muted' }, m.sessionUntil(formatWhen(session.expiresAt)))
      : null,
    h('div', { class: 'console-actions' }, out),
    whoError,
  );
  if (!u.mission) {
    body.replaceChildren(who, h('p', null, m.noMission));
    return;
  }
  const slug = u.mission;
  const keys = renderKeysPanel(session, slug, () => {});
  const nav = h('nav', { class: 'console-nav', 'aria-label': m.sectionsNav });
  const place = h('div', { class: 'console-section' });
  body.replaceChildren(who, keys.el, nav, place);
  document.body.dataset.console = 'signed-in';
  let mission: MissionInfo;
  try {
    mission = {
      ...((await getJson(`/api/v1/missions/${encodeURIComponent(slug)}`)) as MissionInfo),
      slug,
    };
  } catch (err) {
    place.replaceChildren(
      h('p', { class: 'console-error', role: 'alert' }, m.networkFailed(why(err))),
    );
    return;
  }
  const api1 = `/api/v1/missions/${encodeURIComponent(slug)}`;
  keepWhenTakenOver(['/api/v1/auth/me', api1, `${api1}/keys`]);
  // Keep what is on the page (and what was typed) in view; sign in again above it.
  const sessionEnded = () => {
    if (who.isConnected) who.replaceWith(renderSignInAgain(body, who, session));
  };
  // A console loaded offline has the session the service worker kept, without its CSRF token
  // (sw.ts): fetch a fresh one before the first post; another user's or no session is the end.
  const renew = async (): Promise<void> => {
    if (session.csrfToken) return;
    const fresh = await currentSession();
    if (!fresh || fresh.user.name !== u.name) {
      sessionEnded();
      throw new ApiFailure(401, 'unauthorized', m.sessionEnded, undefined);
    }
    // No token: the service worker answered from its cache, so the network is not back yet (its
    // offline state can lag the page's 'online'). Treated as no answer: the entry waits.
    if (!fresh.csrfToken)
      throw new TypeError('no network: the session came from the offline cache');
    Object.assign(session, fresh);
  };
  const api: ConsoleApi = {
    get: getJson,
    post: async (path, json) => (await renew(), postJson(session, path, json)),
    postEntry: async (bytes) => (await renew(), postEntry(session, slug, bytes)),
  };
  const outbox: Sender = { mission: slug, user: u.name, post: api.postEntry, ended: sessionEnded };
  const panel = outboxPanel(outbox);
  const renewOnline = () => void renew().catch(() => {});
  window.addEventListener('online', renewOnline);
  stopOutbox = () => {
    panel.stop();
    window.removeEventListener('online', renewOnline);
  };
  place.before(panel.el);
  const sign = async (e: EnvelopeBody): Promise<SignedEntry> => {
    const key = keys.active();
    if (!key) throw new Error(m.needKey);
    const { envelope, bytes } = await signEnvelope(
      {
        mission: slug,
        kind: e.kind,
        body: e.body,
        ...(e.id ? { id: e.id } : {}),
      },
      signerOf(key),
    );
    return { id: envelope.id, bytes };
  };

  const mine = sectionsFor(u.role);
  const links = mine.map((s) =>
    h('a', { href: href(`/console/${s.id}`), 'data-section': s.id }, s.label(m)),
  );
  nav.replaceChildren(
    ...(links.length
      ? [
          h(
            'ul',
            null,
            links.map((a) => h('li', null, a)),
          ),
        ]
      : []),
  );
  nav.hidden = links.length === 0;

  const show = async (path: string): Promise<void> => {
    leaveSection();
    const leaving: (() => void)[] = [];
    leave = () => leaving.splice(0).forEach((fn) => fn());
    const { section, id, allowed } = sectionOfPath(path, u.role);
    for (const a of links) {
      if (a.dataset.section === section?.id && allowed) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    document.body.dataset.section = allowed && section ? section.id : '';
    if (!section || !allowed) {
      place.replaceChildren(
        h(
          'p',
          { class: 'console-error', role: 'alert', id: 'section-refused' },
          !id
            ? m.noSections(u.role)
            : section
              ? m.sectionNotForRole(id, u.role)
              : m.noSuchSection(id),
        ),
      );
      return;
    }
    document.title = `${section.label(m)} · ${m.title} · Truceline`;
    const ctx: ConsoleContext = {
      session,
      mission,
      activeKey: () => keys.active(),
      sign,
      api,
      sessionEnded,
      onLeave: (fn) => leaving.push(fn),
      go: (next) => {
        history.pushState(null, '', href(`/console/${next}`));
        void show(`/console/${next}`);
      },
    };
    try {
      const el = await section.render(ctx);
      if (leave === null || !place.isConnected) return;
      place.replaceChildren(el);
    } catch (err) {
      place.replaceChildren(
        h('p', { class: 'console-error', role: 'alert' }, m.networkFailed(why(err))),
      );
    }
  };
  // The nav moves between sections without a reload (the keys and the session stay as they are);
  // the portal's router leaves /console links to the page (router.ts isPagePath), and a reload or
  // the back button renders the URL's section from the start.
  nav.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
      return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a) return;
    e.preventDefault();
    const url = new URL(a.href);
    if (url.pathname === location.pathname) return;
    history.pushState(null, '', url);
    void show(url.pathname);
  });
  await show(location.pathname);
}

/** Ends the signed-in user's outbox panel (its sending and listeners); a no-op when none. */
let stopOutbox: () => void = () => {};

/** The current section's leave hooks; null when none is shown. */
let leave: (() => void) | null = null;
function leaveSection(): void {
  const fn = leave;
  leave = null;
  fn?.();
}
