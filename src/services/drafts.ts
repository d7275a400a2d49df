// The adapter from an indicator's evaluation and its statistic to the draft sentence of src/domain/drafts.ts.
import type { Kysely } from 'kysely';
import { comparisonArea, findArea } from '../data/areas.ts';
import { measuresByIds } from '../db/repositories/statistics.ts';
import type { DB } from '../db/schema.ts';
import { type DraftInput, draftSentence } from '../domain/drafts.ts';
import type { ComparisonHistory } from '../domain/evaluation/history.ts';
import { forecastToDeadline } from '../domain/forecast-deadline.ts';
import { formatPeriodDa, periodCode, shiftPeriod, tryParsePeriod } from '../domain/periods.ts';
import type { MeasureRecord } from '../domain/statistics.ts';
import { type Evaluation, type IndicatorRow, planHistories } from './evaluation.ts';

/** The sentence's subject for the measures a jobcenter follows most; others use the measure's name. */
const SUBJECTS: Record<string, string> = {
  'y25i01.ledige_pct': 'Ledigheden',
  'y25i01.ledige_fuldtidspersoner': 'Antallet af ledige fuldtidspersoner',
  'y25i01.ledige_pct_dagpenge': 'Ledigheden blandt forsikrede på a-dagpenge',
  'y25i01.ledige_fuldtidspersoner_dagpenge': 'Antallet af ledige fuldtidspersoner på a-dagpenge',
  'y25i01.ledige_pct_kontanthjaelp': 'Ledigheden blandt jobparate på kontanthjælp',
  'y25i01.ledige_fuldtidspersoner_kontanthjaelp':
    'Antallet af jobparate ledige fuldtidspersoner på kontanthjælp',
  'y25i09.langtidsledige': 'Antallet af langtidsledige',
  'y60a02.personer': 'Antallet af kontanthjælpsmodtagere',
  'y60a02.fuldtidspersoner': 'Antallet af fuldtidspersoner på kontanthjælp',
  'y60a02.pct_arbejdsstyrken': 'Andelen på kontanthjælp af arbejdsstyrken',
};

const periodDa = (code: string) => {
  const p = tryParsePeriod(code);
  return p ? formatPeriodDa(p) : code;
};

/** Figures for the draft of a statistics-linked indicator, or null when it has no statistic to tell. */
function draftInputFor(
  ind: { kind: string; title: string; config: Record<string, unknown> },
  ev: Evaluation,
  measure: MeasureRecord | undefined,
  s: ComparisonHistory | undefined,
): DraftInput | null {
  const c = ind.config as { measure?: string; area?: string; direction?: string };
  if (!c.measure || !c.area || !ev.latest || ev.latest.source === 'indtastet' || !ev.latest.period)
    return null;
  const area = findArea(c.area);
  if (!area) return null;
  const subject = SUBJECTS[c.measure] ?? measure?.name ?? ind.title;
  const unit = measure?.unit ?? ev.unit;
  const latestP = tryParsePeriod(ev.latest.period);
  if (!latestP) return null;
  if (ind.kind === 'placering' || ind.kind === 'benchmark' || unit === 'placering') {
    return {
      subject,
      area: area.name,
      unit: 'placering',
      latest: { value: ev.latest.value, period: periodDa(ev.latest.period) },
      rank: { rank: ev.latest.value, of: 98, period: periodDa(ev.latest.period) },
    };
  }
  if (!s) return null;
  const at = (points: { period: string; value: number | null }[], code: string) =>
    points.find((p) => p.period === code)?.value ?? null;
  const perYear = { month: 12, quarter: 4, mat: 4, half: 2, year: 1 }[latestP.kind];
  const before = periodCode(shiftPeriod(latestP, -perYear));
  const comparisonValue = s.comparison ? at(s.comparison.points, ev.latest.period) : null;
  // The forecast to the deadline, from the series up to the latest value: said only when the method beat
  // "same month last year" on this series and its band is tested that far ahead.
  let ahead: DraftInput['forecast'] = null;
  const deadline = (c as { deadline?: string }).deadline;
  const upTo = s.own.slice(0, s.own.findIndex((p) => p.period === ev.latest!.period) + 1);
  const fc = deadline ? forecastToDeadline(upTo, deadline) : null;
  const at0 = fc?.atDeadline;
  if (fc?.forecast.beatsSeasonalNaive && at0 && at0.calibrated && Number.isFinite(at0.value)) {
    const p = tryParsePeriod(at0.period);
    if (p) ahead = { value: at0.value, period: formatPeriodDa(p) };
  }
  return {
    subject,
    area: area.name,
    unit,
    latest: { value: ev.latest.value, period: periodDa(ev.latest.period) },
    yearBefore: at(s.own, before),
    comparison:
      s.comparison && comparisonValue !== null
        ? // The area of the latest period (the chart's label may name two schemes, "RAR … → Region …").
          { name: comparisonArea(c.area, latestP.year)?.name ?? s.comparison.name, value: comparisonValue }
        : null,
    country: at(s.country, ev.latest.period),
    target:
      ev.target !== null && (ev.direction === 'at-most' || ev.direction === 'at-least')
        ? { value: ev.target, direction: ev.direction }
        : null,
    forecast: ahead,
  };
}

/**
 * The draft sentences of a round's statistics-linked indicators, keyed by indicator id: two queries for the
 * whole round (the measures, and the chart histories of the plan), whatever the number of indicators.
 */
export async function draftsForItems(
  db: Kysely<DB>,
  items: readonly { indicator: IndicatorRow & { config: Record<string, unknown> }; evaluation: Evaluation }[],
): Promise<Record<string, string>> {
  const linked = items.filter(
    (i) => typeof (i.indicator.config as { measure?: unknown }).measure === 'string',
  );
  if (linked.length === 0) return {};
  const measures = new Map(
    (
      await measuresByIds(db, [
        ...new Set(linked.map((i) => (i.indicator.config as { measure: string }).measure)),
      ])
    ).map((m) => [m.id, m]),
  );
  const histories = await planHistories(
    db,
    linked.map((i) => i.indicator),
  );
  const out: Record<string, string> = {};
  for (const i of linked) {
    const measure = measures.get((i.indicator.config as { measure: string }).measure);
    const input = draftInputFor(i.indicator, i.evaluation, measure, histories.get(i.indicator.id));
    if (input) out[i.indicator.id] = draftSentence(input);
  }
  return out;
}
