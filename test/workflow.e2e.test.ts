// The monitoring workflow end to end (issue 4 "Done when"), over real HTTP against the demo server,
// on SQLite and on the real PostgreSQL (skipped outside CI when unreachable; CI=true fails then):
// PK alleges an air strike; AF denies; a monitor is tasked and access is denied; the analyst drafts
// "probable, attributed to PK"; QA and TR endorse; QA releases; the public sees it and verifies its
// log proof; AF cannot file as PK; the public cannot read a confidential report until its reveal.
// Then property-based submissions: random bodies signed by random users never get a 5xx, and a
// refused one changes nothing.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseEntry, signEnvelope } from '../src/core/envelope.js';
import { checkReveal } from '../src/core/sealing/reveal-check.js';
import { exampleBody } from '../src/core/examples.js';
import { ENTRY_KINDS, type BodyOf, type EntryKind } from '../src/core/records/kinds.js';
import { signerFromNoteKey, type Signer } from '../src/core/signing.js';
import { commitmentDigest, revealMatches } from '../src/core/workflow/confidential.js';
import { base64Encode } from '../src/tlog/bytes.js';
import { hashLeaf } from '../src/tlog/hash.js';
import { parsePolicy } from '../src/tlog/policy.js';
import { verifyProofBundle } from '../src/tlog/proof-bundle.js';
import { withFreshDatabase } from '../src/store/postgres.test-support.js';
import { resolveConfig } from '../src/server/config.js';
import type { Credentials } from '../src/server/provision.js';
import { startServer, type RunningServer } from '../src/server/serve.js';

const M = 'pak-afg';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

function scenario(
  name: string,
  db: () => Promise<string | { url: string; drop(): Promise<void> }>,
) {
  describe(`workflow end to end: ${name}`, () => {
    let server: RunningServer | undefined;
    let dir = '';
    let skip: string | undefined;
    let drop: (() => Promise<void>) | undefined;
    let creds: Credentials;
    const signers = new Map<string, Signer>();
    let base = '';

    before(async () => {
      const d = await db();
      if (typeof d === 'string' && d.startsWith('skip:')) {
        skip = d.slice(5);
        return;
      }
      dir = mkdtempSync(join(tmpdir(), 'truceline-wf-e2e-'));
      const dbUrl = typeof d === 'string' ? d : d.url;
      if (typeof d !== 'string') drop = () => d.drop();
      server = await startServer(
        resolveConfig(
          {
            port: 0,
            host: '127.0.0.1',
            dataDir: join(dir, 'data'),
            demo: true,
            db: dbUrl,
            logBatchIntervalMs: 2,
          },
          {},
        ),
      );
      creds = JSON.parse(
        readFileSync(join(dir, 'data', 'demo-credentials.json'), 'utf8'),
      ) as Credentials;
      for (const [n, u] of Object.entries(creds.users))
        signers.set(n, await signerFromNoteKey(readFileSync(u.keyFile, 'utf8').trim()));
      base = `${server.url}/api/v1/missions/${M}`;
    });
    after(async () => {
      await server?.close();
      await drop?.();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const it = (title: string, fn: () => Promise<void>) =>
      test(title, async (t) => {
        if (!server) {
          t.skip(skip);
          return;
        }
        await fn();
      });

    const token = (user: string) => creds.users[user]!.token;
    const get = async (path: string, user?: string): Promise<Answer> => {
      const res = await fetch(`${base}${path}`, {
        headers: user ? { authorization: `Bearer ${token(user)}` } : {},
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const postRaw = async (path: string, user: string, body: string | Uint8Array) => {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token(user)}`, 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : Buffer.from(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const sign = (signer: string, kind: EntryKind, body: unknown) =>
      signEnvelope(
        { mission: M, kind, body: body as Record<string, unknown> },
        signers.get(signer)!,
      );
    /** Signs as `signer` and posts with `caller`'s token (the same user unless testing impersonation). */
    const file = async (signer: string, kind: EntryKind, body: unknown, caller = signer) => {
      const { envelope, bytes } = await sign(signer, kind, body);
      const a = await postRaw('/entries', caller, bytes);
      return { ...a, id: envelope.id, bytes };
    };
    const expectOk = (a: Answer & { id: string }) => {
      assert.equal(a.status, 201, JSON.stringify(a.body));
      return a;
    };
    const expectRule = (a: Answer, status: number, rule: string) => {
      assert.equal(a.status, status, JSON.stringify(a.body));
      const err = a.body.error as { code: string; message: string; details: { rule: string } };
      assert.equal(err.details.rule, rule);
      assert.match(err.message, new RegExp(`^rule ${rule}: `));
    };
    const logSize = async () => {
      const res = await fetch(`${base}/log`);
      return ((await res.json()) as { size: number }).size;
    };

    const ids: Record<string, string> = {};
    let probableBefore = 0;
    /** Released probable violations of no-cross-border-attacks attributed to PK (the demo story has some). */
    const probablePk = async () => {
      const c = await get('/compliance?asOf=2025-10-31');
      const terms = c.body.terms as {
        term: string;
        parties: { party: string; probableViolations: number }[];
      }[];
      return (
        terms
          .find((t) => t.term === 'no-cross-border-attacks')
          ?.parties.find((p) => p.party === 'PK')?.probableViolations ?? 0
      );
    };
    const location = {
      name: 'Barmal',
      admin1: 'Paktika',
      admin2: 'Barmal',
      country: 'AF',
      lat: 32.72,
      lon: 69.32,
      geo_precision: 2,
    };

    it('the demo tells its story: released findings of several verdicts, crossings, a revealed report', async () => {
      const pub = (await get('/incidents')).body.items as { verdict: string; status: string }[];
      assert.deepEqual([...new Set(pub.map((i) => i.verdict))].sort(), [
        'confirmed',
        'false_report',
        'inconclusive',
        'probable',
        'unconfirmed',
      ]);
      assert.ok(pub.length >= 20, `the demo has at least 20 released incidents: ${pub.length}`);
      assert.ok(pub.every((i) => i.status === 'released'));
      const all = (await get('/incidents', 'analyst')).body.items as { status: string }[];
      assert.ok(all.some((i) => i.status === 'under_review') && all.length > pub.length);
      const crossings = (await get('/crossings')).body.crossings as {
        crossing: string;
        current: { status: string } | null;
      }[];
      assert.equal(
        crossings.find((c) => c.crossing === 'torkham')?.current?.status,
        'refugees_only',
      );
      assert.equal(
        crossings.find((c) => c.crossing === 'chaman-spin-boldak')?.current?.status,
        'partial',
      );
      const commitments = (await get('/commitments')).body.items as {
        revealedIndex: number | null;
      }[];
      assert.ok(commitments.some((c) => c.revealedIndex !== null));
    });

    it('PK alleges an air strike, AF denies, access is denied, a probable finding is endorsed 2 of 2 and released', async () => {
      const allegation = {
        ...exampleBody('report'),
        title: 'Air strike on a border post near Barmal',
        description: 'A drone strike hit our border post; two soldiers were wounded.',
        location,
        actors: [],
        fatalities: { count: 0, claimedBy: 'PK' },
        accused: 'AF',
        evidence: [],
      };
      probableBefore = await probablePk();
      // AF cannot file as PK: neither with PK's key nor by accusing itself.
      const size0 = await logSize();
      expectRule(
        await file('pk-liaison', 'report', allegation, 'af-liaison'),
        403,
        'signer_is_caller',
      );
      expectRule(await file('af-liaison', 'report', allegation), 403, 'party_own_side');
      expectRule(
        await file('af-liaison', 'report', {
          ...allegation,
          fatalities: { count: 0, claimedBy: 'AF' },
        }),
        403,
        'allegation_other_side',
      );
      assert.equal(await logSize(), size0, 'refusals change nothing');

      const al = expectOk(await file('pk-liaison', 'report', allegation));
      ids.allegation = al.id;
      const inc = expectOk(
        await file('analyst', 'incident', {
          action: 'open',
          title: 'Barmal border post strike',
          type: 'airstrike',
          occurred: { date: '2025-10-16', time_precision: 1 },
          location,
          reports: [al.id],
        }),
      );
      ids.incident = inc.id;
      expectRule(
        await file('pk-liaison', 'response', {
          incident: inc.id,
          allegation: al.id,
          stance: 'denial',
          statement: 'x',
        }),
        403,
        'response_own_side',
      );
      expectOk(
        await file('af-liaison', 'response', {
          incident: inc.id,
          allegation: al.id,
          stance: 'denial',
          statement: 'No Afghan aircraft or drone operated near Barmal that day.',
        }),
      );
      const task = expectOk(
        await file('analyst', 'task', {
          action: 'assign',
          incident: inc.id,
          kind: 'site_visit',
          assignee: 'monitor',
          instructions: 'Visit the post and the impact site.',
        }),
      );
      expectOk(
        await file('monitor', 'task', {
          action: 'close',
          task: task.id,
          outcome: 'access_denied',
          deniedBy: 'PK',
          notes: 'The team was turned back at the Angoor Adda checkpoint.',
        }),
      );
      const finding = {
        incident: inc.id,
        verdict: 'probable',
        attribution: 'PK',
        termsViolated: ['no-cross-border-attacks'],
        grade: 'C3',
        rationale: 'Imagery only; access to the site was denied.',
      };
      expectRule(await file('af-liaison', 'finding', finding), 403, 'kind_author');
      const f = expectOk(await file('analyst', 'finding', finding));
      ids.finding = f.id;
      const release = { finding: f.id, incident: inc.id };
      expectRule(
        await file('pk-liaison', 'endorsement', { finding: f.id }),
        403,
        'endorse_by_mediator',
      );
      expectOk(await file('qa-mediator', 'endorsement', { finding: f.id }));
      expectRule(await file('qa-mediator', 'release', release), 422, 'release_endorsed');
      // Not visible to the public before release.
      assert.equal((await get(`/incidents/${inc.id}`)).status, 404);
      expectOk(await file('tr-mediator', 'endorsement', { finding: f.id }));
      const rel = expectOk(await file('qa-mediator', 'release', release));
      ids.release = rel.id;
    });

    it('the public sees the released incident with every record and verifies its log proof', async () => {
      const list = await get(`/incidents?status=released&type=airstrike&q=Barmal`);
      assert.equal(list.status, 200);
      const items = list.body.items as { id: string; verdict: string; attribution: string }[];
      assert.deepEqual(
        items.map((i) => [i.id, i.verdict, i.attribution]),
        [[ids.incident, 'probable', 'PK']],
      );
      const d = await get(`/incidents/${ids.incident}`);
      assert.equal(d.status, 200);
      const records = d.body.records as {
        id: string;
        index: number;
        kind: string;
        sealed?: { commitment: string; commitmentIndex: number; revealIndex: number | null };
      }[];
      assert.deepEqual(
        records.map((r) => r.kind),
        [
          'report',
          'incident',
          'response',
          'task',
          'task',
          'finding',
          'endorsement',
          'endorsement',
          'release',
        ],
      );
      const allegations = d.body.allegations as { deadline: string }[];
      assert.equal(allegations[0]?.deadline, 'answered');
      assert.equal((d.body.tasks as { outcome: string }[])[0]?.outcome, 'access_denied');
      const policy = parsePolicy(await (await fetch(`${server!.url}/log/${M}/policy`)).text());
      const proven = async (index: number) => {
        const bytes = new Uint8Array(await (await fetch(`${base}/entries/${index}`)).arrayBuffer());
        const bundle = await (await fetch(`${base}/entries/${index}/proof`)).text();
        assert.ok(verifyProofBundle(bundle, hashLeaf(bytes), policy));
        return parseEntry(bytes);
      };
      // Every record is in the log: as itself (public at filing: the release), or sealed at filing
      // and now revealed by the log, the reveal checked against its commitment (issue 9, finding 2).
      for (const r of records) {
        if (r.kind === 'release') assert.equal(r.sealed, undefined, 'a release is public');
        if (!r.sealed) {
          assert.equal((await proven(r.index)).id, r.id);
          continue;
        }
        assert.equal(r.sealed.commitmentIndex, r.index);
        assert.notEqual(r.sealed.revealIndex, null, `${r.kind} ${r.id} revealed on release`);
        const commitment = await proven(r.index);
        const reveal = await proven(r.sealed.revealIndex!);
        assert.equal(reveal.kind, 'reveal');
        const opened = checkReveal(commitment, reveal.body as BodyOf<'reveal'>);
        assert.ok(opened.ok, opened.ok ? '' : opened.why);
        assert.equal(opened.entry.id, r.id);
        assert.equal(opened.entry.kind, r.kind);
      }
      assert.ok(
        records.filter((r) => r.sealed).length >= 8,
        'everything but the release entered sealed',
      );
      assert.equal(await probablePk(), probableBefore + 1);
      // Malformed reads are 400s naming the field; a hidden or missing incident is a 404.
      for (const [path, field] of [
        ['/incidents?bbox=1,2,3', 'bbox'],
        ['/incidents?limit=5000', 'limit'],
        ['/incidents?type=volcano', 'type'],
        ['/incidents?from=yesterday', 'from'],
        ['/incidents/not-an-id', 'id'],
        ['/reports/daily', 'date'],
        ['/stats/daily?from=2025-10-20&to=2025-10-01', 'to'],
      ] as const) {
        const r = await get(path);
        assert.equal(r.status, 400, path);
        const issues = (r.body.error as { details: { issues: { path: string }[] } }).details.issues;
        assert.ok(
          issues.some((i) => i.path.startsWith(field)),
          `${path}: ${JSON.stringify(issues)}`,
        );
      }
      assert.equal((await get('/incidents/0190a0b0-0000-7000-8000-000000000000')).status, 404);
      assert.equal((await fetch(`${server!.url}/api/v1/missions/nope/incidents`)).status, 404);
    });

    it('a confidential report stays private to its side, analysts and mediators until revealed', async () => {
      const body = {
        ...exampleBody('report'),
        title: 'Militants crossing near Kharlachi (source protection)',
        description: 'An informant reports a group of armed men crossing at night.',
        type: 'infiltration',
        accused: 'AF',
        fatalities: undefined,
        evidence: [],
        actors: [],
      };
      delete (body as { fatalities?: unknown }).fatalities;
      const inner = await sign('pk-liaison', 'report', body);
      const salt = randomBytes(32);
      const commitment = await sign('pk-liaison', 'commitment', {
        digest: commitmentDigest(salt, inner.bytes),
        side: 'PK',
      });
      const text = (b: Uint8Array) => new TextDecoder().decode(b);
      // Straight into the log, a commitment is refused: its record must come with it.
      expectRule(
        await postRaw('/entries', 'pk-liaison', commitment.bytes),
        422,
        'commitment_private',
      );
      const wrongSalt = await postRaw(
        '/confidential',
        'pk-liaison',
        JSON.stringify({
          entry: text(inner.bytes),
          commitment: text(commitment.bytes),
          salt: base64Encode(randomBytes(32)),
        }),
      );
      expectRule(wrongSalt, 422, 'reveal_matches');
      const filed = await postRaw(
        '/confidential',
        'pk-liaison',
        JSON.stringify({
          entry: text(inner.bytes),
          commitment: text(commitment.bytes),
          salt: base64Encode(salt),
        }),
      );
      assert.equal(filed.status, 201, JSON.stringify(filed.body));
      const rid = inner.envelope.id;
      assert.equal((await get(`/records/${rid}`)).status, 404, 'the public cannot read it');
      assert.equal((await get(`/records/${rid}`, 'af-liaison')).status, 404, 'nor the other side');
      assert.equal((await get(`/records/${rid}`, 'pk-liaison')).status, 200);
      assert.equal((await get(`/records/${rid}`, 'tr-mediator')).status, 200);
      const commitments = (await get('/commitments')).body.items as {
        id: string;
        digest: string;
      }[];
      assert.equal(commitments[0]?.id, commitment.envelope.id);
      // The public log holds only the digest: the record's words are nowhere in it.
      const logged = await (await fetch(`${base}/entries/${filed.body.index as number}`)).text();
      assert.doesNotMatch(logged, /Kharlachi/);
      // PK reads its record back and reveals it; anyone can check the reveal against the commitment.
      const back = await get(`/confidential/${commitment.envelope.id}`, 'pk-liaison');
      assert.equal(back.status, 200);
      assert.equal(
        (await get(`/confidential/${commitment.envelope.id}`, 'af-liaison')).status,
        404,
      );
      const reveal = {
        commitment: commitment.envelope.id,
        salt: back.body.salt as string,
        entry: back.body.entry as string,
      };
      expectRule(await file('af-liaison', 'reveal', reveal), 403, 'reveal_by_side');
      expectOk(await file('pk-liaison', 'reveal', reveal));
      const pub = await get(`/records/${rid}`);
      assert.equal(pub.status, 200);
      assert.equal((pub.body.body as { title: string }).title, body.title);
      assert.ok(revealMatches(commitments[0]!.digest, reveal.salt, reveal.entry));
    });

    it('signed times: back-dated beyond the bound is refused 422 naming the rule; records show the claimed at beside the log time', async () => {
      const size = await logSize();
      const { bytes } = await signEnvelope(
        {
          mission: M,
          kind: 'report',
          body: { ...exampleBody('report'), location, evidence: [] },
          at: new Date(Date.now() - 73 * 3_600_000).toISOString(),
        },
        signers.get('af-liaison')!,
      );
      const refused = await postRaw('/entries', 'af-liaison', bytes);
      expectRule(refused, 422, 'signed_time_past');
      assert.match((refused.body.error as { message: string }).message, /72 hours/);
      assert.equal(await logSize(), size, 'nothing logged');
      // Back-dated inside the bound: accepted, shown as claimed, with the witnesses' log time.
      const claimed = new Date(Date.now() - 5 * 3_600_000).toISOString();
      const inBound = await signEnvelope(
        {
          mission: M,
          kind: 'report',
          body: { ...exampleBody('report'), location, evidence: [] },
          at: claimed,
        },
        signers.get('af-liaison')!,
      );
      expectOk({ ...(await postRaw('/entries', 'af-liaison', inBound.bytes)), id: '' });
      const rec = (await get(`/records/${inBound.envelope.id}`, 'analyst')).body;
      assert.equal(rec.at, claimed);
      assert.equal(typeof rec.loggedAt, 'string', JSON.stringify(rec));
      assert.ok(Date.parse(rec.loggedAt as string) - Date.parse(claimed) > 4 * 3_600_000);
    });

    it('a party’s crossing report is a claim: the official status stays the monitors’', async () => {
      type Crossing = {
        crossing: string;
        current: { status: string; org: string } | null;
        claims: { org: string; status: string }[];
      };
      const before = ((await get('/crossings')).body.crossings as Crossing[]).find(
        (c) => c.crossing === 'torkham',
      )!;
      expectOk(
        await file('pk-liaison', 'crossing', {
          ...exampleBody('crossing'),
          crossing: 'torkham',
          status: before.current?.status === 'open' ? 'closed' : 'open',
          effectiveAt: new Date().toISOString(),
        }),
      );
      const pub = ((await get('/crossings')).body.crossings as Crossing[]).find(
        (c) => c.crossing === 'torkham',
      )!;
      assert.deepEqual(pub.current, before.current);
      assert.deepEqual(pub.claims, []);
      const pk = ((await get('/crossings', 'pk-liaison')).body.crossings as Crossing[]).find(
        (c) => c.crossing === 'torkham',
      )!;
      assert.deepEqual(pk.current, before.current);
      assert.ok(pk.claims.some((c) => c.org === 'PK'));
    });

    it('random bodies signed by any user never get a 5xx, and refusals change nothing', async () => {
      const users = Object.keys(creds.users);
      const refs = [ids.incident!, ids.finding!, ids.allegation!, ids.release!];
      const arbBody = fc.oneof(
        fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
        fc.constantFrom(...ENTRY_KINDS).chain((k) =>
          fc.record({
            base: fc.constant(exampleBody(k) as Record<string, unknown>),
            over: fc.dictionary(
              fc.constantFrom(
                'incident',
                'finding',
                'allegation',
                'task',
                'accused',
                'attribution',
                'status',
                'verdict',
              ),
              fc.oneof(
                fc.constantFrom(...refs, 'PK', 'AF', 'QA', 'released', 'confirmed'),
                fc.string({ maxLength: 8 }),
              ),
            ),
          }),
        ),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...users),
          fc.constantFrom(...ENTRY_KINDS),
          arbBody,
          async (user, kind, body) => {
            const b =
              'base' in body && 'over' in body
                ? { ...(body.base as object), ...(body.over as object) }
                : body;
            let bytes: Uint8Array;
            try {
              bytes = (await sign(user, kind, b)).bytes;
            } catch {
              return; // not a valid body: the client refuses to sign it (the server is tested below)
            }
            const before = await logSize();
            const a = await postRaw('/entries', user, bytes);
            assert.ok(a.status < 500, `${a.status} ${JSON.stringify(a.body)}`);
            if (a.status !== 201) {
              assert.ok(a.body.error, 'a JSON error');
              assert.equal(await logSize(), before, 'a refused entry changes nothing');
            }
          },
        ),
        { numRuns: 60 },
      );
      // Unsigned garbage and wrong shapes at both POST routes.
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...users),
          fc.jsonValue({ maxDepth: 3 }),
          async (user, v) => {
            for (const path of ['/entries', '/confidential']) {
              const a = await postRaw(path, user, JSON.stringify(v));
              assert.ok(a.status >= 400 && a.status < 500, `${path} ${a.status}`);
            }
          },
        ),
        { numRuns: 40 },
      );
    });
  });
}

scenario('sqlite', async () => 'sqlite');
scenario('postgres', async () => {
  const fresh = await withFreshDatabase();
  return typeof fresh === 'string' ? `skip:${fresh}` : fresh;
});
