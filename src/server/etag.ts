// ETags on the statistics reads, so browsers and proxies revalidate cheaply: the tag is the statistics
// generation (the newest import id, the same on every app server) and the request URL. A matching
// If-None-Match gets 304 before any route work; answers say `Cache-Control: no-cache` (always revalidate).
// Answers that the services already keep per generation (rank) are also kept serialised, with their tag:
// a repeated GET is answered from those bytes before validation, the handler and the response schema run.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  cachedAnswer,
  cacheGeneration,
  rememberAnswer,
  statisticsGeneration,
} from '../services/cross-sections.ts';
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

/** GET paths whose result the services keep per generation: their serialised answers are kept too. */
const ANSWER_CACHED_PATHS = new Set(['/api/v1/rank']);

function pathOf(req: FastifyRequest): string {
  const q = req.url.indexOf('?');
  return q < 0 ? req.url : req.url.slice(0, q);
}

function isStatisticsRead(req: FastifyRequest): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = pathOf(req);
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

/** Per statistics request: its tag, and the cache generation when the answer may be kept serialised. */
const tags = new WeakMap<FastifyRequest, { etag: string; keep: number | null }>();

export const statisticsEtags = fp<{ services: Services }>(async (app: FastifyInstance, { services }) => {
  const db = services.database.db;
  app.addHook('onRequest', async (req, reply) => {
    if (!isStatisticsRead(req)) return;
    const cacheable = req.method === 'GET' && ANSWER_CACHED_PATHS.has(pathOf(req));
    const kept = cacheable ? cachedAnswer(db, req.url) : undefined;
    if (kept) {
      reply.header('etag', kept.etag).header('cache-control', 'no-cache');
      if (matchesEtag(req.headers['if-none-match'], kept.etag)) return reply.code(304).send();
      return reply.code(200).type(kept.contentType).send(kept.body);
    }
    const keep = cacheable ? cacheGeneration(db) : null;
    const generation = await statisticsGeneration(db);
    const url = createHash('sha1').update(req.url).digest('base64url').slice(0, 16);
    const etag = `W/"s${generation}-${url}"`;
    tags.set(req, { etag, keep });
    if (matchesEtag(req.headers['if-none-match'], etag)) {
      return reply.code(304).header('etag', etag).header('cache-control', 'no-cache').send();
    }
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const tag = tags.get(req);
    if (tag && reply.statusCode === 200) {
      reply.header('etag', tag.etag);
      reply.header('cache-control', 'no-cache');
      const contentType = reply.getHeader('content-type');
      if (tag.keep !== null && typeof payload === 'string' && typeof contentType === 'string')
        rememberAnswer(db, req.url, { body: payload, contentType, etag: tag.etag }, tag.keep);
    }
    return payload;
  });
});
