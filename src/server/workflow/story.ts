// The demo's story (issue 4, item 9): a history kept as data (missions/<slug>.story.json), filed on
// the demo's first start through the same path as every submission — each step signed with its
// demo user's key file, then admission, the workflow rules, the sequencer and the read model
// (src/server/workflow/file.ts). Steps of one wave are filed together, waves in order. In a step's
// body "@ref" becomes the id of an earlier step's entry and "@ref#index" its log index; a
// `confidential` step is filed with a commitment, a `reveals` step reveals such a step.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { signEnvelope } from '../../core/envelope.js';
import { EntryKindSchema } from '../../core/records/kinds.js';
import { SlugSchema } from '../../core/records/mission.js';
import { signerFromNoteKey, type Signer } from '../../core/signing.js';
import { commitmentDigest } from '../../core/workflow/confidential.js';
import { base64Encode } from '../../tlog/bytes.js';
import type { AppContext } from '../app.js';
import type { Credentials } from '../provision.js';
import { fileConfidential, fileEntry } from './file.js';
import { workflowFor } from './context.js';

export const DEMO_STORY_FILE = fileURLToPath(
  new URL('../../../missions/pak-afg.story.json', import.meta.url),
);
/** Set (per mission) once the story is filed, so a restart does not file it again. */
export const STORY_SETTING = 'demo.story';

const StepSchema = z.object({
  ref: z.string().min(1),
  as: z.string().min(1),
  kind: EntryKindSchema,
  at: z.iso.datetime({ precision: 3 }),
  body: z.record(z.string(), z.unknown()),
  confidential: z.boolean().optional(),
  reveals: z.string().optional(),
});
export const StorySchema = z.object({
  mission: SlugSchema,
  about: z.string(),
  waves: z.array(z.object({ title: z.string(), steps: z.array(StepSchema) })),
});
export type Story = z.infer<typeof StorySchema>;

export function loadStory(path = DEMO_STORY_FILE): Story {
  return StorySchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

interface Filed {
  id: string;
  index: number;
  confidential?: { commitment: string; salt: string; entry: string };
}

function resolveRefs(value: unknown, refs: Map<string, Filed>): unknown {
  if (typeof value === 'string' && value.startsWith('@')) {
    const [ref, field] = value.slice(1).split('#');
    const r = refs.get(ref!);
    if (!r) throw new Error(`couldn't file the story: "${value}" names no earlier step`);
    return field === 'index' ? r.index : r.id;
  }
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, refs));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveRefs(v, refs)]));
  return value;
}

/** Files the story unless it was filed before; returns how many steps were filed. */
export async function seedStory(
  ctx: AppContext,
  story: Story,
  credentials: Credentials,
): Promise<number> {
  const slug = story.mission;
  if (await ctx.store.getSetting(slug, STORY_SETTING)) return 0;
  const log = ctx.logs?.get(slug);
  if (!log) throw new Error(`couldn't file the story: no log for ${slug}`);
  const signers = new Map<string, Signer>();
  for (const [name, u] of Object.entries(credentials.users))
    signers.set(name, await signerFromNoteKey(readFileSync(u.keyFile, 'utf8').trim()));
  const refs = new Map<string, Filed>();
  let count = 0;
  for (const wave of story.waves) {
    await Promise.all(
      wave.steps.map(async (step) => {
        const signer = signers.get(step.as);
        if (!signer) throw new Error(`couldn't file the story: no demo user ${step.as}`);
        let body = resolveRefs(step.body, refs) as Record<string, unknown>;
        if (step.reveals) {
          const c = refs.get(step.reveals)?.confidential;
          if (!c) throw new Error(`couldn't file the story: ${step.reveals} is not confidential`);
          body = { commitment: c.commitment, salt: c.salt, entry: c.entry };
        }
        const { envelope, bytes } = await signEnvelope(
          { mission: slug, kind: step.kind, body, at: step.at },
          signer,
        );
        try {
          if (step.confidential) {
            const salt = randomBytes(32);
            const commitment = await signEnvelope(
              {
                mission: slug,
                kind: 'commitment',
                body: {
                  digest: commitmentDigest(salt, bytes),
                  side: credentials.users[step.as]!.org,
                },
                at: step.at,
              },
              signer,
            );
            const filing = {
              entry: new TextDecoder().decode(bytes),
              commitment: new TextDecoder().decode(commitment.bytes),
              salt: base64Encode(salt),
            };
            // The story is a history kept as data: its signed times are judged by the story's
            // own clock (deadlines still run on log time, which is the time of this filing).
            const r = await fileConfidential(ctx, log, filing, step.as, step.at);
            refs.set(step.ref, {
              id: envelope.id,
              index: r.index,
              confidential: { commitment: r.id, salt: filing.salt, entry: filing.entry },
            });
          } else {
            const r = await fileEntry(ctx, log, bytes, step.as, step.at);
            refs.set(step.ref, { id: envelope.id, index: r.index });
          }
        } catch (err) {
          throw new Error(`couldn't file story step ${step.ref}: ${(err as Error).message}`, {
            cause: err,
          });
        }
        count++;
      }),
    );
    await workflowFor(ctx).catchUp(slug);
  }
  await ctx.store.putSetting(slug, STORY_SETTING, new Date().toISOString());
  return count;
}

/** The demo's first start: files missions/pak-afg.story.json with the demo users' keys. */
export async function seedDemoStory(ctx: AppContext, credentialsFile: string): Promise<number> {
  const story = loadStory();
  if (!ctx.logs?.has(story.mission)) return 0;
  const credentials = JSON.parse(readFileSync(credentialsFile, 'utf8')) as Credentials;
  return seedStory(ctx, story, credentials);
}
