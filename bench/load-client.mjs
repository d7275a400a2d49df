// The load generator of bench/common.ts `loadTest`, run in its own process so the clients do not share the
// server's event loop (a browser is never in the server's process either). Closed loop: `connections`
// clients on keep-alive sockets each send the next GET as soon as the previous answer is read, for
// `seconds`. Prints one JSON line: every latency (ms) and the count of answers other than 200.
// Usage: node bench/load-client.mjs '{"url":…,"connections":50,"seconds":5,"headers":{…}}'
import http from 'node:http';

const { url, connections, seconds, headers = {} } = JSON.parse(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const latencies = [];
let errors = 0;
const get = () =>
  new Promise((resolve) => {
    const req = http.get(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
  });
const end = performance.now() + seconds * 1000;
const client = async () => {
  while (performance.now() < end) {
    const t = performance.now();
    const status = await get();
    if (status !== 200) errors++;
    latencies.push(performance.now() - t);
  }
};
const start = performance.now();
await Promise.all(Array.from({ length: connections }, client));
const elapsed = (performance.now() - start) / 1000;
agent.destroy();
process.stdout.write(`${JSON.stringify({ latencies, errors, elapsed })}\n`);
