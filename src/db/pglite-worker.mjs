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

// Memory: WebAssembly memory only grows, so every buffer PostgreSQL fills stays resident. The defaults
// (shared_buffers 128MB, maintenance_work_mem 64MB) left the server at ~580 MB RSS idle after the demo
// load; these keep it bounded (issue 13 item 5). The demo database fits in 32 MB of shared buffers.
const db = await PGlite.create(dataDir, {
  postgresqlconf: [
    'shared_buffers = 32MB',
    'maintenance_work_mem = 16MB',
    'work_mem = 4MB',
    'temp_buffers = 8MB',
    'wal_buffers = 1MB',
  ],
});
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
