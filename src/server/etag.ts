// ETags on the statistics reads, so browsers and proxies revalidate cheaply: the tag is the statistics
// generation (the newest import id, the same on every app server) and the request URL. A matching
// If-None-Match gets 304 before any route work; answers say `Cache-Control: no-cache` (always revalidate).
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { statisticsGeneration } from '../services/cross-sections.ts';
import type { Services } from '../services/index.ts';

/** GET paths whose answers depend only on the URL and the statistics (public, no session). */
const STATISTICS_PATHS = [
  '/api/v1/measures',
  '/api/v1/imports',
  '/api/v1/observations',
  '/api/v1/development',
  '/api/v1/rank',
  '/api/v1/benchmark',
  '/api/v1/benefit-groups',
  '/api/v1/areas',
];

function isStatisticsRead(req: FastifyRequest): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = req.url.split('?', 1)[0]!;
  return STATISTICS_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
}

/** True when one of the tags in an If-None-Match header is `etag` (weak comparison). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => bare(t) === bare(etag));
}

/** True when an Accept-Encoding header accepts gzip (not refused with q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

const tags = new WeakMap<FastifyRequest, string>();

export const statisticsEtags = fp<{ services: Services }>(async (app: FastifyInstance, { services }) => {
  app.addHook('onRequest', async (req, reply) => {
    if (!isStatisticsRead(req)) return;
    const generation = await statisticsGeneration(services.database.db);
    const url = createHash('sha1').update(req.url).digest('base64url').slice(0, 16);
    const etag = `W/"s${generation}-${url}"`;
    tags.set(req, etag);
    if (matchesEtag(req.headers['if-none-match'], etag)) {
      return reply.code(304).header('etag', etag).header('cache-control', 'no-cache').send();
    }
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const etag = tags.get(req);
    if (etag && reply.statusCode === 200) {
      reply.header('etag', etag);
      reply.header('cache-control', 'no-cache');
    }
    return payload;
  });
});
