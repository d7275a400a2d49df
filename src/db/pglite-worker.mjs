// @ts-check
// Worker thread that owns the embedded PGlite database and serves it on a unix socket with one
// connection, so long queries run off the web server's event loop. Plain JavaScript on purpose:
// a worker thread does not inherit the TypeScript loader of the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** @type {{ dataDir: string, socketPath: string }} */
const { dataDir, socketPath } = workerData;
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);

const db = await PGlite.create(dataDir);
const server = new PGLiteSocketServer({ db, path: socketPath });
await server.start();
port.postMessage({ type: 'ready' });

port.on('message', async (/** @type {{ type: string }} */ msg) => {
  try {
    if (msg.type === 'close') {
      await server.stop();
      await db.close();
      port.postMessage({ type: 'closed' });
    } else if (msg.type === 'copy') {
      // The socket client holds the transaction; this runs on the same (only) session, inside it.
      const { sql, data } = /** @type {{ sql: string, data: Uint8Array }} */ (/** @type {unknown} */ (msg));
      await db.query(sql, [], { blob: new Blob([data]) });
      port.postMessage({ type: 'copied' });
    } else if (msg.type === 'dump') {
      const { pgDump } = await import('@electric-sql/pglite-tools/pg_dump');
      const file = await pgDump({ pg: db, args: ['--no-owner', '--no-privileges'] });
      port.postMessage({ type: 'dumped', sql: await file.text() });
    }
  } catch (err) {
    port.postMessage({ type: 'error', message: String(err) });
  }
});
