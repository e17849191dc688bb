// tsc emits only JavaScript: copy the data files that modules read at run time (src/**, anything
// that is not TypeScript) beside their compiled code in dist/.
import { cpSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

function copy(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) copy(path);
    else if (!/\.(ts|mts|cts)$/.test(name)) {
      const target = join('dist', relative('src', path));
      mkdirSync(dirname(target), { recursive: true });
      cpSync(path, target);
    }
  }
}
copy('src');
