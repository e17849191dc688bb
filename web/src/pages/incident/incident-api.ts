// GET /api/v1/missions/<slug>/incidents/<id> (WorkflowStore.getIncident): the incident with every
// record the caller may see. Attacker-controlled as far as the page is concerned: it is checked for
// the fields the page reads, rendered as text only, and every record is verified against the log.
import type { PageRecord } from '../../verify/records.js';

export interface IncidentRecord extends PageRecord {
  org: string;
  role: string;
  loggedAt: string | null;
  body: Record<string, unknown>;
  commitment: string | null;
  confidential: boolean;
  refused: string | null;
  supersededBy: string | null;
}

export interface IncidentDetail {
  id: string;
  index: number;
  title: string;
  type: string;
  status: string;
  date: string;
  location: {
    name?: string;
    admin1?: string;
    admin2?: string;
    country?: string;
    lat: number;
    lon: number;
  };
  fatalities: number | null;
  parties: string[];
  verdict: string | null;
  attribution: string | null;
  allegations: {
    id: string;
    by: string;
    accused: string;
    responseDue: string | null;
    response: string | null;
    deadline: string;
  }[];
  findings: {
    id: string;
    status: string;
    verdict: string;
    attribution: string;
    endorsers: string[];
  }[];
  records: IncidentRecord[];
}

export class IncidentNotFound extends Error {
  override name = 'IncidentNotFound';
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function isRecord(v: unknown): v is IncidentRecord {
  return (
    isObj(v) &&
    typeof v.id === 'string' &&
    Number.isSafeInteger(v.index) &&
    typeof v.kind === 'string' &&
    typeof v.author === 'string' &&
    typeof v.at === 'string' &&
    isObj(v.body) &&
    (v.sealed === undefined ||
      v.sealed === null ||
      (isObj(v.sealed) &&
        Number.isSafeInteger(v.sealed.commitmentIndex) &&
        Number.isSafeInteger(v.sealed.revealIndex)))
  );
}

export async function fetchIncident(slug: string, id: string): Promise<IncidentDetail> {
  const path = `/api/v1/missions/${encodeURIComponent(slug)}/incidents/${encodeURIComponent(id)}`;
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  if (res.status === 404 || res.status === 400) throw new IncidentNotFound(id);
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${path}`);
  const d = (await res.json()) as unknown;
  if (
    !isObj(d) ||
    typeof d.title !== 'string' ||
    !isObj(d.location) ||
    !Number.isFinite(d.location.lat) ||
    !Number.isFinite(d.location.lon) ||
    !Array.isArray(d.records)
  )
    throw new Error(`${path} is not an incident (no title, location or records)`);
  const records = (d.records as unknown[]).filter(isRecord);
  if (records.length !== d.records.length)
    throw new Error(
      `${path}: ${d.records.length - records.length} record(s) lack id, index, kind, author, time or body`,
    );
  return {
    ...(d as unknown as IncidentDetail),
    parties: Array.isArray(d.parties) ? d.parties.filter((p) => typeof p === 'string') : [],
    allegations: Array.isArray(d.allegations)
      ? (d.allegations as IncidentDetail['allegations'])
      : [],
    findings: Array.isArray(d.findings) ? (d.findings as IncidentDetail['findings']) : [],
    records: [...records].sort((a, b) => a.index - b.index),
  };
}
