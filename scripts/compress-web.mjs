// After `vite build`: writes a brotli (.br) and a gzip (.gz) copy beside every text asset of
// dist/web/, so `truceline serve` sends them pre-compressed (@fastify/static preCompressed) and the
// landing page stays within its 600 kB cold-load budget (issue 10) without compressing per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = new URL('../dist/web/', import.meta.url).pathname;
const TEXT = /\.(m?js|css|html|json|svg|txt|map)$/;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (TEXT.test(name)) {
      const bytes = readFileSync(path);
      if (bytes.length < 1024) continue;
      writeFileSync(
        `${path}.br`,
        brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    }
  }
}
walk(ROOT);
