// Sealed by default (issue 9, finding 2): whether an entry is public at filing or enters the log only
// as a log-signed commitment until its incident is released. Pure: server, verify and browser.
import { DEFAULT_DISCLOSURE, type Disclosure } from './disclosure-schema.js';

export interface FilingFacts {
  kind: string;
  /** The author's role in the mission (undefined: unknown, treated as no role). */
  role?: string | undefined;
  /** For a correction: whether the record it supersedes is public (or revealed). */
  targetPublic?: boolean | undefined;
}

/** Whether an entry of this kind, by this author, is public when filed (else it is sealed). */
export function isPublicAtFiling(disclosure: Disclosure | undefined, f: FilingFacts): boolean {
  const d = disclosure ?? DEFAULT_DISCLOSURE;
  const kind = f.kind as keyof Disclosure['publicByRole'];
  let open = (d.publicKinds as string[]).includes(f.kind);
  if (!open && f.role !== undefined) open = d.publicByRole[kind]?.includes(f.role) ?? false;
  // A correction of a sealed record would disclose what it corrects: it stays sealed with it.
  if (open && f.kind === 'correction') return f.targetPublic === true;
  return open;
}
