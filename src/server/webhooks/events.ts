// Which log entries make which webhook events, and what each event carries for an endpoint: what
// the endpoint's role may read, read back through the read model's public methods (getRecord,
// getIncident), so a public endpoint is sent nothing the public may not read. An event whose
// record the role may not read is not sent to that endpoint at all.
//   allegation.filed   a `report` entry that accuses a party      → the record (sealed or not)
//   incident.released  a `release` entry                          → the incident (row and findings)
//   finding.released   a `release` entry                          → the finding and its incident
//   crossing.changed   a `crossing` entry                         → the record
import type { StoredEntry } from '../../store/store.js';
import type { Viewer, WorkflowStore } from '../../store/workflow-store.js';

export const EVENT_TYPES = [
  'allegation.filed',
  'incident.released',
  'finding.released',
  'crossing.changed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
/** A test delivery an admin asks for (never made by the log). */
export const TEST_EVENT = 'webhook.test';

export const WEBHOOK_ROLES = ['public', 'analyst', 'mediator'] as const;
export type WebhookRole = (typeof WEBHOOK_ROLES)[number];

export function viewerFor(role: string, endpoint: string): Viewer {
  return role === 'analyst' || role === 'mediator'
    ? { role, org: 'webhook', user: `webhook:${endpoint}` }
    : { role: 'public' };
}

/** A log entry's candidate events and the record they are about (before any visibility check). */
export interface EntryEvents {
  record: string;
  types: EventType[];
}

const KIND_EVENTS: Partial<Record<string, EventType[]>> = {
  report: ['allegation.filed'],
  release: ['incident.released', 'finding.released'],
  crossing: ['crossing.changed'],
};

/**
 * A sealed entry (a log-signed commitment naming its record's kind and id in the clear) makes the
 * same candidates as its record: an endpoint whose role may read the sealed record gets it now,
 * the others never (getRecord refuses them).
 */
export function eventsOf(e: StoredEntry): EntryEvents | undefined {
  if (e.kind === 'commitment') {
    const body = (
      JSON.parse(new TextDecoder().decode(e.bytes)) as {
        body?: { sealed?: { kind: string; record: string } };
      }
    ).body;
    const types = body?.sealed ? KIND_EVENTS[body.sealed.kind] : undefined;
    return types && body?.sealed ? { record: body.sealed.record, types } : undefined;
  }
  const types = KIND_EVENTS[e.kind];
  return types ? { record: e.id, types } : undefined;
}

/** The event's `data` as `viewer` may read it, or undefined when it may not. */
export async function eventData(
  wf: WorkflowStore,
  mission: string,
  type: EventType,
  index: number,
  recordId: string,
  viewer: Viewer,
): Promise<Record<string, unknown> | undefined> {
  const record = await wf.getRecord(mission, recordId, viewer);
  if (!record) return undefined;
  const base = { mission, index };
  if (type === 'allegation.filed')
    return (record.body as { accused?: unknown }).accused ? { ...base, record } : undefined;
  if (type === 'crossing.changed') return { ...base, record };
  const { finding, incident } = record.body as { finding: string; incident: string };
  const detail = await wf.getIncident(mission, incident, viewer);
  if (!detail) return undefined;
  const { allegations: _a, tasks: _t, records: _r, findings, ...row } = detail;
  if (type === 'incident.released') return { ...base, incident: { ...row, findings } };
  const f = findings.find((x) => x.id === finding);
  return f ? { ...base, finding: f, incident: row } : undefined;
}
