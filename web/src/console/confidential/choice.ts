// The filing form's (and the inbox's response form's) "File confidentially" choice (issue 11 item 3) and what "Sign and submit" does
// when it is ticked: the record and its commitment signed here (pair.ts), POSTed together to
// …/confidential (api.ts), and the answer shown (the commitment's log index, record and commitment
// ids). No outbox: the server keeps the record privately, so a confidential filing needs the
// network; the form says so instead of queueing it. Errors are the form's to show (ApiFailure:
// a 400's field issues, a refusal's rule), as for a public filing.
import { h } from '../../dom.js';
import type { StoredKey } from '../keystore.js';
import { signerOf } from '../keystore.js';
import type { Session } from '../session.js';
import { postConfidential, type Filed } from './api.js';
import { cfm } from './messages.js';
import { signPair } from './pair.js';

export interface ConfidentialChoice {
  el: HTMLElement;
  checked(): boolean;
  /** The sentence said instead of queueing when there is no network. */
  needsNetwork: string;
  /** Signs the pair, files it, and fills `result` with the answer. */
  file(
    session: Session,
    slug: string,
    body: Record<string, unknown>,
    key: StoredKey,
    result: HTMLElement,
    kind?: 'report' | 'response',
  ): Promise<Filed>;
}

/** `prefix` names the form's ids (f: the filing form, r: the inbox's response form). */
export function confidentialChoice(prefix = 'f'): ConfidentialChoice {
  const c = cfm();
  const box = h('input', {
    type: 'checkbox',
    id: `${prefix}-confidential`,
    name: 'confidential',
    'aria-describedby': `${prefix}-confidential-hint`,
  });
  const el = h(
    'div',
    { class: 'console-field console-confidential', 'data-field': 'confidential' },
    h('label', { class: 'console-check', for: box.id }, box, ` ${c.choice}`),
    h('p', { class: 'console-muted', id: `${prefix}-confidential-hint` }, c.choiceHint),
  );
  return {
    el,
    checked: () => box.checked,
    needsNetwork: c.needsNetwork,
    async file(session, slug, body, key, result, kind = 'report') {
      const pair = await signPair(slug, kind, body, session.user.org, signerOf(key));
      let filed: Filed;
      try {
        filed = await postConfidential(session, slug, pair);
      } catch (err) {
        // No answer at all: said as the missing network, since nothing can wait in the outbox.
        if (err instanceof TypeError) throw new Error(c.needsNetwork);
        throw err;
      }
      result.dataset.index = String(filed.index);
      result.dataset.id = filed.record;
      result.dataset.commitment = filed.id;
      result.replaceChildren(
        h('p', { class: 'console-ok' }, c.filed(String(filed.index))),
        h('p', null, c.recordId(filed.record)),
        h('p', null, c.commitmentId(filed.id)),
        h('p', { class: 'console-muted' }, c.revealLater),
      );
      return filed;
    },
  };
}
