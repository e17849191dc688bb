// `truceline keygen`: a new Ed25519 key in the c2sp.org/signed-note formats. The private key
// (PRIVATE+KEY+name+hash+base64) goes to a file with mode 0600; the verifier key is printed.
import { existsSync, writeFileSync, chmodSync } from 'node:fs';
import type { Command } from 'commander';
import {
  SIG_TYPE_COSIGNATURE_V1,
  SIG_TYPE_ED25519,
  generateNoteKey,
  isValidKeyName,
} from '../../tlog/note-key.js';
import { authorIdOf } from '../../core/signing.js';

export function registerKeygen(program: Command): void {
  program
    .command('keygen')
    .description(
      'generate an Ed25519 signed-note key pair (private key to a 0600 file, vkey printed)',
    )
    .requiredOption(
      '--name <name>',
      'key name (no spaces or "+"), e.g. pk-liaison.pak-afg or a log origin',
    )
    .option('--out <file>', 'file for the private key (default: <name>.key)')
    .option(
      '--witness',
      'a witness cosigning key (cosignature/v1, type 0x04) instead of a signing key',
    )
    .option('--force', 'overwrite an existing key file')
    .option('--json', 'print {name, vkey, author, keyFile} as JSON')
    .action(
      (opts: {
        name: string;
        out?: string;
        witness?: boolean;
        force?: boolean;
        json?: boolean;
      }) => {
        if (!isValidKeyName(opts.name))
          throw new Error(`invalid key name "${opts.name}": no spaces or "+" allowed`);
        const file = opts.out ?? `${opts.name}.key`;
        if (existsSync(file) && !opts.force)
          throw new Error(`${file} already exists (use --force to overwrite)`);
        const type = opts.witness ? SIG_TYPE_COSIGNATURE_V1 : SIG_TYPE_ED25519;
        const { skey, vkey } = generateNoteKey(opts.name, { type });
        writeFileSync(file, skey + '\n', { mode: 0o600 });
        chmodSync(file, 0o600);
        if (opts.json) {
          const author = opts.witness ? null : authorIdOf(vkey);
          console.log(JSON.stringify({ name: opts.name, vkey, author, keyFile: file }));
        } else {
          console.log(vkey);
        }
      },
    );
}
