// Builds the web front end: root web/, output dist/web/ at the repository root, served by
// `truceline serve` at "/". Run through `npm run build:web` (and so by `npm ci`).
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The service worker (web/src/sw.ts) as /sw.js at the root, so its scope is the whole app: built
 * as its own chunk with a fixed name (not under /assets/, whose files are cached as immutable: a
 * worker must be re-checked on every load), then given the build's file list and a version hashed
 * from it, which it caches at install (issue 11 item 8).
 */
function serviceWorker(): Plugin {
  return {
    name: 'truceline-service-worker',
    apply: 'build',
    buildStart() {
      this.emitFile({
        type: 'chunk',
        id: fileURLToPath(new URL('src/sw.ts', import.meta.url)),
        fileName: 'sw.js',
      });
    },
    generateBundle(_options, bundle) {
      const sw = bundle['sw.js'];
      if (!sw || sw.type !== 'chunk') throw new Error('sw.js was not built');
      if (sw.imports.length) throw new Error(`sw.js must import nothing: ${sw.imports.join(', ')}`);
      // .woff beside each .woff2 is for browsers older than any with service workers.
      const files = Object.keys(bundle)
        .filter((f) => f !== 'sw.js' && !f.endsWith('.woff'))
        .sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      for (const [token, value] of [
        ['__TRUCELINE_SW_FILES__', files.join(',')],
        ['__TRUCELINE_SW_VERSION__', version],
      ]) {
        if (!sw.code.includes(token!)) throw new Error(`sw.js lost its placeholder ${token}`);
        sw.code = sw.code.replace(token!, value!);
      }
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: false,
  plugins: [serviceWorker()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // maplibre-gl alone is ~1 MB minified; it is one chunk by design, so don't warn about it.
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
  // `npx vite --config web/vite.config.ts` serves the page with hot reload; the API and the log
  // come from a `truceline serve` running on its default port.
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/log': 'http://127.0.0.1:8080',
    },
  },
});
