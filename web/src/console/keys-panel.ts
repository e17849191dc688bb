// The key section of the console (issue 11 item 1): the active key, its author id and whether the
// log has registered it; "Create a key in this browser" and "Use a key file". Every text from a
// file or the server is set with textContent (web/src/dom.ts h()).
import { h } from '../dom.js';
import { cm } from './messages.js';
import {
  activeAuthor,
  createBrowserKey,
  deleteKey,
  importKeyFile,
  listKeys,
  setActiveAuthor,
  type StoredKey,
} from './keystore.js';
import { parseKeyItems, registrationOf, type Registration } from './registration.js';
import { listKeyRequests, requestKey, stepOf, type KeyRequest } from './keys/requests.js';
import { getJson, postJson, type Session } from './session.js';

/** How often the panel asks again while a request waits for the steward (ms). */
const RECHECK_MS = 10_000;

export interface KeysPanel {
  el: HTMLElement;
  /** The active key, when there is one (read at signing time). */
  active(): StoredKey | null;
}

const formatDay = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
};

export function renderKeysPanel(session: Session, slug: string, onChange: () => void): KeysPanel {
  const m = cm();
  const owner = session.user.name;
  let keys: StoredKey[] = [];
  let current: StoredKey | null = null;

  const status = h('div', { class: 'console-key__status', 'aria-live': 'polite' });
  const error = h('p', { class: 'console-error', role: 'alert', id: 'key-error' });
  const activeBox = h('div', { class: 'console-key', 'data-key': 'none' });
  const others = h('div', { class: 'console-key__others' });

  const createBtn = h('button', { type: 'button', class: 'console-button' }, m.createKey);
  const fileInput = h('input', {
    type: 'file',
    id: 'key-file',
    accept: '.key,text/plain',
    'aria-describedby': 'key-file-help key-error',
  });
  const fileLabel = h(
    'label',
    { for: 'key-file', class: 'console-button console-button--file' },
    m.useKeyFile,
  );

  const showError = (err: unknown) => {
    error.textContent = m.keyFailed(err instanceof Error ? err.message : String(err));
  };

  const api = {
    get: getJson,
    post: (path: string, body: unknown) => postJson(session, path, body),
  };
  let recheck: ReturnType<typeof setTimeout> | undefined;

  /**
   * The key rules' steps for a key the log has not registered (issue 11 item 2): made here,
   * requested (with its proof of possession), consented by the steward and registered by the log.
   */
  async function steps(key: StoredKey, registered: boolean): Promise<HTMLElement> {
    let request: KeyRequest | undefined;
    let listError = '';
    try {
      request = (await listKeyRequests(api, slug)).items.find(
        (r) => r.author === key.author && r.user === owner,
      );
    } catch (err) {
      listError = m.requestsUnknown(err instanceof Error ? err.message : String(err));
    }
    const step = stepOf(registered, request);
    const done = (s: number) =>
      ['created', 'requested', 'registered'].indexOf(step) >= s ? 'done' : 'todo';
    const ask = h(
      'button',
      { type: 'button', class: 'console-button', id: 'key-request' },
      m.requestKey,
    );
    ask.addEventListener('click', () => {
      ask.disabled = true;
      error.textContent = '';
      void requestKey(api, slug, owner, key)
        .then(draw)
        .catch((err: unknown) => {
          showError(err);
          ask.disabled = false;
        });
    });
    const again = h('button', { type: 'button', class: 'console-link' }, m.checkAgain);
    again.addEventListener('click', () => void draw().catch(showError));
    return h(
      'ol',
      { class: 'console-steps', 'data-step': step, 'aria-label': m.keyStepsLabel },
      h('li', { 'data-state': done(0) }, m.stepCreated(m.keySource(key.source))),
      h(
        'li',
        { 'data-state': done(1) },
        request ? m.stepRequested(formatDay(request.createdAt)) : m.stepRequest,
        step === 'created' ? h('div', { class: 'console-actions' }, ask) : null,
      ),
      h(
        'li',
        { 'data-state': done(2) },
        step === 'registered' ? m.stepRegistered : m.stepConsent(session.user.org),
        step === 'requested' ? h('div', null, again) : null,
      ),
      listError ? h('li', { class: 'console-error' }, listError) : null,
    );
  }

  async function registrationText(key: StoredKey): Promise<{ text: string; state: string }> {
    let reg: Registration;
    try {
      const body = await getJson(`/api/v1/missions/${encodeURIComponent(slug)}/keys`);
      reg = registrationOf(parseKeyItems(body), key.vkey, key.author);
    } catch (err) {
      return {
        text: m.registrationUnknown(err instanceof Error ? err.message : String(err)),
        state: 'unknown',
      };
    }
    if (reg.state === 'registered') {
      return reg.user === owner
        ? { text: m.registered(String(reg.index)), state: 'registered' }
        : { text: m.registeredOther(reg.user), state: 'other-user' };
    }
    if (reg.state === 'revoked') return { text: m.revoked(String(reg.index)), state: 'revoked' };
    return { text: m.notRegistered, state: 'unregistered' };
  }

  async function draw(): Promise<void> {
    keys = await listKeys(owner);
    const wanted = activeAuthor(owner);
    current = keys.find((k) => k.author === wanted) ?? keys[keys.length - 1] ?? null;
    onChange();
    if (!current) {
      activeBox.dataset.key = 'none';
      activeBox.replaceChildren(h('p', null, m.noKey));
      others.replaceChildren();
      return;
    }
    const key = current;
    activeBox.dataset.key = 'checking';
    status.textContent = m.checkingRegistration;
    activeBox.replaceChildren(
      h(
        'dl',
        { class: 'console-dl' },
        h('dt', null, m.activeKey),
        h('dd', null, m.keySource(key.source)),
        h('dt', null, m.authorId),
        h('dd', null, h('code', { class: 'console-author', dir: 'ltr' }, key.author)),
        // The public key to hand to the organisation's key steward until the console carries the
        // request itself (issue 11 item 2): public, so showing it gives nothing away.
        h('dt', null, m.publicKey),
        h('dd', null, h('code', { class: 'console-vkey', dir: 'ltr' }, key.vkey)),
      ),
      status,
    );
    const list = keys.filter((k) => k !== key);
    others.replaceChildren(
      ...(list.length
        ? [
            h('h3', null, m.otherKeys),
            h(
              'ul',
              null,
              list.map((k) => {
                const use = h('button', { type: 'button', class: 'console-link' }, m.useThisKey);
                use.addEventListener('click', () => {
                  setActiveAuthor(owner, k.author);
                  void draw().catch(showError);
                });
                const forget = h('button', { type: 'button', class: 'console-link' }, m.forgetKey);
                forget.addEventListener('click', () => {
                  void deleteKey(k.author).then(draw).catch(showError);
                });
                return h('li', null, h('code', { dir: 'ltr' }, k.author), ' ', use, ' ', forget);
              }),
            ),
          ]
        : []),
    );
    const reg = await registrationText(key);
    if (current !== key) return; // another key was chosen meanwhile
    status.textContent = reg.text;
    activeBox.dataset.key = reg.state;
    clearTimeout(recheck);
    if (reg.state === 'unregistered') {
      const list = await steps(key, false);
      if (current !== key) return;
      activeBox.append(list);
      // Waiting for the steward: look again now and then while the console is open.
      if (list.dataset.step === 'requested')
        recheck = setTimeout(() => {
          if (activeBox.isConnected && current === key) void draw().catch(showError);
        }, RECHECK_MS);
    }
  }

  createBtn.addEventListener('click', () => {
    error.textContent = '';
    createBtn.disabled = true;
    void createBrowserKey(owner, `${owner}.${slug}`)
      .then((k) => {
        setActiveAuthor(owner, k.author);
        return draw();
      })
      .catch(showError)
      .finally(() => (createBtn.disabled = false));
  });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    error.textContent = '';
    void file
      .text()
      .then((text) => importKeyFile(owner, text))
      .then((k) => {
        setActiveAuthor(owner, k.author);
        return draw();
      })
      .catch(showError)
      .finally(() => (fileInput.value = ''));
  });

  const el = h(
    'section',
    { class: 'console-card', 'aria-labelledby': 'keys-heading' },
    h('h2', { id: 'keys-heading' }, m.keysHeading),
    h('p', { class: 'console-muted' }, m.keysIntro),
    activeBox,
    h('div', { class: 'console-actions' }, createBtn, fileLabel, fileInput),
    h('p', { class: 'console-muted', id: 'key-file-help' }, m.keyFileHelp),
    error,
    others,
  );
  void draw().catch(showError);
  return { el, active: () => current };
}
