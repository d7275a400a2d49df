// A generated benchmark plan of 40 indicators ("Benchmarkplan", labelled as such) over the real demo
// statistics: 20 levels, 10 ranks with a denominator and 10 benchmarks, for the dashboard benchmark.
import type { Kysely } from 'kysely';
import { MUNICIPALITIES } from '../src/data/areas.ts';
import type { DB } from '../src/db/schema.ts';
import type { Actor } from '../src/services/access.ts';
import { ensureFirstAdmin } from '../src/services/auth.ts';
import { addGoal, addIndicator, createPlan } from '../src/services/plans.ts';

export const BENCH_PASSWORD = 'bench-admin-123-x';

export async function benchPlan(db: Kysely<DB>): Promise<{ planId: string; email: string }> {
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
      const m = MUNICIPALITIES[n]!;
      const [kind, config] =
        n % 4 < 2
          ? ([
              'niveau',
              {
                measure: 'y25i01.ledige_fuldtidspersoner',
                area: m.id,
                baselinePeriod: '2025M01',
                target: { kind: 'relative', pct: -10 },
                direction: 'at-most',
                deadline: '2026-12-31',
              },
            ] as const)
          : n % 4 === 2
            ? ([
                'placering',
                {
                  measure: 'y60a02.fuldtidspersoner',
                  denominator: 'folk1am.befolkning',
                  area: m.id,
                  direction: 'lower',
                  targetRank: 30,
                  deadline: '2026-12-31',
                },
              ] as const)
            : ([
                'benchmark',
                {
                  measure: 'y60a02.fuldtidspersoner',
                  denominator: 'folk1am.befolkning',
                  area: m.id,
                  compareWith: 'land',
                  direction: 'lower',
                  deadline: '2026-12-31',
                },
              ] as const);
      await addIndicator(db, actor, String(goal.id), {
        kind,
        title: `Indikator ${n + 1} for ${m.name}`,
        config,
        sourceNote: '',
        position: k + 1,
      });
    }
  }
  return { planId: String(plan.id), email: admin.email };
}
