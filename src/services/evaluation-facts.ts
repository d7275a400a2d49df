// Loads the facts an evaluation reads in a fixed number of queries, however many indicators a plan has:
// one for the measures, one for all series (batched by measure and area), one for all cross-sections
// (batched by measure). The engine (src/domain/evaluation) then works on the snapshot without I/O.
import type { Kysely } from 'kysely';
import { comparisonArea, findArea, municipalitiesIn } from '../data/areas.ts';
import * as repo from '../db/repositories/statistics.ts';
import type { DB } from '../db/schema.ts';
import type { CrossSections, FactPoint, Facts, MeasureFact } from '../domain/evaluation/facts.ts';
import { seriesKey } from '../domain/evaluation/facts.ts';
import type { FactNeeds } from '../domain/evaluation/parse.ts';
import { wholeMeasures } from './cross-sections.ts';

/**
 * Every current value of the given measures as measure → period → area → value. The one read of
 * cross-sections: a cross-section cache (invalidated on import) can back this function without the
 * engine or its callers changing.
 */
export async function loadCrossSections(
  db: Kysely<DB>,
  measures: readonly string[],
  periods?: readonly string[],
): Promise<Map<string, CrossSections>> {
  // Whole measures (what an evaluation reads): kept per import generation, so every request gets the same
  // read-only maps and what the engine derives from them (sorted periods, rankings) is computed once.
  if (periods === undefined) return wholeMeasures(db, measures, (missing) => readCrossSections(db, missing));
  return readCrossSections(db, measures, periods);
}

async function readCrossSections(
  db: Kysely<DB>,
  measures: readonly string[],
  periods?: readonly string[],
): Promise<Map<string, CrossSections>> {
  const out = new Map<string, CrossSections>();
  for (const m of measures) out.set(m, new Map());
  for (const r of await repo.crossSectionsOfMeasures(db, measures, periods)) {
    const byPeriod = out.get(r.measure_id)!;
    let byArea = byPeriod.get(r.period);
    if (!byArea) {
      byArea = new Map();
      byPeriod.set(r.period, byArea);
    }
    byArea.set(r.area_id, r.value);
  }
  return out;
}

const toMeasureFact = (m: repo.MeasureRecord): MeasureFact => ({
  id: m.id,
  name: m.name,
  unit: m.unit,
  better: m.better,
  frequency: m.frequency,
  attribution: m.attribution,
});

/** Static facts about areas: comparison-area membership by year and the members of an area. */
const areaFacts: Pick<Facts, 'memberships' | 'membersOf' | 'areaName'> = {
  memberships: (municipality, year) => {
    const a = comparisonArea(municipality, year);
    return a ? { id: a.id, name: a.name } : undefined;
  },
  membersOf: (areaId, year) => municipalitiesIn(areaId, year).map((m) => m.id),
  areaName: (id) => findArea(id)?.name ?? id,
};

export async function loadFacts(db: Kysely<DB>, needs: FactNeeds): Promise<Facts> {
  const measureIds = [...new Set([...needs.series.map((s) => s.measure), ...needs.crossSections])];
  const [measures, rows, crossSections] = await Promise.all([
    repo.measuresByIds(db, measureIds),
    repo.seriesOfPairs(db, needs.series),
    needs.crossSections.length ? loadCrossSections(db, needs.crossSections) : Promise.resolve(new Map()),
  ]);
  const series = new Map<string, FactPoint[]>();
  for (const s of needs.series) series.set(seriesKey(s.measure, s.area), []);
  for (const r of rows) {
    series
      .get(seriesKey(r.measure_id, r.area_id))
      ?.push({ period: r.period, value: r.value, importId: r.import_id });
  }
  return {
    measures: new Map(measures.map((m) => [m.id, toMeasureFact(m)])),
    series,
    crossSections,
    ...areaFacts,
  };
}
