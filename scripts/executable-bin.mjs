// After a build: the CLI's entry is what `npx bureau-watch` and the installed `bureau-watch` run by
// its shebang line, so it must be executable. tsc writes it 0644, and npm sets the bit only when it
// links the bin, which for this package itself does not always happen (after the test suite has
// touched node_modules, `npx bureau-watch` ran it as it was: "Permission denied").
import { chmodSync } from 'node:fs';

chmodSync(new URL('../dist/cli/main.js', import.meta.url), 0o755);
