// The load generator of bench/read-load.bench.ts, run as a separate process so it does not share
// the server's event loop:
//   node bench/read-load-client.ts '<json: {base, paths, seconds, connections, headers?}>'
// Runs autocannon (its API) against base + paths, each connection cycling through the paths, every
// request with `headers` (e.g. If-None-Match), and prints one JSON line:
// {perSec, p50, p99, total, non2xx, errors, timeouts, statusCodes}.
import { createRequire } from 'node:module';

/** The part of autocannon's options and result used here (see its README, "API"). */
interface Options {
  url: string;
  connections: number;
  duration: number;
  requests: { method: 'GET'; path: string; headers?: Record<string, string> }[];
}
interface Result {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}
// autocannon ships CommonJS without type declarations.
const autocannon = createRequire(import.meta.url)('autocannon') as (o: Options) => Promise<Result>;

const arg = JSON.parse(process.argv[2] ?? '{}') as {
  base: string;
  paths: string[];
  seconds: number;
  connections: number;
  headers?: Record<string, string>;
};
const base = new URL(arg.base);
// Talk only to the loopback server the bench started.
if (base.hostname !== '127.0.0.1')
  throw new Error(`read-load client: ${base.host} is not 127.0.0.1`);
const r = await autocannon({
  url: base.origin,
  connections: arg.connections,
  duration: arg.seconds,
  requests: arg.paths.map((path) => ({ method: 'GET', path, headers: arg.headers })),
});
console.log(
  JSON.stringify({
    perSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(r.statusCodeStats).map(([code, { count }]) => [code, count]),
    ),
  }),
);
