// Builds the Fastify application: zod schemas, OpenAPI document, Danish error messages, routes.
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Services } from '../services/index.ts';
import type { Oidc } from '../services/oidc.ts';
import { authPlugin } from './auth-plugin.ts';
import { areaRoutes } from './routes/areas.ts';
import { authRoutes } from './routes/auth.ts';
import { healthRoutes } from './routes/health.ts';
import { planRoutes } from './routes/plans.ts';
import { publicRoutes } from './routes/public.ts';
import { reportRoutes } from './routes/reports.ts';
import { roundRoutes } from './routes/rounds.ts';
import { benefitGroupRoutes, statisticsRoutes } from './routes/statistics.ts';
import { webApp } from './web.ts';

export interface AppOptions {
  services?: Services;
  logger?: boolean | { level: string };
  /** Force Secure cookies (production behind HTTPS); also set when the request came over HTTPS. */
  secureCookies?: boolean;
  /** Login attempts per IP per minute. */
  loginLimit?: number;
  /** Serve the built web app from this directory. */
  webDir?: string;
  /** Single sign-on, when configured. */
  oidc?: Oidc;
}

export async function buildApp(opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    // Request logs carry method and URL only; headers (the jobindsats key, cookies) are never logged.
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

  app.setErrorHandler((err, _req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const param =
        first?.instancePath?.replace(/^\//, '') ||
        (first?.params as { missingProperty?: string })?.missingProperty ||
        '';
      return reply.code(400).send({
        error: 'Ugyldig forespørgsel',
        message: param
          ? `Parameteren "${param}" er ugyldig: ${danishIssue(first?.message)}`
          : 'Forespørgslen er ugyldig.',
        parameter: param || undefined,
      });
    }
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    const parameter = (err as { parameter?: string }).parameter;
    const details = (err as { details?: unknown }).details;
    if (status >= 500) app.log.error(err);
    return reply.code(status).send({
      error: status >= 500 ? 'Serverfejl' : 'Fejl',
      message:
        status >= 500 ? 'Der skete en fejl på serveren.' : err instanceof Error ? err.message : String(err),
      ...(parameter ? { parameter } : {}),
      ...(details !== undefined && status < 500 ? { details } : {}),
    });
  });
  if (!opts.webDir) {
    app.setNotFoundHandler((req, reply) => {
      reply.code(404).send({ error: 'Ikke fundet', message: `Siden ${req.url} findes ikke.` });
    });
  }

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(healthRoutes, { services: opts.services });
  await app.register(areaRoutes, { prefix: '/api/v1' });
  if (opts.services) {
    const services = opts.services;
    await app.register(authPlugin, { services, secureCookies: !!opts.secureCookies });
    await app.register(statisticsRoutes, { prefix: '/api/v1', services });
    await app.register(benefitGroupRoutes, { prefix: '/api/v1', services });
    await app.register(authRoutes, {
      prefix: '/api/v1',
      services,
      secureCookies: !!opts.secureCookies,
      loginLimit: opts.loginLimit ?? 10,
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

function danishIssue(message: string | undefined): string {
  if (!message) return 'ugyldig værdi';
  if (/required/i.test(message)) return 'skal angives';
  if (/expected number/i.test(message)) return 'skal være et tal';
  if (/Invalid option|expected one of/i.test(message)) return 'er ikke en af de tilladte værdier';
  return message;
}
