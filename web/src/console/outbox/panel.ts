// The outbox panel (issue 11 item 8), in the console's shell above every section: a line saying
// the browser is offline, then each entry the signed-in user signed here without the network — what
// it is, when it was signed, and its state (waiting, sending, sent with its log index, refused with
// the rule) — redrawn on every change. Hidden while online with nothing in it. It also sends:
// now (the console's start), on every `online` event, and again while something waits: after 2 s,
// then doubling to every 30 s (a network coming back often drops the first requests, and the
// browser may think it is online while the server is out of reach).
import './outbox.css';
import { h } from '../../dom.js';
import { ruleText } from '../field-errors.js';
import { cm } from '../messages.js';
import { om } from './messages.js';
import {
  clearDone,
  entriesOf,
  flush,
  isOffline,
  onOutboxChange,
  type OutboxEntry,
  type Sender,
} from './outbox.js';

const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 30_000;

function stateText(e: OutboxEntry): string {
  const m = om();
  if (e.state === 'sent') return e.already ? m.already : m.sent(String(e.index ?? '?'));
  // The server's words are English: isolated (FSI…PDI), so an Urdu or Pashto line keeps its order.
  const theirs = (text: string) => `\u2068${text}\u2069`;
  if (e.state === 'refused')
    return e.rule
      ? cm().refusedRule(e.rule, theirs(ruleText(e.rule, e.reason ?? '')))
      : m.refused(theirs(e.reason ?? ''));
  return e.state === 'sending' ? m.sending : m.waiting;
}

function row(e: OutboxEntry): HTMLElement {
  const when = `${e.created.slice(0, 16).replace('T', ' ')} UTC`;
  return h(
    'li',
    {
      'data-id': e.id,
      'data-state': e.state,
      'data-kind': e.kind,
      ...(e.index !== undefined ? { 'data-index': String(e.index) } : {}),
      ...(e.rule ? { 'data-rule': e.rule } : {}),
      class: `outbox-entry outbox-entry--${e.state}`,
    },
    h('p', { class: 'outbox-label' }, h('bdi', null, e.label)),
    h('p', { class: `outbox-state${e.state === 'refused' ? ' console-error' : ''}` }, stateText(e)),
    h('p', { class: 'console-muted' }, om().signedAt, ' ', h('bdi', { dir: 'ltr' }, when)),
    h('p', { class: 'console-muted outbox-id' }, h('bdi', { dir: 'ltr' }, e.id)),
  );
}

/** The panel for the signed-in user's outbox; `stop` ends its sending (sign-out). */
export function outboxPanel(sender: Sender): { el: HTMLElement; stop: () => void } {
  const m = om();
  const list = h('ul', { class: 'outbox-list' });
  const offline = h('p', { class: 'outbox-offline', id: 'outbox-offline' }, m.offline);
  const clear = h('button', { type: 'button', class: 'console-button' }, m.clearDone);
  const actions = h('div', { class: 'console-actions' }, clear);
  const panel = h(
    'section',
    {
      class: 'console-card outbox',
      id: 'outbox',
      'aria-labelledby': 'outbox-heading',
      hidden: '',
    },
    h('h2', { id: 'outbox-heading' }, m.heading),
    offline,
    h('p', { class: 'console-muted', id: 'outbox-intro' }, m.intro),
    // Announced when an entry is queued or its state changes (the list itself is not live).
    h('div', { role: 'status', class: 'outbox-live' }, list),
    actions,
  );
  let drawing = Promise.resolve();
  let waiting = 0;
  const redraw = () => {
    drawing = drawing
      .then(async () => {
        const entries = await entriesOf(sender.mission, sender.user);
        list.replaceChildren(...entries.map(row));
        waiting = entries.filter((e) => e.state === 'waiting' || e.state === 'sending').length;
        const off = isOffline();
        offline.hidden = !off;
        list.hidden = entries.length === 0;
        actions.hidden = entries.length === waiting;
        panel.hidden = entries.length === 0 && !off;
        panel.dataset.waiting = String(waiting);
        document.body.dataset.outbox = off ? 'offline' : waiting ? 'waiting' : 'idle';
      })
      .catch((err: unknown) => console.warn('outbox: cannot read', err));
  };
  let retry: ReturnType<typeof setTimeout> | undefined;
  let delay = FIRST_RETRY_MS;
  let stopped = false;
  const send = (): void => {
    clearTimeout(retry);
    redraw();
    if (isOffline() || stopped) return;
    void flush(sender)
      .then(() => drawing)
      .then(() => {
        if (stopped || !waiting || isOffline()) {
          delay = FIRST_RETRY_MS;
          return;
        }
        retry = setTimeout(send, delay);
        delay = Math.min(delay * 2, MAX_RETRY_MS);
      });
  };
  const online = () => {
    delay = FIRST_RETRY_MS;
    send();
  };
  clear.addEventListener('click', () => void clearDone(sender.mission, sender.user));
  const unsubscribe = onOutboxChange(redraw);
  window.addEventListener('online', online);
  window.addEventListener('offline', redraw);
  send();
  return {
    el: panel,
    stop: () => {
      stopped = true;
      unsubscribe();
      clearTimeout(retry);
      window.removeEventListener('online', online);
      window.removeEventListener('offline', redraw);
    },
  };
}
