// How the data commands (export, import, report, webhooks) reach a server: --server URL and a token
// from a credentials file (--credentials FILE --as USER) or TRUCELINE_TOKEN, never from the command
// line (it would show in the process list). Without a token the caller is the public.
import { readFileSync } from 'node:fs';
import type { Credentials } from '../server/provision.js';

export interface ConnectionOptions {
  server?: string;
  credentials?: string;
  as?: string;
}

export interface Connection {
  server: string;
  token: string | undefined;
  /** The mission named by the credentials file, if any. */
  mission: string | undefined;
  /** The credentials file's entry for --as (its keyFile signs for that user). */
  user: { token: string; keyFile: string } | undefined;
}

export function connect(command: string, opts: ConnectionOptions, needToken = false): Connection {
  let creds: (Credentials & { mission?: string }) | undefined;
  if (opts.credentials) {
    try {
      creds = JSON.parse(readFileSync(opts.credentials, 'utf8')) as Credentials & {
        mission?: string;
      };
    } catch (err) {
      throw new Error(`couldn't read ${opts.credentials}: ${(err as Error).message}`);
    }
  }
  const server = opts.server ?? creds?.server;
  if (!server) throw new Error(`${command} needs --server URL (or a credentials file naming it)`);
  let token = process.env.TRUCELINE_TOKEN || undefined;
  let user: Connection['user'];
  if (creds) {
    if (!opts.as) throw new Error(`${command} needs --as USER with --credentials`);
    user = creds.users[opts.as];
    if (!user) throw new Error(`no user "${opts.as}" in ${opts.credentials}`);
    token = user.token;
  }
  if (needToken && !token)
    throw new Error(`${command} needs --credentials FILE --as USER, or TRUCELINE_TOKEN`);
  return { server: server.replace(/\/+$/, ''), token, mission: creds?.mission, user };
}

/** The error message of a JSON error answer, else the status line. */
export async function answerError(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const j = JSON.parse(text) as { error?: { message?: string } };
    if (j.error?.message) return `HTTP ${res.status}: ${j.error.message}`;
  } catch {
    // not JSON
  }
  return `HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
}
