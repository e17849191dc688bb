// The inbox's "Confidential filings" (issue 11 item 3): my side's confidential records with their
// state (committed: only the commitment is public; revealed: the reveal's log index) and a
// "Reveal" button on each committed one (reveal.ts). The list is read from the API as this user may
// read it: the public commitments naming my side, each record's private half read back under the
// session (only my side's are answered). A refusal is shown beside its row with its rule.
import { h } from '../../dom.js';
import { consoleTable } from '../table.js';
import type { ConsoleContext } from '../sections.js';
import { ApiFailure } from '../session.js';
import { commitmentsOf, type CommitmentRow } from './api.js';
import { cfm, type ConfidentialMessages } from './messages.js';
import { revealCommitment } from './reveal.js';
import { ruleText } from '../field-errors.js';
import { cm } from '../messages.js';
import './confidential.css';

const why = (err: unknown) => (err instanceof Error ? err.message : String(err));

interface Row {
  c: CommitmentRow;
  /** The record as its entry says it (undefined: not readable now). */
  record?: { id: string; kind: string; title: string; accused?: string };
}

function recordOf(entry: string): Row['record'] {
  try {
    const e = JSON.parse(entry) as {
      id?: string;
      kind?: string;
      body?: { title?: string; statement?: string; accused?: string };
    };
    return {
      id: String(e.id),
      kind: String(e.kind),
      title: e.body?.title ?? e.body?.statement?.slice(0, 80) ?? '',
      ...(e.body?.accused ? { accused: e.body.accused } : {}),
    };
  } catch {
    return undefined;
  }
}

function kindText(c: ConfidentialMessages, r: NonNullable<Row['record']>): string {
  if (r.kind === 'response') return c.kindResponse;
  return r.accused ? c.kindAllegation : c.kindReport;
}

export function renderConfidentialList(ctx: ConsoleContext): {
  el: HTMLElement;
  refresh(): Promise<void>;
} {
  const c = cfm();
  const m = cm();
  const slug = ctx.mission.slug;
  const box = h('div', { id: 'inbox-confidential' });
  const said = h('div', { role: 'status', id: 'conf-said' });
  const el = h(
    'div',
    { class: 'console-confidential-list' },
    h('h3', { id: 'conf-heading' }, c.heading),
    h('p', { class: 'console-muted' }, c.intro),
    box,
    said,
  );

  async function load(): Promise<Row[]> {
    // One request: the server lists my side's filings with their entries.
    return (await commitmentsOf(slug)).map((row) => {
      const record = recordOf(row.entry);
      return record ? { c: row, record } : { c: row };
    });
  }

  function reveal(row: Row, button: HTMLButtonElement): void {
    button.disabled = true;
    button.textContent = c.revealing;
    said.replaceChildren();
    delete said.dataset.revealed;
    void (async () => {
      try {
        const a = await revealCommitment(slug, row.c.id, ctx.sign, ctx.api.postEntry);
        said.dataset.revealed = row.c.id;
        said.dataset.index = String(a.index);
        said.replaceChildren(h('p', { class: 'console-ok' }, c.revealed(String(a.index))));
        await refresh();
      } catch (err) {
        if (err instanceof ApiFailure && err.status === 401) ctx.sessionEnded();
        const rule = err instanceof ApiFailure ? err.details?.rule : undefined;
        const refusal = h(
          'p',
          {
            class: 'console-error',
            role: 'alert',
            'data-for': row.c.id,
            'data-rule': String(rule ?? ''),
          },
          row.record ? `“${row.record.title}”: ` : '',
          typeof rule === 'string'
            ? m.refusedRule(rule, ruleText(rule, why(err)))
            : err instanceof ApiFailure
              ? m.refused(String(err.status), err.message)
              : m.networkFailed(why(err)),
        );
        button.disabled = false;
        button.textContent = c.reveal;
        // Said below the table, naming the record: in the row's narrow cell the long ids it quotes
        // widened the table past a phone's screen. A refusal may mean the list is stale (revealed
        // from another device: reveal_once), so it is read again.
        said.replaceChildren(refusal);
        if (err instanceof ApiFailure && typeof rule === 'string') await refresh().catch(() => {});
      }
    })();
  }

  function draw(rows: Row[]): void {
    if (!rows.length) {
      box.replaceChildren(h('p', { id: 'conf-none' }, c.none));
      return;
    }
    box.replaceChildren(
      consoleTable(
        [c.colRecord, c.colCommitted, c.colState],
        rows.map((row) => {
          const revealed = row.c.revealedIndex !== null;
          let action: HTMLElement | null = null;
          if (!revealed && row.record) {
            const b = h(
              'button',
              {
                type: 'button',
                class: 'console-button',
                'data-reveal': row.c.id,
                'aria-label': c.revealLabel(row.record.title),
              },
              c.reveal,
            );
            b.addEventListener('click', () => reveal(row, b));
            action = b;
          }
          return h(
            'tr',
            {
              'data-commitment': row.c.id,
              'data-state': revealed ? 'revealed' : 'committed',
              ...(row.record ? { 'data-record': row.record.id } : {}),
            },
            h(
              'td',
              null,
              row.record
                ? [
                    h('span', null, row.record.title),
                    ' ',
                    h('span', { class: 'console-muted' }, `(${kindText(c, row.record)})`),
                  ]
                : h('span', { class: 'console-muted' }, c.unreadable),
            ),
            h('td', null, c.committedAt(String(row.c.index))),
            // The button under the state, not in a fourth column: at phone width a fourth
            // column scrolled out of view inside the table's wrap.
            h(
              'td',
              null,
              h(
                'p',
                { class: 'conf-state' },
                revealed ? c.stateRevealed(String(row.c.revealedIndex)) : c.stateCommitted,
              ),
              action,
            ),
          );
        }),
      ),
    );
  }

  async function refresh(): Promise<void> {
    draw(await load());
  }
  return { el, refresh };
}
