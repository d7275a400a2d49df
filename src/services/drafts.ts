// The adapter from an indicator's evaluation and its statistic to the draft sentence of src/domain/drafts.ts.
import type { Kysely } from 'kysely';
import { findArea } from '../data/areas.ts';
import { findMeasure } from '../db/repositories/statistics.ts';
import type { DB } from '../db/schema.ts';
import { type DraftInput, draftSentence } from '../domain/drafts.ts';
import { forecast } from '../domain/forecast.ts';
import { formatPeriodDa, periodCode, shiftPeriod, tryParsePeriod } from '../domain/periods.ts';
import { type Evaluation, historyOf, type IndicatorRow } from './evaluation.ts';

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
export async function draftInputFor(
  db: Kysely<DB>,
  ind: { kind: string; title: string; config: Record<string, unknown> },
  ev: Evaluation,
  planYearTo: number,
): Promise<DraftInput | null> {
  const c = ind.config as { measure?: string; area?: string; direction?: string };
  if (!c.measure || !c.area || !ev.latest || ev.latest.source === 'indtastet' || !ev.latest.period)
    return null;
  const area = findArea(c.area);
  if (!area) return null;
  const measure = await findMeasure(db, c.measure);
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
  const s = await historyOf(db, ind as IndicatorRow);
  if (!s) return null;
  const at = (points: { period: string; value: number | null }[], code: string) =>
    points.find((p) => p.period === code)?.value ?? null;
  const perYear = { month: 12, quarter: 4, mat: 4, half: 2, year: 1 }[latestP.kind];
  const before = periodCode(shiftPeriod(latestP, -perYear));
  const comparisonValue = s.comparison ? at(s.comparison.points, ev.latest.period) : null;
  // The forecast to the deadline (at most two years ahead), from the monthly series up to the latest value.
  let ahead: DraftInput['forecast'] = null;
  const deadline = tryParsePeriod((c as { deadline?: string }).deadline?.slice(0, 7) ?? '');
  const upTo = s.own.slice(0, s.own.findIndex((p) => p.period === ev.latest!.period) + 1);
  const values = upTo.map((p) => p.value).filter((v): v is number => v !== null);
  if (
    latestP.kind === 'month' &&
    deadline?.kind === 'month' &&
    values.length >= 24 &&
    values.length === upTo.length
  ) {
    const steps = (deadline.year - latestP.year) * 12 + deadline.index - latestP.index;
    if (steps > 0 && steps <= 24) {
      const f = forecast(values, steps, { seasonLength: 12 });
      const last = f.points.at(-1);
      if (last && Number.isFinite(last.value))
        ahead = { value: last.value, period: formatPeriodDa(shiftPeriod(latestP, steps)) };
    }
  }
  return {
    subject,
    area: area.name,
    unit,
    latest: { value: ev.latest.value, period: periodDa(ev.latest.period) },
    yearBefore: at(s.own, before),
    comparison:
      s.comparison && comparisonValue !== null ? { name: s.comparison.name, value: comparisonValue } : null,
    country: at(s.country, ev.latest.period),
    target:
      ev.target !== null && (ev.direction === 'at-most' || ev.direction === 'at-least')
        ? { value: ev.target, direction: ev.direction }
        : null,
    forecast: ahead,
  };
}

export async function draftForIndicator(
  db: Kysely<DB>,
  ind: { kind: string; title: string; config: Record<string, unknown> },
  ev: Evaluation,
  planYearTo: number,
): Promise<string | null> {
  const input = await draftInputFor(db, ind, ev, planYearTo);
  return input ? draftSentence(input) : null;
}
