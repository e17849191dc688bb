// The cookie session the console runs on (README "Signing in"): POST /api/v1/auth/login sets an
// HttpOnly cookie and answers the CSRF token; GET /api/v1/auth/me says who the cookie belongs to
// (and gives the token again after a reload); POST /api/v1/auth/logout ends it. Every unsafe
// request sends the token in X-CSRF-Token. The token lives only in this module's memory.

export interface SessionUser {
  name: string;
  displayName: string | null;
  org: string;
  role: string;
  mission: string | null;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  expiresAt?: string;
}

/** An error answer of the API: `{"error":{"code","message","details"}}` with its HTTP status. */
export class ApiFailure extends Error {
  override name = 'ApiFailure';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> | undefined,
  ) {
    super(message);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads an answer: its JSON when ok, else an ApiFailure carrying the error's code and details. */
export async function readAnswer(res: Response): Promise<unknown> {
  const text = await res.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: said below */
  }
  if (res.ok) return body;
  const e = isObject(body) && isObject(body.error) ? body.error : undefined;
  throw new ApiFailure(
    res.status,
    typeof e?.code === 'string' ? e.code : 'http',
    typeof e?.message === 'string' ? e.message : `HTTP ${res.status}`,
    isObject(e?.details) ? e.details : undefined,
  );
}

function toSession(body: unknown): Session | null {
  if (!isObject(body) || !isObject(body.user) || typeof body.csrfToken !== 'string') return null;
  const u = body.user;
  if (typeof u.name !== 'string' || typeof u.org !== 'string' || typeof u.role !== 'string')
    return null;
  return {
    user: {
      name: u.name,
      displayName: typeof u.displayName === 'string' ? u.displayName : null,
      org: u.org,
      role: u.role,
      mission: typeof u.mission === 'string' ? u.mission : null,
    },
    csrfToken: body.csrfToken,
    ...(typeof body.expiresAt === 'string' ? { expiresAt: body.expiresAt } : {}),
  };
}

export async function login(name: string, password: string): Promise<Session> {
  const res = await fetch('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ name, password }),
    credentials: 'same-origin',
  });
  const s = toSession(await readAnswer(res));
  if (!s) throw new ApiFailure(res.status, 'shape', 'the sign-in answer has no user', undefined);
  return s;
}

/** The session this browser's cookie holds, or null when signed out (or expired). */
export async function currentSession(): Promise<Session | null> {
  const res = await fetch('/api/v1/auth/me', {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
    cache: 'no-store',
  });
  return toSession(await readAnswer(res));
}

export async function logout(session: Session): Promise<void> {
  const res = await fetch('/api/v1/auth/logout', {
    method: 'POST',
    headers: { 'x-csrf-token': session.csrfToken },
    credentials: 'same-origin',
  });
  await readAnswer(res);
}

/** POSTs a signed entry's canonical bytes under the session. */
export async function postEntry(
  session: Session,
  slug: string,
  bytes: Uint8Array,
): Promise<unknown> {
  const res = await fetch(`/api/v1/missions/${encodeURIComponent(slug)}/entries`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'x-csrf-token': session.csrfToken,
    },
    body: bytes as BufferSource,
    credentials: 'same-origin',
  });
  return readAnswer(res);
}

/** POSTs JSON to one of the console's own routes under the session. */
export async function postJson(session: Session, path: string, body: unknown): Promise<unknown> {
  const res = await fetch(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'x-csrf-token': session.csrfToken,
    },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  return readAnswer(res);
}

export async function getJson(path: string): Promise<unknown> {
  const res = await fetch(path, { headers: { accept: 'application/json' }, cache: 'no-store' });
  return readAnswer(res);
}
