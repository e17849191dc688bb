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
import { getJson, type Session } from './session.js';

export interface KeysPanel {
  el: HTMLElement;
  /** The active key, when there is one (read at signing time). */
  active(): StoredKey | null;
}

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
