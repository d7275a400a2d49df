// `maaltavle serve`: starts the web server and stops it cleanly on SIGINT/SIGTERM.
import { loadConfig } from '../config.ts';
import { buildApp } from '../server/app.ts';

/** Returns -1: the process keeps running until a signal arrives. */
export async function serve(_args: string[]): Promise<number> {
  const config = loadConfig();
  const app = await buildApp({ logger: { level: config.logLevel } });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal} modtaget: lukker ned`);
    try {
      await app.close();
      process.exitCode = 0;
    } catch (err) {
      app.log.error(err);
      process.exitCode = 1;
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  return -1;
}
