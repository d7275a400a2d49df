// Plans, goals, indicators, status rounds and administration. Access is checked in the services.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MUNICIPALITIES } from '../../data/areas.ts';
import { dbId, int4, isoDate } from '../../domain/bounds.ts';
import { requireAdmin } from '../../services/access.ts';
import { inviteUser, removeUser } from '../../services/auth.ts';
import { dashboardAnswer } from '../../services/dashboard-cache.ts';
import { idempotencyKey } from '../../services/idempotent.ts';
import type { Services } from '../../services/index.ts';
import { usersOfMunicipality } from '../../services/lookups.ts';
import * as svc from '../../services/plans.ts';
import { carryOver, readRoundView } from '../../services/rounds.ts';
import { acceptsGzip, matchesEtag } from '../etag.ts';

const id = z.object({ id: dbId });
const withRevision = <T extends z.ZodRawShape>(s: z.ZodObject<T>) => s.extend({ revision: int4() });

export const planRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const db = services.database.db;

  app.get(
    '/plans',
    {
      schema: {
        summary: 'Planer (vedtagne for alle, udkast for egne kommuner)',
        querystring: z.object({ municipality: z.string().optional() }),
      },
    },
    async (req) => ({ plans: await svc.listPlansFor(db, req.actor, req.query.municipality) }),
  );
  app.post(
    '/municipalities/:code/plans',
    { schema: { summary: 'Opret plan', params: z.object({ code: z.string() }), body: svc.PlanInput } },
    async (req, reply) =>
      reply.code(201).send({ plan: await svc.createPlan(db, req.actor, req.params.code, req.body) }),
  );
  app.get('/plans/:id', { schema: { summary: 'En plan med mål og indikatorer', params: id } }, async (req) =>
    svc.readPlan(db, req.actor, req.params.id),
  );
  app.get(
    '/plans/:id/dashboard',
    { schema: { summary: 'Planen på én side: alle indikatorer vurderet', params: id } },
    async (req, reply) => {
      // Built once per plan version, reader role, statistics generation and day (src/services/dashboard-cache.ts).
      const answer = await dashboardAnswer(db, req.actor, req.params.id);
      reply
        .header('etag', answer.etag)
        .header('cache-control', 'private, no-cache')
        .header('vary', 'Accept-Encoding');
      if (matchesEtag(req.headers['if-none-match'], answer.etag)) return reply.code(304).send();
      reply.type('application/json; charset=utf-8');
      // Compressed once per answer, not once per request (a 40-indicator dashboard: ~150 kB, ~15 kB gzipped).
      if (acceptsGzip(req.headers['accept-encoding']))
        return reply.header('content-encoding', 'gzip').send(answer.gzipped());
      return reply.send(answer.body);
    },
  );
  app.get(
    '/indicators/:id/history',
    { schema: { summary: 'Indikatorens historik, sammenligning og fremskrivning', params: id } },
    async (req) => svc.indicatorHistory(db, req.actor, req.params.id),
  );
  app.put(
    '/plans/:id',
    { schema: { summary: 'Ret plan', params: id, body: withRevision(svc.PlanInput) } },
    async (req) => ({
      plan: await svc.updatePlan(db, req.actor, req.params.id, req.body.revision, req.body),
    }),
  );
  app.delete('/plans/:id', { schema: { summary: 'Slet plan i udkast', params: id } }, async (req) => {
    await svc.deletePlan(db, req.actor, req.params.id);
    return { ok: true };
  });

  app.post(
    '/plans/:id/goals',
    { schema: { summary: 'Tilføj mål', params: id, body: svc.GoalInput } },
    async (req, reply) =>
      reply.code(201).send({
        goal: await svc.addGoal(db, req.actor, req.params.id, req.body, idempotencyKey(req.headers)),
      }),
  );
  app.put(
    '/goals/:id',
    { schema: { summary: 'Ret mål', params: id, body: withRevision(svc.GoalInput) } },
    async (req) => ({
      goal: await svc.updateGoal(db, req.actor, req.params.id, req.body.revision, req.body),
    }),
  );
  app.delete('/goals/:id', { schema: { summary: 'Slet mål', params: id } }, async (req) => {
    await svc.deleteGoal(db, req.actor, req.params.id);
    return { ok: true };
  });

  app.post(
    '/goals/:id/indicators',
    { schema: { summary: 'Tilføj indikator', params: id, body: svc.IndicatorInput } },
    async (req, reply) =>
      reply.code(201).send({
        indicator: await svc.addIndicator(
          db,
          req.actor,
          req.params.id,
          req.body,
          idempotencyKey(req.headers),
        ),
      }),
  );
  app.put(
    '/indicators/:id',
    { schema: { summary: 'Ret indikator', params: id, body: withRevision(svc.IndicatorInput) } },
    async (req) => ({
      indicator: await svc.updateIndicator(db, req.actor, req.params.id, req.body.revision, req.body),
    }),
  );
  app.delete('/indicators/:id', { schema: { summary: 'Slet indikator', params: id } }, async (req) => {
    await svc.deleteIndicator(db, req.actor, req.params.id);
    return { ok: true };
  });
  app.get(
    '/indicators/:id/evaluation',
    {
      schema: {
        summary: 'Indikatorens seneste værdi og vurdering',
        params: id,
        querystring: z.object({
          asOf: isoDate.optional(),
        }),
      },
    },
    async (req) => svc.evaluateOne(db, req.actor, req.params.id, req.query.asOf),
  );

  app.post(
    '/plans/:id/rounds',
    {
      schema: {
        summary: 'Opret statusrunde',
        params: id,
        body: z.object({ title: z.string().trim().min(1).max(200), asOf: isoDate }),
      },
    },
    async (req, reply) => {
      const round = await svc.createRound(
        db,
        req.actor,
        req.params.id,
        req.body,
        idempotencyKey(req.headers),
      );
      // A new round starts from the previous round's texts, marked as carried over until edited (a repeated
      // create with the same key copies nothing twice: carry-over only fills a round without entries).
      await carryOver(db, req.actor, String(round.id));
      return reply.code(201).send({ round });
    },
  );
  app.get('/rounds/:id', { schema: { summary: 'Statusrunde med vurderinger', params: id } }, async (req) =>
    readRoundView(db, req.actor, req.params.id),
  );
  app.put(
    '/rounds/:id/entries/:indicatorId',
    {
      schema: {
        summary: 'Gem status for en indikator',
        params: z.object({ id: dbId, indicatorId: dbId }),
        body: svc.EntryInput,
      },
    },
    async (req) => ({
      entry: await svc.saveEntry(db, req.actor, req.params.id, req.params.indicatorId, req.body),
    }),
  );
  app.post(
    '/rounds/:id/publish',
    { schema: { summary: 'Offentliggør statusrunde', params: id } },
    async (req) => ({
      round: await svc.publishRound(db, req.actor, req.params.id),
    }),
  );
  app.post(
    '/rounds/:id/correct',
    { schema: { summary: 'Ret en offentliggjort statusrunde (ny version)', params: id } },
    async (req, reply) =>
      reply.code(201).send({ round: await svc.correctRound(db, req.actor, req.params.id) }),
  );

  const code = z.object({
    code: z.string().refine((c) => MUNICIPALITIES.some((m) => m.id === c), 'ukendt kommune'),
  });
  app.get(
    '/municipalities/:code/users',
    { schema: { summary: 'Brugere i kommunen', params: code } },
    async (req) => {
      requireAdmin(req.actor, req.params.code);
      return { users: await usersOfMunicipality(db, req.params.code) };
    },
  );
  app.post(
    '/municipalities/:code/users',
    {
      schema: {
        summary: 'Invitér bruger',
        params: code,
        body: z.object({
          email: z.string().trim().min(3),
          name: z.string().trim().min(1),
          role: z.enum(['administrator', 'redaktør', 'læser']),
        }),
      },
    },
    async (req, reply) => reply.code(201).send(await inviteUser(db, req.actor, req.params.code, req.body)),
  );
  app.delete(
    '/municipalities/:code/users/:userId',
    { schema: { summary: 'Fjern bruger', params: code.extend({ userId: dbId }) } },
    async (req) => {
      await removeUser(db, req.actor, req.params.code, req.params.userId);
      return { ok: true };
    },
  );
  app.get(
    '/municipalities/:code/audit',
    { schema: { summary: 'Revisionsspor', params: code } },
    async (req) => ({
      entries: await svc.auditTrail(db, req.actor, req.params.code),
    }),
  );
};
