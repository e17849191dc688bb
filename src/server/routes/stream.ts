// GET /api/v1/stream — server-sent events (WHATWG HTML "Server-sent events") of new log entries:
//   id: <log index>
//   event: entry
//   data: {"mission","index","id","kind","author","at","entry":<the signed envelope>}
// A client resumes with the Last-Event-ID header (EventSource sends it on reconnect) or ?after=N:
// entries after that index are replayed from the store, then live ones follow, without gaps or
// repeats. ?mission=<slug> chooses the log (optional when the server runs one). Each event goes
// only to callers allowed to see it (StreamHub.visibility; anonymous callers see public entries).
// Other modules may publish their own events (e.g. notifications) to chosen audiences.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { IntegratedEntry } from '../../log/sequencer.js';
import type { MissionLog } from '../../log/service.js';
import type { AppContext } from '../app.js';
import { authFor, type Caller } from '../auth/caller.js';
import { parseInput } from '../body.js';
import { HttpError } from '../http-errors.js';
import { CSP } from '../security-headers.js';

export const MAX_STREAMS = 1000;
export const KEEPALIVE_MS = 15_000;
const REPLAY_BATCH = 500;

export interface StreamEntry {
  mission: string;
  index: number;
  id: string;
  kind: string;
  author: string;
  at: string;
  entry: unknown;
}

/** Who may see a log entry on the stream. The default: everyone (the log itself is public). */
export type EntryVisibility = (caller: Caller, e: StreamEntry) => boolean;

/** A non-log event for some callers (e.g. "an allegation names your side"). */
export interface StreamNotice {
  mission: string;
  event: string;
  data: unknown;
  visibleTo(caller: Caller): boolean;
}

export const StreamQuerySchema = z
  .object({
    mission: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/)
      .optional(),
    after: z
      .string()
      .regex(/^\d{1,15}$/, 'a log index')
      .optional(),
  })
  .strict();

interface Client {
  caller: Caller;
  mission: string;
  raw: ServerResponse;
  /** Entries heard live while the replay runs (sent after it, minus the ones it covered). */
  pending: StreamEntry[] | undefined;
  lastIndex: number;
}

function toStreamEntry(mission: string, e: IntegratedEntry): StreamEntry {
  return {
    mission,
    index: e.index,
    id: e.entry.id,
    kind: e.entry.kind,
    author: e.entry.author,
    at: e.entry.at,
    entry: JSON.parse(Buffer.from(e.entry.bytes).toString('utf8')) as unknown,
  };
}

function frame(event: string, data: unknown, id?: number): string {
  // JSON.stringify never emits a raw newline, so one data: line carries the whole event.
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * What a notice may read of a new leaf: the entry itself, or for a sealed entry (the leaf is the
 * log's commitment) the entry it hides, which never goes out as an `entry` event.
 */
export interface NoticeSource {
  leaf: StreamEntry;
  /** The sealed entry (parsed JSON), when the leaf is its commitment. */
  sealed?: { id: string; kind: string; author: string; body?: unknown };
}

function noticeSource(mission: string, e: IntegratedEntry): NoticeSource {
  const leaf = toStreamEntry(mission, e);
  if (!e.entry.sealed) return { leaf };
  const sealed = JSON.parse(Buffer.from(e.entry.sealed.entry).toString('utf8')) as NonNullable<
    NoticeSource['sealed']
  >;
  return { leaf, sealed };
}

/**
 * `event: allegation` to the accused side's users: {index, id, author, accused, terms}; sealed
 * reports too (the accused must answer within the deadline), with the commitment's index.
 */
export function allegationNotice({ leaf: e, sealed }: NoticeSource): StreamNotice | undefined {
  const report = sealed ?? e.entry;
  const env = report as {
    kind?: string;
    id?: string;
    author?: string;
    body?: { accused?: unknown; terms?: unknown };
  };
  if (env.kind !== 'report') return undefined;
  const accused = env.body?.accused;
  if (typeof accused !== 'string') return undefined;
  return {
    mission: e.mission,
    event: 'allegation',
    data: {
      index: e.index,
      id: env.id,
      author: env.author,
      accused,
      terms: env.body?.terms ?? [],
    },
    visibleTo: (c) => c.user !== undefined && c.mission === e.mission && c.org === accused,
  };
}

export class StreamHub {
  visibility: EntryVisibility = () => true;
  private readonly clients = new Set<Client>();
  private readonly unsubscribe: (() => void)[] = [];

  constructor(logs: Map<string, MissionLog> | undefined) {
    for (const log of logs?.values() ?? [])
      this.unsubscribe.push(
        log.sequencer.onIntegrated((mission, batch) =>
          this.entries(batch.map((e) => noticeSource(mission, e))),
        ),
      );
  }

  get size(): number {
    return this.clients.size;
  }

  /** Sends a notice to the connected callers it is for. */
  notify(n: StreamNotice): void {
    for (const c of this.clients)
      if (c.mission === n.mission && n.visibleTo(c.caller)) this.write(c, frame(n.event, n.data));
  }

  /**
   * Notices derived from new log entries, sent live (not replayed) beside the entry events. The
   * default tells the accused side of an allegation (a report naming `accused`) at once.
   */
  readonly entryNotices: ((e: NoticeSource) => StreamNotice | undefined)[] = [allegationNotice];

  private entries(sources: NoticeSource[]): void {
    for (const e of sources)
      for (const derive of this.entryNotices) {
        const n = derive(e);
        if (n) this.notify(n);
      }
    const list = sources.map((s) => s.leaf);
    for (const c of this.clients) {
      for (const e of list) {
        if (e.mission !== c.mission) continue;
        if (c.pending) c.pending.push(e);
        else this.send(c, e);
      }
    }
  }

  private send(c: Client, e: StreamEntry): void {
    if (e.index <= c.lastIndex) return;
    c.lastIndex = e.index;
    // The id advances even for entries this caller may not see, so a resume skips them too.
    if (this.visibility(c.caller, e)) this.write(c, frame('entry', e, e.index));
    else this.write(c, `id: ${e.index}\n\n`);
  }

  private write(c: Client, text: string): void {
    if (!c.raw.destroyed) c.raw.write(text);
  }

  async open(
    request: FastifyRequest,
    reply: FastifyReply,
    log: MissionLog,
    caller: Caller,
    after: number,
    store: AppContext['store'],
  ): Promise<void> {
    if (this.clients.size >= MAX_STREAMS)
      throw new HttpError(503, 'overloaded', "couldn't open a stream: too many open streams");
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    });
    raw.write(`retry: 2000\n\n`);
    const client: Client = { caller, mission: log.slug, raw, pending: [], lastIndex: after };
    this.clients.add(client);
    const keepalive = setInterval(() => this.write(client, ': keepalive\n\n'), KEEPALIVE_MS);
    const done = () => {
      clearInterval(keepalive);
      this.clients.delete(client);
    };
    raw.on('close', done);
    request.raw.on('close', done);
    // Replay what the client missed, up to the size integrated now; live entries wait meanwhile.
    try {
      const end = log.sequencer.size;
      let next = after + 1;
      while (next < end && !raw.destroyed) {
        const rows = await store.listEntries(log.slug, next, Math.min(REPLAY_BATCH, end - next));
        if (rows.length === 0) break;
        for (const r of rows)
          this.send(client, toStreamEntry(log.slug, { index: r.idx, entry: r }));
        next = rows[rows.length - 1]!.idx + 1;
        if (raw.writableNeedDrain) await new Promise((r) => raw.once('drain', r));
      }
    } catch {
      raw.end();
      done();
      return;
    }
    const pending = client.pending ?? [];
    client.pending = undefined;
    for (const e of pending) this.send(client, e);
  }

  /** Ends every open stream (the server is closing). */
  close(): void {
    for (const u of this.unsubscribe) u();
    for (const c of this.clients) c.raw.end();
    this.clients.clear();
  }
}

const hubs = new WeakMap<AppContext, StreamHub>();
/** The app's stream hub: other routes may publish notices or set the entry visibility rule. */
export function streamHubFor(ctx: AppContext): StreamHub {
  let h = hubs.get(ctx);
  if (!h) {
    h = new StreamHub(ctx.logs);
    hubs.set(ctx, h);
  }
  return h;
}

function lastEventId(request: FastifyRequest): number | undefined {
  const h = request.headers['last-event-id'];
  if (typeof h !== 'string' || h === '') return undefined;
  if (!/^\d{1,15}$/.test(h))
    throw new HttpError(
      400,
      'schema',
      "couldn't resume the stream: Last-Event-ID is not a log index",
      {
        issues: [{ path: 'last-event-id', message: 'not a log index' }],
      },
    );
  return Number(h);
}

export function registerStreamRoutes(app: FastifyInstance, ctx: AppContext): void {
  const hub = streamHubFor(ctx);
  const auth = authFor(ctx);
  app.addHook('preClose', async () => hub.close());

  app.get('/api/v1/stream', { exposeHeadRoute: false }, async (request, reply) => {
    const q = parseInput(StreamQuerySchema, request.query, 'open the stream');
    const caller = await auth.caller(request);
    let log: MissionLog | undefined;
    if (q.mission) log = ctx.logs?.get(q.mission);
    else if (ctx.logs?.size === 1) log = [...ctx.logs.values()][0];
    else
      throw new HttpError(
        400,
        'schema',
        "couldn't open the stream: name the log with ?mission=<slug>",
        {
          issues: [{ path: 'mission', message: 'required when the server runs several logs' }],
        },
      );
    if (!log)
      throw new HttpError(404, 'not_found', `couldn't find a log for mission ${q.mission ?? ''}`);
    const resume = lastEventId(request) ?? (q.after !== undefined ? Number(q.after) : undefined);
    // Without a resume point the stream starts at the current end of the log.
    const after = resume ?? log.sequencer.size - 1;
    await hub.open(request, reply, log, caller, after, ctx.store);
  });
}
