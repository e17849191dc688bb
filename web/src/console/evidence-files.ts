// Evidence files for a record (issue 11 item 4, docs/architecture.md "Entries"): each chosen file
// is hashed with SHA-256 in the browser (WebCrypto) as soon as it is chosen, uploaded as a blob
// (POST /api/v1/blobs, src/server/routes/blobs.ts) when the record is submitted, and the record
// names it by that hash. The server's answer must name the same hash, or nothing is filed: the
// envelope signs what this browser read, not what the server says it stored.
import { h } from '../dom.js';
import { fm } from './filing-messages.js';
import { readAnswer, type Session } from './session.js';

export interface EvidenceRef {
  sha256: string;
  mediaType: string;
  bytes: number;
}

interface Chosen {
  file: File;
  sha256: Promise<string>;
  row: HTMLElement;
  state: HTMLElement;
  uploaded?: EvidenceRef;
}

const hex = (b: ArrayBuffer) =>
  [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(file: Blob): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
}

export const MAX_EVIDENCE = 50;

export interface EvidencePicker {
  el: HTMLElement;
  input: HTMLInputElement;
  error: HTMLElement;
  /** Uploads what is not uploaded yet; the references in the order chosen. Throws with the reason. */
  upload(session: Session): Promise<EvidenceRef[]>;
  count(): number;
}

export function renderEvidencePicker(): EvidencePicker {
  const m = fm();
  const chosen: Chosen[] = [];
  const input = h('input', {
    type: 'file',
    id: 'f-evidence',
    name: 'evidence',
    multiple: '',
    'aria-describedby': 'f-evidence-hint f-evidence-error',
  });
  const list = h('ul', { class: 'evidence-list', id: 'f-evidence-list' });
  const error = h('p', { class: 'field-error', id: 'f-evidence-error' });
  const el = h(
    'div',
    { class: 'console-field', 'data-field': 'evidence' },
    h('label', { for: input.id }, m.evidence),
    input,
    h('p', { class: 'console-muted', id: 'f-evidence-hint' }, m.evidenceHint),
    list,
    error,
  );
  input.addEventListener('change', () => {
    error.textContent = '';
    for (const file of input.files ?? []) {
      if (chosen.length >= MAX_EVIDENCE) {
        error.textContent = m.tooManyFiles;
        break;
      }
      const hash = h('code', { class: 'evidence-hash', dir: 'ltr' }, m.hashing);
      const state = h('span', { class: 'evidence-state' });
      const remove = h('button', { type: 'button', class: 'console-button' }, m.removeFile);
      const row = h(
        'li',
        { class: 'evidence-item', 'data-evidence': 'hashing' },
        h('span', { class: 'evidence-name' }, file.name),
        h('span', { class: 'console-muted' }, m.hashed(m.bytes(file.size))),
        hash,
        state,
        remove,
      );
      const c: Chosen = { file, sha256: sha256Hex(file), row, state };
      c.sha256.then(
        (d) => {
          hash.textContent = d;
          row.dataset.evidence = 'hashed';
          row.dataset.sha256 = d;
        },
        (err: unknown) => {
          hash.textContent = '';
          state.textContent = m.uploadFailed(String(err));
          row.dataset.evidence = 'failed';
        },
      );
      remove.addEventListener('click', () => {
        chosen.splice(chosen.indexOf(c), 1);
        row.remove();
      });
      chosen.push(c);
      list.append(row);
    }
    // The same file may be chosen again after removing it.
    input.value = '';
  });

  async function uploadOne(session: Session, c: Chosen): Promise<EvidenceRef> {
    if (c.uploaded) return c.uploaded;
    const digest = await c.sha256;
    const mediaType = c.file.type || 'application/octet-stream';
    c.state.textContent = m.uploading;
    c.row.dataset.evidence = 'uploading';
    try {
      const res = await fetch('/api/v1/blobs', {
        method: 'POST',
        headers: {
          'content-type': mediaType,
          accept: 'application/json',
          'x-csrf-token': session.csrfToken,
        },
        body: c.file,
        credentials: 'same-origin',
      });
      const answer = (await readAnswer(res)) as { sha256?: string; size?: number };
      if (answer.sha256 !== digest) throw new Error(m.hashMismatch(c.file.name));
      c.uploaded = { sha256: digest, mediaType, bytes: c.file.size };
      c.state.textContent = m.uploaded;
      c.row.dataset.evidence = 'uploaded';
      return c.uploaded;
    } catch (err) {
      c.row.dataset.evidence = 'failed';
      c.state.textContent = m.uploadFailed(err instanceof Error ? err.message : String(err));
      throw err;
    }
  }

  return {
    el,
    input,
    error,
    count: () => chosen.length,
    async upload(session) {
      const out: EvidenceRef[] = [];
      for (const c of chosen) out.push(await uploadOne(session, c));
      return out;
    },
  };
}
