// The three demo plans (Faxe, Fredericia, Lyngby-Taarbæk) as their municipalities wrote them, kept as data in
// datasets/demo-plans/ (one JSON file a plan, see datasets/SOURCES.md). Figures the documents quote but the
// statistics lack are entered as the documents give them, with the document as their source; indicators
// that the statistics cover are linked to them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import * as accounts from '../db/repositories/accounts.ts';
import { findPlanBySlug } from '../db/repositories/plans.ts';
import type { DB } from '../db/schema.ts';
import { INDICATOR_KINDS } from '../domain/indicators.ts';
import type { Actor } from './access.ts';
import { ensureFirstAdmin } from './auth.ts';
import { DATASETS_DIR } from './demo-data.ts';
import * as svc from './plans.ts';

export const DEMO_PLANS_DIR = join(DATASETS_DIR, 'demo-plans');

const StatusSeed = z.object({
  text: z.string(),
  value: z.number().nullable().optional(),
  valuePeriod: z.string().optional(),
  done: z.boolean().optional(),
});
type StatusSeed = z.infer<typeof StatusSeed>;

/** One demo plan file: the plan, its goals with indicators (and their status texts), and the round. */
export const PlanSeed = z.object({
  municipality: z.string(),
  plan: svc.PlanInput.extend({ slug: z.string() }),
  round: z.object({ title: z.string(), asOf: z.string(), valueSource: z.string() }).optional(),
  goals: z.array(
    z.object({
      number: z.string(),
      kind: z.enum(['ministermål', 'lokalt mål']),
      title: z.string(),
      text: z.string(),
      indicators: z.array(
        z.object({
          kind: z.enum(INDICATOR_KINDS),
          title: z.string(),
          config: z.record(z.string(), z.unknown()),
          sourceNote: z.string(),
          status: StatusSeed.optional(),
        }),
      ),
    }),
  ),
});
export type PlanSeed = z.infer<typeof PlanSeed>;

/** The demo plans from their files, in file name order (Faxe, Fredericia, Lyngby-Taarbæk). */
export function readDemoPlans(dir = DEMO_PLANS_DIR): PlanSeed[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = PlanSeed.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      if (!parsed.success)
        throw new Error(
          `Demoplanen ${f} er ugyldig: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      return parsed.data;
    });
}

/** Enters the seed plans that are not there yet (by municipality and slug), as the first administrator. */
export async function loadDemoPlans(db: Kysely<DB>, log: (m: string) => void = () => {}): Promise<number> {
  await ensureFirstAdmin(db, undefined, log);
  const admin = await accounts.findUserByEmail(db, 'admin');
  const id = admin?.id ?? (await accounts.firstUserId(db))!;
  // The demo is entered as a system administrator (audited under the first user).
  const actor: Actor = {
    user: {
      id,
      email: admin?.email ?? 'demo',
      name: 'Demo',
      passwordHash: null,
      isSuperadmin: true,
      memberships: [],
    },
  };
  let created = 0;
  for (const seed of readDemoPlans()) {
    if (await findPlanBySlug(db, seed.municipality, seed.plan.slug!)) continue;
    const plan = await svc.createPlan(db, actor, seed.municipality, seed.plan);
    const planId = String(plan.id);
    const statuses: { indicatorId: string; status: StatusSeed }[] = [];
    for (const [gi, g] of seed.goals.entries()) {
      const goal = await svc.addGoal(db, actor, planId, {
        number: g.number,
        kind: g.kind,
        title: g.title,
        text: g.text,
        position: gi + 1,
      });
      for (const [ii, ind] of g.indicators.entries()) {
        const created = await svc.addIndicator(db, actor, String(goal.id), {
          kind: ind.kind,
          title: ind.title,
          config: ind.config,
          sourceNote: ind.sourceNote,
          position: ii + 1,
        });
        if (ind.status) statuses.push({ indicatorId: String(created.id), status: ind.status });
      }
    }
    if (seed.round) {
      const round = await svc.createRound(db, actor, planId, seed.round);
      for (const s of statuses) {
        await svc.saveEntry(db, actor, String(round.id), s.indicatorId, {
          text: s.status.text,
          value: s.status.value ?? null,
          valuePeriod: s.status.valuePeriod ?? null,
          valueSource: s.status.value !== undefined ? seed.round.valueSource : null,
          done: s.status.done ?? null,
          assessmentOverride: null,
          overrideReason: null,
          revision: null,
        });
      }
      await svc.publishRound(db, actor, String(round.id));
    }
    log(`  Demoplan: ${seed.plan.title} (${seed.municipality})`);
    created++;
  }
  return created;
}
