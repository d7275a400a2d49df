// Use case: the measure catalogue users can read: every measure with its source table, unit, direction of
// better, the periods available, the last import, and the indicators that use it (only indicators of
// plans the reader may see: adopted and archived plans everywhere, drafts in the reader's own municipalities).
import type { Kysely } from 'kysely';
import { listMeasures } from '../db/repositories/statistics.ts';
import * as admin from '../db/repositories/statistics-admin.ts';
import type { DB } from '../db/schema.ts';
import { collator } from '../domain/text.ts';
import { canSeePlan } from '../domain/visibility.ts';
import { type Actor, isMember } from './access.ts';

export async function measureCatalogue(db: Kysely<DB>, actor: Actor) {
  const [measures, coverage, indicators] = await Promise.all([
    listMeasures(db),
    admin.measureCoverage(db),
    admin.indicatorsUsingMeasures(db),
  ]);
  const cov = new Map(coverage.map((c) => [c.measure_id, c]));
  const visible = indicators.filter((i) =>
    canSeePlan({ status: i.plan_status }, isMember(actor, i.municipality)),
  );
  const uses = new Map<
    string,
    {
      id: string;
      title: string;
      planId: string;
      planTitle: string;
      municipality: string;
      role: 'tæller' | 'nævner';
    }[]
  >();
  for (const i of visible) {
    for (const [id, role] of [
      [i.measure, 'tæller'],
      [i.denominator, 'nævner'],
    ] as const) {
      if (!id) continue;
      const list = uses.get(id) ?? [];
      list.push({
        id: String(i.id),
        title: i.title,
        planId: String(i.plan_id),
        planTitle: i.plan_title,
        municipality: i.municipality,
        role,
      });
      uses.set(id, list);
    }
  }
  return measures
    .map((m) => {
      const c = cov.get(m.id);
      return {
        id: m.id,
        name: m.name,
        unit: m.unit,
        source: m.source,
        sourceTable: m.sourceTable,
        frequency: m.frequency,
        attribution: m.attribution,
        description: m.description,
        better: m.better ?? null,
        periods: c ? { count: c.periods, first: c.first_period, last: c.last_period } : null,
        lastImport: c?.last_import_id
          ? {
              id: c.last_import_id,
              at: new Date(c.last_import_at!).toISOString(),
              source: c.last_import_source!,
            }
          : null,
        indicators: uses.get(m.id) ?? [],
      };
    })
    .sort((a, b) => collator.compare(a.name, b.name));
}
