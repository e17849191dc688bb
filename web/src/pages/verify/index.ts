// The log's own page (/missions/<slug>/verify): the latest checkpoint (size, root hash, the signed
// note), verified in the page against the log's policy and against the checkpoint this browser saw
// before; the witnesses and which of them cosigned; and a full check of the whole log in a Web
// Worker, with its progress (issue 10, item 1). Entry point the router calls.
// For tests: the checkpoint section carries data-verify-status (and -reason) like the incident
// page; the full check's section data-check="running" | "verified" | "failed" (+ data-check-reason).
import '../incident/incident.css';
import { getMission } from '../../api.js';
import { h } from '../../dom.js';
import { base64Encode } from '../../../../src/tlog/index.js';
import {
  checkAgainstSeen,
  fetchVerifiedCheckpoint,
  witnessesNeeded,
  type Consistency,
  type VerifiedCheckpoint,
} from '../../verify/checkpoint.js';
import { VerifyFailure } from '../../verify/failure.js';
import type { FullCheckMessage } from '../../verify/full-check.worker.js';
import { LogClient } from '../../verify/log-client.js';
import { currentLang, fmtDate, fmtNumber, messages, type Messages } from '../../verify/messages.js';

export interface VerifyPageParams {
  slug: string;
}

function checkpointSection(
  cp: VerifiedCheckpoint,
  consistency: Consistency,
  m: Messages,
): HTMLElement[] {
  const { checkpoint, cosigners, policy } = cp;
  return [
    h('p', { class: 'ip-verify__headline' }, m.verified),
    h(
      'p',
      { class: 'ip-verify__summary' },
      m.cosigned(
        fmtNumber(checkpoint.size),
        fmtNumber(cosigners.length),
        fmtNumber(policy.witnesses.length),
      ),
    ),
    h(
      'p',
      { class: 'ip-verify__history' },
      consistency.kind === 'first'
        ? m.firstSeen(fmtNumber(checkpoint.size))
        : m.consistentWith(fmtNumber(consistency.oldSize), fmtDate(consistency.seenAt)),
    ),
    h(
      'dl',
      { class: 'ip-facts' },
      h('dt', null, m.logSize),
      h('dd', { 'data-log-size': String(checkpoint.size) }, fmtNumber(checkpoint.size)),
      h('dt', null, m.rootHash),
      h('dd', null, h('code', { class: 'ip-hash', dir: 'ltr' }, base64Encode(checkpoint.rootHash))),
    ),
    h(
      'details',
      { class: 'ip-verify__details' },
      h('summary', null, m.details),
      h('h3', null, m.checkpointText),
      h('pre', { class: 'ip-pre', dir: 'ltr' }, cp.note),
      h('h3', null, m.policyText),
      h('pre', { class: 'ip-pre', dir: 'ltr' }, cp.policyText),
    ),
  ];
}

function witnessesSection(cp: VerifiedCheckpoint, m: Messages): HTMLElement {
  const when = new Map(cp.cosigners.map((c) => [c.name, c.timestamp]));
  return h(
    'section',
    { class: 'ip-card vp-section', 'aria-labelledby': 'vp-h-witnesses' },
    h('h2', { id: 'vp-h-witnesses' }, m.witnessesHeading),
    h(
      'ul',
      { class: 'vp-witnesses' },
      cp.policy.witnesses.map((w) => {
        const cosigned = when.has(w.name);
        const ts = when.get(w.name);
        return h(
          'li',
          { class: 'vp-witness', 'data-cosigned': String(cosigned) },
          h('bdi', { class: 'vp-witness__name' }, w.name),
          ' — ',
          h(
            'span',
            { class: 'vp-witness__state' },
            cosigned
              ? m.witnessCosigned(ts === undefined ? '' : fmtDate(ts * 1000))
              : m.witnessMissing,
          ),
        );
      }),
    ),
    h(
      'p',
      null,
      m.quorumIs(fmtNumber(witnessesNeeded(cp.policy)), fmtNumber(cp.policy.witnesses.length)),
    ),
  );
}

function fullCheckSection(slug: string, m: Messages): HTMLElement {
  const progress = h('progress', { class: 'vp-progress', max: '1', value: '0' });
  progress.setAttribute('aria-labelledby', 'vp-h-full');
  const status = h('p', { class: 'vp-check__result', role: 'status' });
  const button = h('button', { class: 'vp-button', type: 'button' }, m.fullCheckStart);
  const section = h(
    'section',
    { class: 'ip-card vp-section vp-check', 'aria-labelledby': 'vp-h-full', 'data-check': 'idle' },
    h('h2', { id: 'vp-h-full' }, m.fullCheckHeading),
    h('p', null, m.fullCheckExplain),
    button,
    progress,
    status,
  );
  let worker: Worker | undefined;
  const run = () => {
    worker?.terminate();
    button.disabled = true;
    section.dataset.check = 'running';
    delete section.dataset.checkReason;
    status.textContent = '';
    worker = new Worker(new URL('../../verify/full-check.worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.addEventListener('message', (e: MessageEvent<FullCheckMessage>) => {
      const d = e.data;
      if (d.type === 'progress') {
        progress.max = Math.max(1, d.total);
        progress.value = d.done;
        status.textContent = m.fullCheckProgress(fmtNumber(d.done), fmtNumber(d.total));
        return;
      }
      button.disabled = false;
      worker?.terminate();
      if (d.type === 'done') {
        section.dataset.check = 'verified';
        section.dataset.checkEntries = String(d.entries);
        section.dataset.checkSize = String(d.size);
        status.textContent = m.fullCheckDone(fmtNumber(d.entries), fmtNumber(d.size));
      } else {
        section.dataset.check = 'failed';
        section.dataset.checkReason = d.reason;
        section.dataset.checkMessage = d.message;
        status.textContent = m.fullCheckFailed(d.local);
      }
    });
    worker.addEventListener('error', (e) => {
      button.disabled = false;
      section.dataset.check = 'failed';
      section.dataset.checkReason = 'error';
      status.textContent = m.fullCheckFailed(e.message || 'the worker did not start');
    });
    worker.postMessage({ slug, lang: currentLang() });
  };
  button.addEventListener('click', run);
  queueMicrotask(run);
  return section;
}

export async function renderVerifyPage(root: HTMLElement, params: VerifyPageParams): Promise<void> {
  const m = messages();
  const mission = await getMission(params.slug).catch(() => null);
  document.title = `${m.logTitle(mission?.name ?? params.slug)} · Truceline`;
  const banner = h(
    'section',
    {
      class: 'ip-verify',
      'data-verify-status': 'checking',
      'aria-live': 'polite',
      'aria-labelledby': 'vp-h-checkpoint',
    },
    h('h2', { id: 'vp-h-checkpoint' }, m.checkpointHeading),
    h('p', { class: 'ip-verify__headline' }, m.checking),
  );
  const side = h('div', { class: 'ip-side' });
  root.replaceChildren(
    h(
      'article',
      { class: 'vp', lang: currentLang() },
      h('h1', null, m.logTitle(mission?.name ?? params.slug)),
      banner,
      side,
      fullCheckSection(params.slug, m),
    ),
  );
  const client = new LogClient(params.slug);
  try {
    const cp = await fetchVerifiedCheckpoint(client);
    side.replaceChildren(witnessesSection(cp, m));
    const consistency = await checkAgainstSeen(client, cp);
    banner.replaceChildren(banner.firstChild!, ...checkpointSection(cp, consistency, m));
    banner.dataset.verifyStatus = 'verified';
  } catch (err) {
    const f = err instanceof VerifyFailure ? err : undefined;
    banner.dataset.verifyStatus = 'failed';
    banner.dataset.verifyReason = f ? f.reason : 'error';
    banner.dataset.verifyMessage = err instanceof Error ? err.message : String(err);
    banner.setAttribute('role', 'alert');
    banner.replaceChildren(
      banner.firstChild!,
      h('p', { class: 'ip-verify__headline' }, m.failed),
      h('p', { class: 'ip-verify__summary' }, m.failedBecause(f ? f.local : String(err))),
    );
  }
}
