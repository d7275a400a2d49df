// Builds the Fastify application: zod schemas, OpenAPI document, Danish error messages, routes.
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { loadConfig } from '../config.ts';
import { installDanishZodErrors } from '../domain/zod-danish.ts';
import type { Services } from '../services/index.ts';
import { createLoginLimits } from '../services/login-limits.ts';
import type { Oidc } from '../services/oidc.ts';
import { type SourceSettings, sourceSettingsFrom } from '../services/statistics-admin.ts';
import { authPlugin } from './auth-plugin.ts';
import { edgeChecks } from './edge.ts';
import { frameworkErrors, notFoundBody, sendError } from './errors.ts';
import { statisticsEtags } from './etag.ts';
import { securityHeaders } from './headers.ts';
import { areaRoutes } from './routes/areas.ts';
import { authRoutes } from './routes/auth.ts';
import { benefitGroupRoutes } from './routes/benefit-groups.ts';
import { healthRoutes } from './routes/health.ts';
import { planRoutes } from './routes/plans.ts';
import { publicRoutes } from './routes/public.ts';
import { reportRoutes } from './routes/reports.ts';
import { roundRoutes } from './routes/rounds.ts';
import { statisticsRoutes } from './routes/statistics.ts';
import { statisticsAdminRoutes } from './routes/statistics-admin.ts';
import { webApp } from './web.ts';

export interface AppOptions {
  services?: Services;
  logger?: boolean | { level: string };
  /** Force Secure cookies (production behind HTTPS); also set when the request came over HTTPS. */
  secureCookies?: boolean;
  /** Failed logins per client address in 15 minutes (default 30). */
  loginLimit?: number;
  /** Proxies (IP addresses or CIDR ranges) whose X-Forwarded-For and X-Forwarded-Proto are believed. */
  trustedProxies?: string[];
  /** Serve the built web app from this directory. */
  webDir?: string;
  /** Single sign-on, when configured. */
  oidc?: Oidc;
  /** Where the statistics sources are fetched from, and the keys; default from the environment. */
  sourceSettings?: SourceSettings;
}

export async function buildApp(opts: AppOptions = {}): Promise<FastifyInstance> {
  installDanishZodErrors();
  const app = Fastify({
    logger: opts.logger ?? false,
    // Request logs carry method and URL only; headers (the jobindsats key, cookies) are never logged.
    frameworkErrors,
    // The client's address and protocol come from X-Forwarded-* only when a trusted proxy sent them.
    trustProxy: opts.trustedProxies?.length ? opts.trustedProxies : false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Måltavle API',
        version: '1',
        description: 'Statistik og mål for beskæftigelsesindsatsen',
      },
    },
    transform: jsonSchemaTransform,
  });

  // Errors: one mapping for every route and hook (src/server/errors.ts), Danish texts throughout.
  app.setErrorHandler((err, req, reply) => sendError(err, req, reply));
  if (!opts.webDir) {
    app.setNotFoundHandler((req, reply) => reply.code(404).send(notFoundBody(req.url)));
  }

  // Headers: CSP, HSTS and upgrade to HTTPS only over HTTPS; no-store on logged-in answers.
  await app.register(securityHeaders);
  // Hooks: control characters refused at the edge, for every route.
  await app.register(edgeChecks);
  await app.register(healthRoutes, { services: opts.services });
  await app.register(areaRoutes, { prefix: '/api/v1' });
  if (opts.services) {
    const services = opts.services;
    await app.register(statisticsEtags, { services });
    await app.register(authPlugin, { services, secureCookies: !!opts.secureCookies });
    await app.register(statisticsRoutes, { prefix: '/api/v1', services });
    await app.register(benefitGroupRoutes, { prefix: '/api/v1', services });
    await app.register(statisticsAdminRoutes, {
      prefix: '/api/v1',
      services,
      settings: opts.sourceSettings ?? sourceSettingsFrom(loadConfig()),
    });
    await app.register(authRoutes, {
      prefix: '/api/v1',
      services,
      secureCookies: !!opts.secureCookies,
      limits: createLoginLimits(opts.loginLimit ? { perAddress: opts.loginLimit } : {}),
      oidc: opts.oidc,
    });
    await app.register(planRoutes, { prefix: '/api/v1', services });
    await app.register(publicRoutes, { prefix: '/api/v1', services });
    await app.register(roundRoutes, { prefix: '/api/v1', services });
    await app.register(reportRoutes, { prefix: '/api/v1', services });
  }
  if (opts.webDir) await app.register(webApp, { root: opts.webDir });

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
