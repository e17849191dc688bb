// The OpenAPI document describes every route the app serves, and the docs page works under the CSP
// with no third-party resource.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../config.js';
import { startServer } from '../serve.js';
import { openApiPath, routeTable } from './route-table.js';

test('openapi: every route documented, parameters match the paths, docs page offline', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-openapi-'));
  const server = await startServer(
    resolveConfig({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), demo: true }, {}),
  );
  try {
    const res = await fetch(`${server.url}/api/v1/openapi.json`);
    assert.equal(res.status, 200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          {
            'x-undocumented'?: boolean;
            parameters?: { name: string; in: string }[];
            responses: object;
          }
        >
      >;
      components: { schemas: Record<string, unknown> };
    };
    assert.equal(doc.openapi, '3.1.0');
    const missing: string[] = [];
    for (const r of routeTable(server.app)) {
      if (r.method === 'HEAD' || !(r.url.startsWith('/api/') || r.url.startsWith('/log/')))
        continue;
      const op = doc.paths[openApiPath(r.url)]?.[r.method.toLowerCase()];
      if (!op || op['x-undocumented']) missing.push(`${r.method} ${r.url}`);
    }
    assert.deepEqual(
      missing,
      [],
      'routes without a description in src/server/openapi/route-docs.ts',
    );
    for (const [path, ops] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(ops)) {
        const inPath = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        assert.deepEqual(inPath.sort(), names.sort(), path);
        assert.ok(Object.keys(op.responses).length > 0);
      }
    }
    for (const k of ['ReportBody', 'FindingBody', 'CommitmentBody', 'Error'])
      assert.ok(doc.components.schemas[k], k);

    const page = await fetch(`${server.url}/api/docs`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    const html = await page.text();
    assert.doesNotMatch(html, /https?:\/\//, 'no third-party resource');
    assert.doesNotMatch(html, /<script>(?!<)/, 'no inline script');
    const js = await fetch(`${server.url}/api/docs/docs.js`);
    assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);
    const code = await js.text();
    assert.doesNotMatch(code, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
