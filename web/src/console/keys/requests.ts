// The key request of issue 11 item 2, from the browser: the new key signs its proof of possession
// here (src/core/keys/possession.ts; the private key never leaves IndexedDB), the request goes to
// POST …/key-requests, and GET …/key-requests says where each request stands. A steward's consent
// is the `key` entry consentBody() builds, signed with the steward's own active key.
import { possessionProof } from '../../../../src/core/keys/possession.js';
import { signerOf, type StoredKey } from '../keystore.js';
import type { ConsoleApi } from '../sections.js';

export interface KeyRequest {
  author: string;
  user: string;
  org: string;
  role: string;
  vkey: string;
  proof: string;
  createdAt: string;
  state: 'pending' | 'registered' | 'revoked';
}

export interface KeyRequestList {
  steward: boolean;
  items: KeyRequest[];
}

const path = (slug: string) => `/api/v1/missions/${encodeURIComponent(slug)}/key-requests`;

export async function listKeyRequests(
  api: Pick<ConsoleApi, 'get'>,
  slug: string,
): Promise<KeyRequestList> {
  const body = (await api.get(path(slug))) as Partial<KeyRequestList> | null;
  if (!body || !Array.isArray(body.items)) throw new Error('the key request list has no "items"');
  return { steward: body.steward === true, items: body.items };
}

/** Asks for `key` to be registered for `user`, with the key's own proof of possession. */
export async function requestKey(
  api: Pick<ConsoleApi, 'post'>,
  slug: string,
  user: string,
  key: StoredKey,
): Promise<KeyRequest> {
  const proof = await possessionProof(signerOf(key), slug, user);
  return (await api.post(path(slug), { vkey: key.vkey, proof })) as KeyRequest;
}

/** The `key` entry body a steward signs to consent (src/core/records/key.ts register). */
export const consentBody = (r: KeyRequest): Record<string, unknown> => ({
  action: 'register',
  user: r.user,
  org: r.org,
  role: r.role,
  vkey: r.vkey,
  proof: r.proof,
});

/** The steps a browser key goes through, and the one it has reached (issue 11 item 2). */
export type KeyStep = 'created' | 'requested' | 'registered';
export function stepOf(registered: boolean, request: KeyRequest | undefined): KeyStep {
  if (registered || request?.state === 'registered') return 'registered';
  return request ? 'requested' : 'created';
}
