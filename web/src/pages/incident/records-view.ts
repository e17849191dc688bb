// One record of the incident page as a list item: what it says (by kind: allegation or report,
// response with its deadline, task and access denied, finding with verdict, attribution, terms and
// Admiralty grade, endorsement, release, correction), who signed it and when, where it is in the
// log, and its signature status (filled in by the verification). Every string from the API goes in
// as a text node (web/src/dom.ts h()), never as HTML.
import { h } from '../../dom.js';
import { fmtDate, fmtNumber, messages, valueWord, type Messages } from '../../verify/messages.js';
import type { IncidentDetail, IncidentRecord } from './incident-api.js';

export interface Names {
  org: (code: string | undefined) => string;
  term: (id: string) => string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

function fact(label: string, value: string | Node | undefined | null): Node[] {
  if (value === undefined || value === null || value === '') return [];
  return [h('dt', null, label), h('dd', null, value)];
}

function paragraph(text: string | undefined, cls = 'ip-rec__text'): Node | null {
  return text ? h('p', { class: cls, dir: 'auto' }, text) : null;
}

/** The record's kind as the reader knows it (a report with an accused party is an allegation). */
export function kindWord(r: IncidentRecord, m: Messages = messages()): string {
  if (r.kind === 'report' && typeof r.body.accused === 'string') return m.kinds.allegation!;
  return m.kinds[r.kind] ?? r.kind;
}

function content(r: IncidentRecord, d: IncidentDetail, names: Names, m: Messages): (Node | null)[] {
  const b = r.body;
  const terms = strs(b.terms ?? b.termsViolated)
    .map(names.term)
    .join(', ');
  switch (r.kind) {
    case 'report': {
      const a = d.allegations.find((x) => x.id === r.id);
      return [
        h('p', { class: 'ip-rec__title', dir: 'auto' }, str(b.title) ?? ''),
        paragraph(str(b.description)),
        h(
          'dl',
          { class: 'ip-facts ip-facts--inline' },
          ...fact(m.parties, str(b.accused) ? names.org(str(b.accused)) : undefined),
          ...fact(m.terms, terms),
          ...fact(
            m.fatalities,
            typeof (b.fatalities as { count?: unknown } | undefined)?.count === 'number'
              ? fmtNumber((b.fatalities as { count: number }).count)
              : undefined,
          ),
          ...(a
            ? [
                ...fact(m.deadline, m.deadlineStatus[a.deadline] ?? a.deadline),
                ...fact(m.responseDue, a.responseDue ? fmtDate(a.responseDue) : undefined),
              ]
            : []),
        ),
      ];
    }
    case 'incident':
      return [
        h('p', { class: 'ip-rec__title', dir: 'auto' }, str(b.title) ?? valueWord(str(b.action))),
        paragraph(str(b.summary) ?? str(b.note)),
        ...(str(b.status)
          ? [
              h(
                'dl',
                { class: 'ip-facts ip-facts--inline' },
                ...fact(m.status, valueWord(str(b.status))),
              ),
            ]
          : []),
      ];
    case 'response': {
      const a = d.allegations.find((x) => x.id === str(b.allegation));
      return [
        h('p', { class: 'ip-rec__title', dir: 'auto' }, valueWord(str(b.stance))),
        paragraph(str(b.statement)),
        ...(a
          ? [
              h(
                'dl',
                { class: 'ip-facts ip-facts--inline' },
                ...fact(m.deadline, m.deadlineStatus[a.deadline] ?? a.deadline),
              ),
            ]
          : []),
      ];
    }
    case 'task':
      return [
        h(
          'p',
          { class: 'ip-rec__title' },
          [valueWord(str(b.kind)), valueWord(str(b.action))].filter((x) => x !== '—').join(' · '),
        ),
        paragraph(str(b.instructions) ?? str(b.notes)),
        h(
          'dl',
          { class: 'ip-facts ip-facts--inline' },
          ...fact(m.outcome, str(b.outcome) ? valueWord(str(b.outcome)) : undefined),
          ...fact(m.deniedBy, str(b.deniedBy) ? names.org(str(b.deniedBy)) : undefined),
        ),
      ];
    case 'finding':
      return [
        h('p', { class: 'ip-rec__title', dir: 'auto' }, valueWord(str(b.verdict))),
        h(
          'dl',
          { class: 'ip-facts ip-facts--inline' },
          ...fact(m.verdict, valueWord(str(b.verdict))),
          ...fact(
            m.attribution,
            str(b.attribution) === 'undetermined'
              ? valueWord('undetermined')
              : names.org(str(b.attribution)),
          ),
          ...fact(m.terms, terms),
          ...fact(m.grade, str(b.grade)),
        ),
        paragraph(str(b.rationale)),
      ];
    case 'endorsement':
      return [
        h('p', { class: 'ip-rec__title', dir: 'auto' }, `${m.endorsedBy}: ${names.org(r.org)}`),
        paragraph(str(b.statement)),
      ];
    case 'release':
      return [
        h('p', { class: 'ip-rec__title', dir: 'auto' }, m.kinds.release!),
        paragraph(str(b.note)),
      ];
    case 'correction': {
      const sup = b.supersedes as { index?: unknown } | undefined;
      return [
        h(
          'p',
          { class: 'ip-rec__title' },
          typeof sup?.index === 'number' ? m.supersedes(fmtNumber(sup.index)) : m.kinds.correction!,
        ),
        paragraph(str(b.reason)),
      ];
    }
    default:
      return [];
  }
}

export interface RecordView {
  el: HTMLLIElement;
  /** Shows the signature status and offers the proofs once verified. */
  setStatus(
    status: 'verified' | 'failed',
    text: string,
    proofs?: { index: number; text: string }[],
  ): void;
}

export function renderRecord(
  r: IncidentRecord,
  d: IncidentDetail,
  names: Names,
  m: Messages = messages(),
): RecordView {
  const sigText = h('span', { class: 'ip-sig__text' }, m.sigPending);
  const sig = h('dd', { class: 'ip-sig', 'data-sig': 'pending' }, sigText);
  const downloads = h('p', { class: 'ip-rec__downloads' });
  const el = h(
    'li',
    {
      class: 'ip-rec',
      'data-record': r.id,
      'data-index': String(r.index),
      'data-kind': r.kind,
    },
    h(
      'header',
      { class: 'ip-rec__head' },
      h('span', { class: `ip-rec__kind ip-rec__kind--${r.kind}` }, kindWord(r, m)),
      h('span', { class: 'ip-rec__index' }, `#${fmtNumber(r.index)}`),
      r.supersededBy ? h('span', { class: 'ip-badge' }, m.supersededBy) : null,
      r.confidential ? h('span', { class: 'ip-badge' }, m.confidential) : null,
    ),
    ...content(r, d, names, m),
    h(
      'dl',
      { class: 'ip-rec__meta' },
      ...fact(m.author, h('bdi', null, r.author)),
      ...fact(m.organisation, names.org(r.org)),
      ...fact(m.claimedTime, fmtDate(r.at)),
      ...fact(m.logTime, r.loggedAt ? fmtDate(r.loggedAt) : m.notYetLogged),
      ...fact(m.logIndex, fmtNumber(r.index)),
      h('dt', null, m.signature),
      sig,
    ),
    downloads,
  );
  return {
    el,
    setStatus(status, text, proofs = []) {
      sig.dataset.sig = status;
      sigText.textContent = text;
      downloads.replaceChildren(
        ...proofs.map((p) => {
          const a = h(
            'a',
            {
              class: 'ip-download',
              download: `${r.id}-${p.index}.tlog-proof`,
              href: URL.createObjectURL(new Blob([p.text], { type: 'text/plain' })),
              'data-proof-index': String(p.index),
            },
            `${m.downloadProof} · #${fmtNumber(p.index)}`,
          );
          return a;
        }),
      );
    },
  };
}
