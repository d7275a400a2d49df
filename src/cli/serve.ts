// `maaltavle serve`: starts the web server and stops it cleanly on SIGINT/SIGTERM.
import { loadConfig } from '../config.ts';
import { buildApp } from '../server/app.ts';
import { startLocalControl } from '../server/local-control.ts';
import { ensureFirstAdmin } from '../services/auth.ts';
import { loadDemoAndSettle, openServices } from '../services/bootstrap.ts';
import { createOidc } from '../services/oidc.ts';
import { startScheduledRefresh } from '../services/refresh.ts';
import { ensureWebBuilt } from './build-web.ts';

/** Returns -1: the process keeps running until a signal arrives. */
export async function serve(_args: string[]): Promise<number> {
  const config = loadConfig();
  let services = await openServices(config, (m) => console.log(m));
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let stopRefresh = () => {};
  let control: { close(): Promise<void> } | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} modtaget: lukker ned`);
    try {
      stopRefresh();
      await control?.close();
      await app?.close();
      await services.close();
      process.exitCode = 0;
    } catch (err) {
      console.error(err);
      process.exitCode = 1;
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  try {
    await ensureFirstAdmin(services.database.db, config.adminPassword, (m) => console.log(m));
    if (config.demo) services = (await loadDemoAndSettle(services, config, (m) => console.log(m))).services;
    const webDir = await ensureWebBuilt((m) => console.log(m));
    const oidc = config.oidc ? await createOidc(config.oidc) : undefined;
    app = await buildApp({
      services,
      logger: { level: config.logLevel },
      secureCookies: config.secureCookies,
      trustedProxies: config.trustedProxies,
      webDir,
      ...(oidc ? { oidc } : {}),
    });
    stopRefresh = startScheduledRefresh(services, config, (m) => console.log(m));
    const address = await app.listen({ port: config.port, host: config.host });
    // Commands run beside the server on the embedded database reach it through this channel.
    if (!config.databaseUrl) control = await startLocalControl(services, config.dataDir);
    console.log(`Måltavle kører på ${address}`);
  } catch (err) {
    await services.close().catch(() => undefined);
    throw err;
  }
  return -1;
}
