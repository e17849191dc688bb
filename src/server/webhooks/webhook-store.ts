// The webhooks' tables (migration 0012_webhooks), on SQLite and PostgreSQL alike through kysely:
// endpoints, the delivery queue (one row per endpoint, event and log entry, so enqueueing the same
// entry twice adds nothing), and each mission's scan cursor. Enqueueing and advancing the cursor
// happen in one transaction: after a crash an entry is either queued with the cursor past it, or
// neither, and the next scan queues it.
import { sql, type Kysely } from 'kysely';
import type { Store } from '../../store/store.js';

export interface EndpointsTable {
  id: string;
  mission: string;
  url: string;
  /** JSON array of event types. */
  events: string;
  /** Whose view the payloads carry: 'public', 'analyst' or 'mediator'. */
  role: string;
  secret_cipher: string;
  created_at: string;
  created_by: string;
  disabled_at: string | null;
  disabled_reason: string | null;
}
export interface DeliveriesTable {
  id: string;
  endpoint: string;
  event: string;
  entry_idx: number;
  payload: string;
  /** pending → delivered, or failed (attempts used up, or the endpoint answered 410). */
  status: string;
  attempts: number;
  next_at: string;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  done_at: string | null;
}
interface WebhookTables {
  webhook_endpoints: EndpointsTable;
  webhook_deliveries: DeliveriesTable;
  webhook_cursor: { mission: string; scanned: number };
}

export type Endpoint = Omit<EndpointsTable, 'events'> & { events: string[] };
export type Delivery = DeliveriesTable;

const endpointOf = (r: EndpointsTable): Endpoint => ({
  ...r,
  events: JSON.parse(r.events) as string[],
});
const deliveryOf = (r: DeliveriesTable): Delivery => ({ ...r, entry_idx: Number(r.entry_idx) });

export class WebhookStore {
  private readonly db: Kysely<WebhookTables>;
  constructor(store: Store) {
    this.db = store.db as unknown as Kysely<WebhookTables>;
  }

  async addEndpoint(e: Endpoint): Promise<void> {
    await this.db
      .insertInto('webhook_endpoints')
      .values({ ...e, events: JSON.stringify(e.events) })
      .execute();
  }

  async endpoints(mission: string): Promise<Endpoint[]> {
    const rows = await this.db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('mission', '=', mission)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(endpointOf);
  }

  async endpoint(mission: string, id: string): Promise<Endpoint | undefined> {
    const r = await this.db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('mission', '=', mission)
      .where('id', '=', id)
      .executeTakeFirst();
    return r && endpointOf(r);
  }

  async endpointById(id: string): Promise<Endpoint | undefined> {
    const r = await this.db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r && endpointOf(r);
  }

  async removeEndpoint(mission: string, id: string): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const e = await tx
        .selectFrom('webhook_endpoints')
        .select('id')
        .where('mission', '=', mission)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!e) return false;
      await tx.deleteFrom('webhook_deliveries').where('endpoint', '=', id).execute();
      await tx.deleteFrom('webhook_endpoints').where('id', '=', id).execute();
      return true;
    });
  }

  async disable(id: string, at: string, reason: string): Promise<void> {
    await this.db
      .updateTable('webhook_endpoints')
      .set({ disabled_at: at, disabled_reason: reason })
      .where('id', '=', id)
      .execute();
  }

  async scanned(mission: string): Promise<number | undefined> {
    const r = await this.db
      .selectFrom('webhook_cursor')
      .select('scanned')
      .where('mission', '=', mission)
      .executeTakeFirst();
    return r ? Number(r.scanned) : undefined;
  }

  /** Queues deliveries and moves the mission's cursor to `scanned`, in one transaction. */
  async enqueue(mission: string, deliveries: Delivery[], scanned: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      for (const d of deliveries)
        await tx
          .insertInto('webhook_deliveries')
          .values(d)
          .onConflict((oc) => oc.columns(['endpoint', 'event', 'entry_idx']).doNothing())
          .execute();
      await tx
        .insertInto('webhook_cursor')
        .values({ mission, scanned })
        .onConflict((oc) => oc.column('mission').doUpdateSet({ scanned }))
        .execute();
    });
  }

  async addDelivery(d: Delivery): Promise<void> {
    await this.db.insertInto('webhook_deliveries').values(d).execute();
  }

  /** Pending deliveries due by `now`, oldest first, of enabled endpoints. */
  async due(now: string, limit: number): Promise<Delivery[]> {
    const rows = await this.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint')
      .selectAll('d')
      .where('d.status', '=', 'pending')
      .where('d.next_at', '<=', now)
      .where('e.disabled_at', 'is', null)
      .orderBy('d.next_at')
      .orderBy('d.id')
      .limit(limit)
      .execute();
    return rows.map(deliveryOf);
  }

  /** The earliest time a pending delivery of an enabled endpoint is due (undefined: none). */
  async nextDue(): Promise<string | undefined> {
    const r = await this.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint')
      .select(sql<string>`min(d.next_at)`.as('next'))
      .where('d.status', '=', 'pending')
      .where('e.disabled_at', 'is', null)
      .executeTakeFirst();
    return r?.next ?? undefined;
  }

  /**
   * Claims a due delivery for one attempt: moves its next_at to `leaseUntil` only if no one else
   * claimed or changed it since it was read (same status, attempts and next_at). One UPDATE, so
   * of two dispatchers on one database exactly one gets it: PostgreSQL re-checks the WHERE of the
   * second UPDATE against the row the first committed, SQLite runs writes one at a time. A
   * dispatcher that stops mid-delivery leaves the lease to run out, and the delivery is due again.
   */
  async claim(d: Delivery, leaseUntil: string): Promise<boolean> {
    const r = await this.db
      .updateTable('webhook_deliveries')
      .set({ next_at: leaseUntil })
      .where('id', '=', d.id)
      .where('status', '=', 'pending')
      .where('attempts', '=', d.attempts)
      .where('next_at', '=', d.next_at)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async record(
    id: string,
    change: Pick<
      Delivery,
      'status' | 'attempts' | 'next_at' | 'last_status' | 'last_error' | 'done_at'
    >,
  ): Promise<void> {
    await this.db.updateTable('webhook_deliveries').set(change).where('id', '=', id).execute();
  }

  async deliveries(endpoint: string, limit = 100): Promise<Delivery[]> {
    const rows = await this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('endpoint', '=', endpoint)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(deliveryOf);
  }

  async delivery(endpoint: string, id: string): Promise<Delivery | undefined> {
    const r = await this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('endpoint', '=', endpoint)
      .where('id', '=', id)
      .executeTakeFirst();
    return r && deliveryOf(r);
  }
}
