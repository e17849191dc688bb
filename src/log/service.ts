// Runs the logs of every mission in a store: one sequencer per mission with its log key (from
// `<data>/keys/log.<slug>.key`), its witnesses (vkeys from settings, URLs from settings or from
// witnesses started here) and its tlog-policy text. Also starts a mission's witnesses locally (the
// demo runs all three in-process, each on its own port, speaking real HTTP).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519NoteSigner } from '../tlog/note.js';
import { formatPolicy, parsePolicy, type Policy } from '../tlog/policy.js';
import type { Store } from '../store/store.js';
import type { Signer } from '../core/signing.js';
import { nodeSignerFromNoteKey } from './node-signer.js';
import { installNativeEd25519 } from './native-ed25519.js';
import { Admission } from './admission.js';
import type { WitnessEndpoint } from './cosigner.js';
import { Sequencer, type SequencerOptions } from './sequencer.js';
import { Witness } from './witness.js';
import { serveWitness, type RunningWitness } from './witness-server.js';

export interface MissionLog {
  slug: string;
  sequencer: Sequencer;
  admission: Admission;
  /**
   * The log key as an envelope signer: it signs the commitments that hold sealed entries' places
   * and the reveals that open them at release (src/core/sealing/seal.ts), nothing else.
   */
  sealer: Signer;
  /**
   * The mission's c2sp.org/tlog-policy text (log vkey, witness vkeys, quorum); its log line names
   * the log's URL under `publicUrl`, the server's actual public URL (known only once listening).
   */
  policy(publicUrl: string): string;
}

export type LogTuning = Pick<
  SequencerOptions,
  'batchSize' | 'batchIntervalMs' | 'maxQueue' | 'checkpointIntervalMs' | 'witnessTimeoutMs'
>;

export const logKeyFile = (dataDir: string, slug: string) =>
  join(dataDir, 'keys', `log.${slug}.key`);
export const witnessKeyFile = (dataDir: string, name: string) =>
  join(dataDir, 'keys', `witness.${name}.key`);

function readKey(path: string): string {
  return readFileSync(path, 'utf8').trim();
}

/** The policy of a mission's log: its key, its witnesses, and "quorum k of them". */
export function missionPolicy(
  logVkey: string,
  witnesses: { name: string; vkey: string }[],
  quorum: number,
  logUrl?: string,
): Policy {
  const lines = [`log ${logVkey}${logUrl ? ' ' + logUrl : ''}`];
  for (const w of witnesses) lines.push(`witness ${w.name} ${w.vkey}`);
  if (witnesses.length > 0 && quorum > 0) {
    lines.push(`group witnesses ${quorum} ${witnesses.map((w) => w.name).join(' ')}`);
    lines.push('quorum witnesses');
  } else lines.push('quorum none');
  return parsePolicy(lines.join('\n') + '\n');
}

/** Starts the witnesses of every mission whose witness keys are in `<data>/keys`, on 127.0.0.1. */
export async function startLocalWitnesses(
  store: Store,
  dataDir: string,
): Promise<{ urls: Map<string, string>; close(): Promise<void> }> {
  const urls = new Map<string, string>();
  const running: RunningWitness[] = [];
  for (const m of await store.listMissions()) {
    const origin = await store.getSetting(m.slug, 'log.origin');
    const vkey = await store.getSetting(m.slug, 'log.vkey');
    if (!origin || !vkey) continue;
    for (const w of m.doc.witnesses) {
      const file = witnessKeyFile(dataDir, w.name);
      if (!existsSync(file)) continue;
      const witness = new Witness({
        skey: readKey(file),
        logs: [{ origin, vkeys: [vkey] }],
        statePath: join(dataDir, 'witnesses', `${w.name}.json`),
      });
      const r = await serveWitness(witness, { host: '127.0.0.1', port: 0 });
      running.push(r);
      urls.set(w.name, r.url);
    }
  }
  return {
    urls,
    async close() {
      await Promise.all(running.map((r) => r.close()));
    },
  };
}

/** Starts a sequencer for every mission that has a log key here. */
export async function startMissionLogs(options: {
  store: Store;
  dataDir: string;
  publicUrl: string;
  witnessUrls?: Map<string, string>;
  tuning?: LogTuning;
}): Promise<Map<string, MissionLog>> {
  const { store, dataDir } = options;
  installNativeEd25519(); // checkpoints and cosignatures through libsodium, not noble
  const logs = new Map<string, MissionLog>();
  try {
    for (const m of await store.listMissions()) {
      const origin = await store.getSetting(m.slug, 'log.origin');
      const vkey = await store.getSetting(m.slug, 'log.vkey');
      const keyFile = logKeyFile(dataDir, m.slug);
      if (!origin || !vkey || !existsSync(keyFile)) continue;
      const witnesses: WitnessEndpoint[] = [];
      const policyWitnesses: { name: string; vkey: string }[] = [];
      for (const w of m.doc.witnesses) {
        const wv = await store.getSetting(m.slug, `witness.${w.name}.vkey`);
        if (!wv) continue;
        policyWitnesses.push({ name: w.name, vkey: wv });
        const url =
          options.witnessUrls?.get(w.name) ??
          (await store.getSetting(m.slug, `witness.${w.name}.url`));
        if (url) witnesses.push({ name: w.name, vkey: wv, url });
      }
      const quorum = Math.min(m.doc.witnessQuorum ?? 0, policyWitnesses.length);
      const slug = m.slug;
      const policy = (publicUrl: string) =>
        formatPolicy(
          missionPolicy(
            vkey,
            policyWitnesses,
            quorum,
            `${publicUrl.replace(/\/$/, '')}/log/${slug}/`,
          ),
        );
      const skey = readKey(keyFile);
      // One log-key signature per sealed commitment: libsodium, not WebCrypto (see node-signer.ts).
      const sealer = nodeSignerFromNoteKey(skey);
      const sequencer = await Sequencer.start({
        store,
        mission: m.slug,
        origin,
        signer: ed25519NoteSigner(skey),
        witnesses,
        witnessQuorum: quorum,
        ...options.tuning,
      });
      logs.set(m.slug, {
        slug: m.slug,
        sequencer,
        admission: new Admission(store, m.slug),
        sealer,
        policy,
      });
    }
  } catch (err) {
    await stopMissionLogs(logs);
    throw err;
  }
  return logs;
}

export async function stopMissionLogs(logs: Map<string, MissionLog>): Promise<void> {
  await Promise.all([...logs.values()].map((l) => l.sequencer.stop()));
}
