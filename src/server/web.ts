// Serves the built web app (web/dist) and answers unknown non-API paths with index.html (client routing).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { notFoundBody } from './errors.ts';

export const webApp = fp(async (app: FastifyInstance, opts: { root: string }) => {
  if (!existsSync(join(opts.root, 'index.html')))
    throw new Error(`Webappen er ikke bygget (${opts.root} mangler index.html)`);
  await app.register(fastifyStatic, { root: opts.root, prefix: '/', wildcard: true, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') {
      return reply.code(404).send(notFoundBody(req.url));
    }
    return reply.type('text/html').sendFile('index.html');
  });
});
