// The incident page's verification outcome, in plain words, with the details one click away. The
// one element carrying data-verify-status ("checking", then "verified" or "failed") and, on
// failure, data-verify-reason (the failure's code, and log index: "entry-tampered@26") and
// data-verify-message (the English sentence), for independent tests.
import { h } from '../../dom.js';
import { VerifyFailure } from '../../verify/failure.js';
import { fmtDate, fmtNumber, messages } from '../../verify/messages.js';
import type { IncidentVerification } from '../../verify/verify-incident.js';

/** Failures that mean this reader is being shown another history than before. */
const HISTORY = new Set(['consistency', 'rollback', 'policy-changed']);

export interface VerifyBanner {
  el: HTMLElement;
  verified(v: IncidentVerification): void;
  failed(err: unknown): void;
}

export function renderVerifyBanner(): VerifyBanner {
  const m = messages();
  const headline = h('p', { class: 'ip-verify__headline' }, m.checking);
  const summary = h('p', { class: 'ip-verify__summary' });
  const history = h('p', { class: 'ip-verify__history' });
  const details = h('div', { class: 'ip-verify__details-body' });
  const disclosure = h(
    'details',
    { class: 'ip-verify__details' },
    h('summary', null, m.details),
    details,
  );
  disclosure.hidden = true;
  const el = h(
    'section',
    {
      class: 'ip-verify',
      'data-verify-status': 'checking',
      'aria-live': 'polite',
      'aria-labelledby': 'ip-verify-headline',
    },
    headline,
    summary,
    history,
    disclosure,
  );
  headline.id = 'ip-verify-headline';
  return {
    el,
    verified(v) {
      const { checkpoint, cosigners, policy } = v.cp;
      el.dataset.verifyStatus = 'verified';
      headline.textContent = m.verified;
      summary.textContent = `${m.allInLog(fmtNumber(v.records.length))} ${m.cosigned(
        fmtNumber(checkpoint.size),
        fmtNumber(cosigners.length),
        fmtNumber(policy.witnesses.length),
      )}`;
      history.textContent =
        v.consistency.kind === 'first'
          ? m.firstSeen(fmtNumber(checkpoint.size))
          : m.consistentWith(fmtNumber(v.consistency.oldSize), fmtDate(v.consistency.seenAt));
      details.replaceChildren(
        h('h3', null, m.checkpointText),
        h('pre', { class: 'ip-pre', dir: 'ltr' }, v.cp.note),
        h('h3', null, m.policyText),
        h('pre', { class: 'ip-pre', dir: 'ltr' }, v.cp.policyText),
        h('p', null, `${m.keysNote} (${fmtNumber(v.keys)})`),
      );
      disclosure.hidden = false;
    },
    failed(err) {
      const f = err instanceof VerifyFailure ? err : undefined;
      el.dataset.verifyStatus = 'failed';
      el.dataset.verifyReason = f ? f.reason : 'error';
      el.dataset.verifyMessage = err instanceof Error ? err.message : String(err);
      el.setAttribute('role', 'alert');
      headline.textContent = m.failed;
      summary.textContent = m.failedBecause(
        f ? f.local : err instanceof Error ? err.message : String(err),
      );
      history.textContent = f && HISTORY.has(f.code) ? m.anotherHistory : '';
      el.classList.toggle('ip-verify--history', Boolean(f && HISTORY.has(f.code)));
      if (!f) console.error('truceline verify:', err);
    },
  };
}
