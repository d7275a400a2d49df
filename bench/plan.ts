// The generated benchmark plan of 40 indicators ("Benchmarkplan", labelled as such) over the real demo
// statistics, for the dashboard, scale and report benchmarks (one builder for all of them). Mixed: 20 levels,
// 10 ranks with a denominator and 10 benchmarks (the dashboard's work); levelsOnly: 40 levels (the reports').
import type { Kysely } from 'kysely';
import { MUNICIPALITIES } from '../src/data/areas.ts';
import type { DB } from '../src/db/schema.ts';
import type { Actor } from '../src/services/access.ts';
import { ensureFirstAdmin } from '../src/services/auth.ts';
import { addGoal, addIndicator, createPlan } from '../src/services/plans.ts';

export const BENCH_PASSWORD = 'bench-admin-123-x';

/** The first administrator (made when there is none) as an actor, with the email to log in with. */
export async function benchAdmin(db: Kysely<DB>): Promise<{ actor: Actor; email: string }> {
  await ensureFirstAdmin(db, BENCH_PASSWORD, () => {});
  const admin = await db.selectFrom('users').select(['id', 'email']).executeTakeFirstOrThrow();
  const actor: Actor = {
    user: {
      id: String(admin.id),
      email: admin.email,
      name: 'Admin',
      passwordHash: null,
      isSuperadmin: true,
      memberships: [],
    },
  };
  return { actor, email: admin.email };
}

type Area = (typeof MUNICIPALITIES)[number];

/** Indicator n (0–39) of the plan, on municipality m. */
function indicatorOf(n: number, m: Area, levelsOnly: boolean) {
  const level = {
    measure: 'y25i01.ledige_fuldtidspersoner',
    area: m.id,
    baselinePeriod: '2025M01',
    target: { kind: 'relative', pct: -10 },
    direction: 'at-most',
    deadline: '2026-12-31',
  } as const;
  if (levelsOnly)
    return { kind: 'niveau', title: `Ledige fuldtidspersoner i ${m.name}`, config: level } as const;
  const title = `Indikator ${n + 1} for ${m.name}`;
  if (n % 4 < 2) return { kind: 'niveau', title, config: level } as const;
  const perCapita = {
    measure: 'y60a02.fuldtidspersoner',
    denominator: 'folk1am.befolkning',
    area: m.id,
  } as const;
  return n % 4 === 2
    ? ({
        kind: 'placering',
        title,
        config: { ...perCapita, direction: 'lower', targetRank: 30, deadline: '2026-12-31' },
      } as const)
    : ({
        kind: 'benchmark',
        title,
        config: { ...perCapita, compareWith: 'land', direction: 'lower', deadline: '2026-12-31' },
      } as const);
}

export async function benchPlan(
  db: Kysely<DB>,
  opts: { levelsOnly?: boolean } = {},
): Promise<{ planId: string; email: string; actor: Actor }> {
  const { actor, email } = await benchAdmin(db);
  const plan = await createPlan(db, actor, '320', {
    title: 'Benchmarkplan (genereret til måling)',
    yearFrom: 2025,
    yearTo: 2026,
    intro: '',
    status: 'vedtaget',
    adoptedOn: '2025-01-01',
    focusAreas: [],
  });
  for (let g = 0; g < 8; g++) {
    const goal = await addGoal(db, actor, String(plan.id), {
      number: String(g + 1),
      kind: 'lokalt mål',
      title: `Mål ${g + 1}`,
      text: '',
      position: g + 1,
    });
    for (let k = 0; k < 5; k++) {
      const n = g * 5 + k;
      await addIndicator(db, actor, String(goal.id), {
        ...indicatorOf(n, MUNICIPALITIES[n]!, opts.levelsOnly ?? false),
        sourceNote: '',
        position: k + 1,
      });
    }
  }
  return { planId: String(plan.id), email, actor };
}
