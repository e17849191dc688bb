// /console (issue 11): where the mission's people sign in and file records signed on their own
// device. This first slice: sign-in over the cookie session, the signing key (made here or
// imported from a key file, kept non-extractable in IndexedDB) with its registration in the log,
// and the report/allegation filing form. The server never sees a private key.
import './console.css';
import { h } from '../dom.js';
import { lang } from '../i18n/index.js';
import { renderFilingForm, type MissionInfo } from './filing-form.js';
import { renderKeysPanel } from './keys-panel.js';
import { cm } from './messages.js';
import { ApiFailure, currentSession, getJson, login, logout, type Session } from './session.js';

/** Roles that file reports (src/core/workflow/kinds/report.ts `authors`). */
const FILERS = new Set(['party', 'monitor', 'analyst']);

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

export async function renderConsole(root: HTMLElement): Promise<void> {
  const m = cm();
  document.title = `${m.title} · Truceline`;
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
    return;
  }
  if (session) await showSignedIn(body, session);
  else showSignIn(body);
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
      .then((s) => {
        password.value = '';
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
  const out = h('button', { type: 'button', class: 'console-button' }, m.signOut);
  const whoError = h('p', { class: 'console-error', role: 'alert' });
  out.addEventListener('click', () => {
    out.disabled = true;
    // Signing out ends the session; the keys stay in IndexedDB (issue 11 item 9).
    void logout(session)
      .then(() => showSignIn(body))
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
  let form: HTMLElement = h('div');
  const keys = renderKeysPanel(session, slug, () => {});
  body.replaceChildren(who, keys.el, form);
  document.body.dataset.console = 'signed-in';
  if (!FILERS.has(u.role)) return;
  try {
    const doc = (await getJson(`/api/v1/missions/${encodeURIComponent(slug)}`)) as MissionInfo;
    const next = renderFilingForm(
      session,
      { ...doc, slug },
      () => keys.active(),
      // Keep the form (and what was typed) in view; sign in again above it.
      () => who.replaceWith(renderSignInAgain(body, who, session)),
    );
    form.replaceWith(next);
    form = next;
  } catch (err) {
    form.replaceWith(h('p', { class: 'console-error', role: 'alert' }, m.networkFailed(why(err))));
  }
}
