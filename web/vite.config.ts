// Builds the web front end: root web/, output dist/web/ at the repository root, served by
// `truceline serve` at "/". Run through `npm run build:web` (and so by `npm ci`).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: false,
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
