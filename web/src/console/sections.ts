// The console's sections (issue 11): one row per page of the console, at /console/<id>. The shell
// (index.ts) draws a nav of the rows the signed-in role may use and renders the one the URL names;
// a row another role reaches by URL is refused in the page, and the API refuses it anyway (the
// nav only saves the user a dead end, it is not the authorisation). To add a section, append one
// line here; its module gets everything it needs through ConsoleContext.
import type { EntryKind } from '../../../src/core/records/kinds.js';
import type { Role } from '../../../src/core/records/mission.js';
import type { MissionInfo } from './filing-form.js';
import type { StoredKey } from './keystore.js';
import type { ConsoleMessages } from './messages.js';
import type { Session } from './session.js';
import { renderFilingForm } from './filing-form.js';
import { penaltiesSection } from './penalties/index.js';
import { keyRequestsSection } from './keys/requests-section.js';
import { inboxSection } from './inbox/index.js';
import { monitorSection } from './monitor/index.js';
import { deskSection } from './desk/index.js';
import { mediatorsSection } from './mediators/index.js';

/** What a section's envelope carries before it is signed (src/core/envelope.ts EnvelopeDraft). */
export interface EnvelopeBody {
  kind: EntryKind;
  body: Record<string, unknown>;
  /** A fixed entry id (the outbox keeps one, so a resend is never a second entry). */
  id?: string;
}

export interface SignedEntry {
  id: string;
  bytes: Uint8Array;
}

/** The API as a section uses it: JSON GETs, and signed entries POSTed under the session. */
export interface ConsoleApi {
  get(path: string): Promise<unknown>;
  /** POST JSON under the session (X-CSRF-Token); for the console's own routes. */
  post(path: string, body: unknown): Promise<unknown>;
  /** POST a signed entry's bytes to the mission's log. */
  postEntry(bytes: Uint8Array): Promise<unknown>;
}

export interface ConsoleContext {
  session: Session;
  mission: MissionInfo;
  /** The key that signs, read at signing time (the user may switch keys meanwhile). */
  activeKey(): StoredKey | null;
  /** Signs with the active key; throws when there is none. */
  sign(envelope: EnvelopeBody): Promise<SignedEntry>;
  api: ConsoleApi;
  /** The server said the session has ended: the shell shows a sign-in in place, keeping the page. */
  sessionEnded(): void;
  /** Runs when the section is left (close a stream, stop a timer). */
  onLeave(fn: () => void): void;
  /** Goes to another section (history entry, no reload). */
  go(section: string): void;
}

export interface ConsoleSection {
  /** The URL segment: /console/<id>. */
  id: string;
  label(m: ConsoleMessages): string;
  /** Roles offered this section (src/core/records/mission.ts ROLES). */
  roles: readonly Role[];
  render(ctx: ConsoleContext): HTMLElement | Promise<HTMLElement>;
}

/** The report / allegation form (filing-form.ts); roles: src/core/workflow/kinds/report.ts. */
const fileSection: ConsoleSection = {
  id: 'file',
  label: (m) => m.navFile,
  roles: ['party', 'monitor', 'analyst'],
  render: (ctx) =>
    renderFilingForm(ctx.session, ctx.mission, () => ctx.activeKey(), ctx.sessionEnded),
};

export const SECTIONS: ConsoleSection[] = [
  fileSection,
  inboxSection,
  monitorSection,
  keyRequestsSection,
  deskSection,
  mediatorsSection,
  penaltiesSection,
];

/** The sections `role` may use, in table order. */
export const sectionsFor = (role: string): ConsoleSection[] =>
  SECTIONS.filter((s) => (s.roles as readonly string[]).includes(role));

/** The section a console path names: /console → the role's first; undefined when unknown. */
export function sectionOfPath(
  path: string,
  role: string,
): { section?: ConsoleSection; id: string; allowed: boolean } {
  const id = path.replace(/^\/console\/?/, '').split('/')[0] ?? '';
  const mine = sectionsFor(role);
  if (!id) return { section: mine[0], id: mine[0]?.id ?? '', allowed: mine.length > 0 };
  const section = SECTIONS.find((s) => s.id === id);
  return { section, id, allowed: !!section && mine.includes(section) };
}
