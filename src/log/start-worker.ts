// Starts a worker thread from a module beside the caller. Under tsx (tests, benches) that module
// is the .ts source and the worker first registers tsx's loader in its own thread (Node 20 does
// not carry the parent's loader hooks into a worker's entry); built, it is the .js file.
import { Worker } from 'node:worker_threads';

/** `name` without extension, e.g. './audit-worker'; `from` is the caller's import.meta.url. */
export function startWorker(name: string, from: string): Worker {
  const fromSource = from.endsWith('.ts');
  const url = new URL(`${name}${fromSource ? '.ts' : '.js'}`, from);
  if (!fromSource) return new Worker(url);
  const boot = `import('tsx/esm/api').then((m) => m.register()).then(() => import(${JSON.stringify(url.href)}))`;
  return new Worker(boot, { eval: true });
}
