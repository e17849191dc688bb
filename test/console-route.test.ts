// The server answers /console and the paths under it with the web app (issue 11), so the console
// loads on a reload and from a bookmark; a path that only starts with the same letters stays 404.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from '../src/server/demo-server.test-support.js';

const INDEX = fileURLToPath(new URL('../dist/web/index.html', import.meta.url));
const skip = existsSync(INDEX) ? false : `the web app is not built (${INDEX}): npm run build:web`;

test(
  'GET /console and /console/... answer the web app; /consoles is a JSON 404',
  { skip },
  async () => {
    const demo = await startDemoServer('console-route');
    try {
      for (const path of ['/console', '/console/', '/console/keys']) {
        const res = await fetch(`${demo.server.url}${path}`);
        assert.equal(res.status, 200, path);
        assert.match(res.headers.get('content-type') ?? '', /^text\/html/, path);
        assert.equal(res.headers.get('cache-control'), 'no-cache', path);
        assert.match(await res.text(), /<script type="module"/, path);
      }
      const res = await fetch(`${demo.server.url}/consoles`);
      assert.equal(res.status, 404);
      const body = (await res.json()) as { error: { code: string } };
      assert.equal(body.error.code, 'not_found');
    } finally {
      await demo.close();
    }
  },
);
