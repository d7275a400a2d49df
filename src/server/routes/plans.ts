// Plans, goals, indicators, status rounds and administration. Access is checked in the services; request and
// response schemas are the shared contract (src/contract/plans.ts).
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MunicipalityCode, Ok } from '../../contract/common.ts';
import * as C from '../../contract/plans.ts';
import { MUNICIPALITIES } from '../../data/areas.ts';
import { dbId, int4, isoDate } from '../../domain/bounds.ts';
import { requireAdmin } from '../../services/access.ts';
import { inviteUser, removeUser } from '../../services/auth.ts';
import { dashboardAnswer } from '../../services/dashboard-cache.ts';
import { idempotencyKey } from '../../services/idempotent.ts';
import type { Services } from '../../services/index.ts';
import { usersOfMunicipality } from '../../services/lookups.ts';
import * as svc from '../../services/plans.ts';
import { carryOver } from '../../services/rounds.ts';
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
        response: { 200: C.PlanList },
      },
    },
    async (req) => ({ plans: await svc.listPlansFor(db, req.actor, req.query.municipality) }),
  );
  app.post(
    '/municipalities/:code/plans',
    {
      schema: {
        summary: 'Opret plan',
        params: z.object({ code: MunicipalityCode }),
        body: C.PlanInput,
        response: { 201: C.PlanAnswer },
      },
    },
    async (req, reply) =>
      reply.code(201).send({ plan: await svc.createPlan(db, req.actor, req.params.code, req.body) }),
  );
  app.get(
    '/plans/:id',
    { schema: { summary: 'En plan med mål og indikatorer', params: id, response: { 200: C.PlanView } } },
    async (req) => svc.planView(db, req.actor, req.params.id),
  );
  app.get(
    '/plans/:id/dashboard',
    {
      schema: {
        summary: 'Planen på én side: alle indikatorer vurderet',
        params: id,
        response: { 200: C.Dashboard },
      },
    },
    async (req, typedReply) => {
      // The kept bytes are the answer already checked against C.Dashboard: sent as they are, past the serializer.
      const reply = typedReply as unknown as FastifyReply;
      // Built once per plan version, reader role, statistics generation and day (src/services/dashboard-cache.ts),
      // checked against C.Dashboard when built; sent as the bytes kept.
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
    {
      schema: {
        summary: 'Indikatorens historik, sammenligning og fremskrivning',
        params: id,
        response: { 200: C.IndicatorHistory },
      },
    },
    async (req) => svc.indicatorHistory(db, req.actor, req.params.id),
  );
  app.put(
    '/plans/:id',
    {
      schema: {
        summary: 'Ret plan',
        params: id,
        body: withRevision(C.PlanInput),
        response: { 200: C.PlanAnswer },
      },
    },
    async (req) => ({
      plan: await svc.updatePlan(db, req.actor, req.params.id, req.body.revision, req.body),
    }),
  );
  app.delete(
    '/plans/:id',
    { schema: { summary: 'Slet plan i udkast', params: id, response: { 200: Ok } } },
    async (req) => {
      await svc.deletePlan(db, req.actor, req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/plans/:id/goals',
    { schema: { summary: 'Tilføj mål', params: id, body: C.GoalInput, response: { 201: C.GoalAnswer } } },
    async (req, reply) =>
      reply.code(201).send({
        goal: await svc.addGoal(db, req.actor, req.params.id, req.body, idempotencyKey(req.headers)),
      }),
  );
  app.put(
    '/goals/:id',
    {
      schema: {
        summary: 'Ret mål',
        params: id,
        body: withRevision(C.GoalInput),
        response: { 200: C.GoalAnswer },
      },
    },
    async (req) => ({
      goal: await svc.updateGoal(db, req.actor, req.params.id, req.body.revision, req.body),
    }),
  );
  app.delete(
    '/goals/:id',
    { schema: { summary: 'Slet mål', params: id, response: { 200: Ok } } },
    async (req) => {
      await svc.deleteGoal(db, req.actor, req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/goals/:id/indicators',
    {
      schema: {
        summary: 'Tilføj indikator',
        params: id,
        body: C.IndicatorInput,
        response: { 201: C.IndicatorAnswer },
      },
    },
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
    {
      schema: {
        summary: 'Ret indikator',
        params: id,
        body: withRevision(C.IndicatorInput),
        response: { 200: C.IndicatorAnswer },
      },
    },
    async (req) => ({
      indicator: await svc.updateIndicator(db, req.actor, req.params.id, req.body.revision, req.body),
    }),
  );
  app.delete(
    '/indicators/:id',
    { schema: { summary: 'Slet indikator', params: id, response: { 200: Ok } } },
    async (req) => {
      await svc.deleteIndicator(db, req.actor, req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/indicators/:id/evaluation',
    {
      schema: {
        summary: 'Indikatorens seneste værdi og vurdering',
        params: id,
        querystring: z.object({
          asOf: isoDate.optional(),
        }),
        response: { 200: C.Evaluation },
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
        body: C.RoundInput,
        response: { 201: C.RoundAnswer },
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
      await carryOver(db, req.actor, round.id);
      return reply.code(201).send({ round });
    },
  );
  app.get(
    '/rounds/:id',
    { schema: { summary: 'Statusrunde med vurderinger', params: id, response: { 200: C.RoundView } } },
    async (req) => svc.roundView(db, req.actor, req.params.id),
  );
  app.put(
    '/rounds/:id/entries/:indicatorId',
    {
      schema: {
        summary: 'Gem status for en indikator',
        params: z.object({ id: dbId, indicatorId: dbId }),
        body: C.EntryInput,
        response: { 200: C.EntryAnswer },
      },
    },
    async (req) => ({
      entry: await svc.saveEntry(db, req.actor, req.params.id, req.params.indicatorId, req.body),
    }),
  );
  app.post(
    '/rounds/:id/publish',
    { schema: { summary: 'Offentliggør statusrunde', params: id, response: { 200: C.RoundAnswer } } },
    async (req) => ({
      round: await svc.publishRound(db, req.actor, req.params.id),
    }),
  );
  app.post(
    '/rounds/:id/correct',
    {
      schema: {
        summary: 'Ret en offentliggjort statusrunde (ny version)',
        params: id,
        response: { 201: C.RoundAnswer },
      },
    },
    async (req, reply) =>
      reply.code(201).send({ round: await svc.correctRound(db, req.actor, req.params.id) }),
  );

  const code = z.object({
    code: MunicipalityCode.refine((c) => MUNICIPALITIES.some((m) => m.id === c), 'ukendt kommune'),
  });
  app.get(
    '/municipalities/:code/users',
    { schema: { summary: 'Brugere i kommunen', params: code, response: { 200: C.UserList } } },
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
        body: C.InviteInput,
        response: { 201: C.Invitation },
      },
    },
    async (req, reply) => reply.code(201).send(await inviteUser(db, req.actor, req.params.code, req.body)),
  );
  app.delete(
    '/municipalities/:code/users/:userId',
    { schema: { summary: 'Fjern bruger', params: code.extend({ userId: dbId }), response: { 200: Ok } } },
    async (req) => {
      await removeUser(db, req.actor, req.params.code, req.params.userId);
      return { ok: true as const };
    },
  );
  app.get(
    '/municipalities/:code/audit',
    { schema: { summary: 'Revisionsspor', params: code, response: { 200: C.AuditTrail } } },
    async (req) => ({
      entries: await svc.auditTrail(db, req.actor, req.params.code),
    }),
  );
};
