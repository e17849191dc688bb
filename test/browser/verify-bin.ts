// The `truceline` command run from source (tsx), for the verification pages' browser tests: they
// need the server as it is in src/ (the key index route), not whatever dist/ was last built from.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
