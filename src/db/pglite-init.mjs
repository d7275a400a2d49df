// @ts-check
// initdb of a new embedded database, run as a short-lived child process (src/db/embedded.ts): initdb takes
// some 600 MB of WebAssembly memory, which a process returns to the system when it exits.
import { PGlite } from '@electric-sql/pglite';

const dir = process.argv[2];
if (!dir) throw new Error('usage: pglite-init.mjs DIR');
const db = await PGlite.create(dir);
await db.close();
