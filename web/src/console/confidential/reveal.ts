// Revealing a confidential record (src/core/workflow/kinds/reveal.ts): its private half is read
// back from the server (GET …/confidential/<id>), a `reveal` entry {commitment, salt, entry} is
// signed here with the user's key and POSTed to the log. The rules check it against the digest
// (reveal_matches), that it is the side's (reveal_by_side) and the first (reveal_once); anyone can
// then recompute the digest and check the record's own signature.
import type { SignedEntry, EnvelopeBody } from '../sections.js';
import { readConfidential } from './api.js';

export async function revealCommitment(
  slug: string,
  commitment: string,
  sign: (e: EnvelopeBody) => Promise<SignedEntry>,
  postEntry: (bytes: Uint8Array) => Promise<unknown>,
): Promise<{ index: number; id: string }> {
  const half = await readConfidential(slug, commitment);
  const { bytes } = await sign({
    kind: 'reveal',
    body: { commitment, salt: half.salt, entry: half.entry },
  });
  return (await postEntry(bytes)) as { index: number; id: string };
}
