// The server as `maaltavle serve` builds it (openServices + buildApp), without the web app, for the
// database-outage trial: a child process, so an unhandled error really ends it.
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/server/app.ts';
import { openServices } from '../src/services/bootstrap.ts';

const config = loadConfig();
const services = await openServices(config);
const app = await buildApp({ services });
await app.listen({ port: config.port, host: '127.0.0.1' });
console.log(`klar på ${config.port}`);
const stop = async () => {
  await app.close();
  await services.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
