// One delivery POST over node:http(s), connecting to the address host-guard.ts checked: the
// connection's `lookup` answers that address alone, so nothing resolves the name again between the
// check and the connect (DNS rebinding). The Host header and, for https, TLS's server name and
// certificate check still use the URL's host name. No redirects are followed (a 3xx is an answer).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

export interface PostAnswer {
  status: number;
  retryAfter: string | null;
}

export function postTo(
  url: string,
  target: { address: string; family: number },
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<PostAnswer> {
  const u = new URL(url);
  const pinned: LookupFunction = (_host, options, cb) => {
    if ((options as { all?: boolean }).all)
      (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
        target,
      ]);
    else cb(null, target.address, target.family);
  };
  const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      u,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinned,
        timeout: timeoutMs,
      },
      (res: IncomingMessage) => {
        res.resume(); // the body is not read, only drained
        const h = res.headers['retry-after'];
        resolve({ status: res.statusCode ?? 0, retryAfter: typeof h === 'string' ? h : null });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
