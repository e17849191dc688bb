// The "Key requests" section (issue 11 item 2). A key steward sees their organisation's requests
// and consents to a pending one by signing, with their own active key, the `key` entry the request
// carries (user, org, role, vkey, proof); the log's key rules decide (src/core/keys/registry.ts),
// and a refusal names its rule. Anyone else sees their own requests and where they stand.
import { h } from '../../dom.js';
import { consoleTable } from '../table.js';
import { cm } from '../messages.js';
import type { ConsoleContext, ConsoleSection } from '../sections.js';
import { ApiFailure } from '../session.js';
import { consentBody, listKeyRequests, type KeyRequest } from './requests.js';

const why = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function render(ctx: ConsoleContext): Promise<HTMLElement> {
  const m = cm();
  const me = ctx.session.user;
  const box = h('div', { class: 'console-requests' });
  const status = h('div', { role: 'status', id: 'requests-status' });
  const el = h(
    'section',
    { class: 'console-card', 'aria-labelledby': 'requests-heading' },
    h('h2', { id: 'requests-heading', tabindex: '-1' }, m.requestsHeading),
    box,
    status,
  );

  const stateText = (r: KeyRequest) =>
    r.state === 'pending'
      ? m.statePending
      : r.state === 'registered'
        ? m.stateRegistered
        : m.stateRevoked;

  function consentButton(r: KeyRequest): HTMLElement {
    const b = h(
      'button',
      { type: 'button', class: 'console-button', 'data-consent': r.author },
      m.consent,
    );
    b.addEventListener('click', () => {
      b.disabled = true;
      b.textContent = m.consenting;
      status.replaceChildren();
      void (async () => {
        try {
          if (!ctx.activeKey()) throw new Error(m.consentNeedsKey);
          const { bytes } = await ctx.sign({ kind: 'key', body: consentBody(r) });
          const answer = (await ctx.api.postEntry(bytes)) as { index?: number };
          status.replaceChildren(
            h('p', { class: 'console-ok' }, m.consented(String(answer.index))),
          );
          await draw();
        } catch (err) {
          if (err instanceof ApiFailure && err.status === 401) ctx.sessionEnded();
          const rule = err instanceof ApiFailure ? err.details?.rule : undefined;
          status.replaceChildren(
            h(
              'p',
              { class: 'console-error', role: 'alert', 'data-rule': String(rule ?? '') },
              typeof rule === 'string'
                ? m.refusedRule(rule, why(err))
                : err instanceof ApiFailure
                  ? m.refused(String(err.status), err.message)
                  : why(err),
            ),
          );
          b.disabled = false;
          b.textContent = m.consent;
        }
      })();
    });
    return b;
  }

  async function draw(): Promise<void> {
    const list = await listKeyRequests(ctx.api, ctx.mission.slug);
    box.dataset.steward = String(list.steward);
    const rows = list.items.map((r) =>
      h(
        'tr',
        { 'data-request': r.author, 'data-state': r.state },
        h('td', null, r.user),
        h('td', null, r.role),
        h('td', null, h('code', { dir: 'ltr' }, r.author)),
        h(
          'td',
          null,
          h('time', { datetime: r.createdAt }, r.createdAt.slice(0, 16).replace('T', ' ')),
        ),
        h('td', null, stateText(r)),
        h(
          'td',
          null,
          list.steward && r.state === 'pending' && r.user !== me.name ? consentButton(r) : null,
        ),
      ),
    );
    box.replaceChildren(
      h(
        'p',
        { class: 'console-muted' },
        list.steward ? m.requestsStewardIntro(me.org) : m.requestsOwnIntro(me.org),
      ),
      rows.length
        ? consoleTable(
            [m.requestUser, m.requestRole, m.requestAuthor, m.requestAsked, m.requestState, ''],
            rows,
          )
        : h('p', { id: 'no-requests' }, m.noRequests),
    );
  }
  try {
    await draw();
  } catch (err) {
    if (err instanceof ApiFailure && err.status === 401) ctx.sessionEnded();
    box.replaceChildren(
      h('p', { class: 'console-error', role: 'alert' }, m.requestsUnknown(why(err))),
    );
  }
  return el;
}

export const keyRequestsSection: ConsoleSection = {
  id: 'key-requests',
  label: (m) => m.navKeyRequests,
  // Every user has requests of their own; a steward (a key attribute, not a role) also consents.
  roles: ['party', 'monitor', 'analyst', 'mediator', 'admin'],
  render,
};
