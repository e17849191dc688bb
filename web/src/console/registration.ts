// Whether the log has registered a key (issue 11 item 1), from GET /api/v1/missions/<slug>/keys
// (every `key` entry, in log order; src/server/routes/keys-index.ts). The list is the server's
// word: the console uses it to tell the user where they stand, not as proof (the portal's log
// page and `truceline verify` prove key entries from the tiles).

export interface KeyItem {
  index: number;
  author: string;
  body: Record<string, unknown>;
}

export type Registration =
  | { state: 'registered'; index: number; user: string }
  | { state: 'revoked'; index: number }
  | { state: 'unregistered' };

/** The state of `vkey` (author id `author`) after every key entry in `items`, in log order. */
export function registrationOf(
  items: readonly KeyItem[],
  vkey: string,
  author: string,
): Registration {
  let state: Registration = { state: 'unregistered' };
  for (const it of items) {
    const b = it.body;
    if (b.action === 'register' && b.vkey === vkey && state.state === 'unregistered') {
      state = {
        state: 'registered',
        index: it.index,
        user: typeof b.user === 'string' ? b.user : '',
      };
    } else if (b.action === 'revoke' && b.key === author && state.state === 'registered') {
      state = { state: 'revoked', index: it.index };
    }
  }
  return state;
}

export function parseKeyItems(body: unknown): KeyItem[] {
  const items = (body as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw new Error('the key list has no "items" array');
  return items.filter(
    (i): i is KeyItem =>
      typeof i === 'object' &&
      i !== null &&
      typeof (i as KeyItem).index === 'number' &&
      typeof (i as KeyItem).author === 'string' &&
      typeof (i as KeyItem).body === 'object',
  );
}
