// Serves the built web app (web/dist) and answers unknown non-API paths with index.html (client routing).
// Files are sent precompressed (brotli or gzip, written at build by web/compress.ts) when the browser accepts
// it; hashed files under /assets/ are cached for a year, index.html is revalidated on every visit so a new
// build is picked up at once.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { notFoundBody } from './errors.ts';

const HASHED = /\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.\w+(\.br|\.gz)?$/;

export const webApp = fp(async (app: FastifyInstance, opts: { root: string }) => {
  if (!existsSync(join(opts.root, 'index.html')))
    throw new Error(`Webappen er ikke bygget (${opts.root} mangler index.html)`);
  await app.register(fastifyStatic, {
    root: opts.root,
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader('cache-control', HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') {
      return reply.code(404).send(notFoundBody(req.url));
    }
    return reply.type('text/html').sendFile('index.html');
  });
});
