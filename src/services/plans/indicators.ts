// Indicators of a goal: add, edit, delete (archived instead when published rounds refer to them), evaluate
// one on its own, and the indicator page (history, comparison, forecast, earlier status texts).
import type { Evaluation, Indicator, IndicatorHistory, IndicatorInput } from '../../contract/plans.ts';
import * as created from '../../db/repositories/idempotency.ts';
import * as plans from '../../db/repositories/plans.ts';
import * as roundRepo from '../../db/repositories/rounds.ts';
import { evaluationDate } from '../../domain/evaluation/as-of.ts';
import { probabilityOfReaching } from '../../domain/forecast.ts';
import { forecastToDeadline } from '../../domain/forecast-deadline.ts';
import { validateConfig } from '../../domain/indicators.ts';
import { formatDateDa } from '../../domain/periods.ts';
import { type Actor, requireMember } from '../access.ts';
import { badRequest, conflict } from '../errors.ts';
import { evaluateIndicators, evaluateWithHistory } from '../evaluation.ts';
import { createOnce } from '../idempotent.ts';
import { publishedEvaluation } from '../visibility.ts';
import { readPlan } from './plans.ts';
import { presentEvaluation, presentIndicator, presentPlan } from './present.ts';
import { type Db, editorWrite, loadGoal, loadIndicator, loadPlan } from './write.ts';

/** The indicator's settings checked for its kind and the plan period; Danish errors per field. */
function checkConfig(input: IndicatorInput, plan: { year_from: number; year_to: number }) {
  const r = validateConfig(input.kind, input.config, { yearFrom: plan.year_from, yearTo: plan.year_to });
  if (!r.success)
    throw badRequest(`Indikatoren er ikke udfyldt rigtigt: ${r.fields.map((f) => f.message).join(' ')}`, {
      fields: r.fields,
    });
  return r.data;
}

export async function addIndicator(
  db: Db,
  actor: Actor,
  goalId: string,
  input: IndicatorInput,
  key?: string,
): Promise<Indicator> {
  return editorWrite(
    db,
    actor,
    (trx) => loadGoal(trx, goalId),
    async ({ trx, user, audit }, { plan }) => {
      const config = checkConfig(input, plan);
      const ind = await createOnce(
        trx,
        key,
        user.id,
        'indikator',
        (id) => created.findIndicatorRow(trx, id),
        async () => {
          const ind = await plans.insertIndicator(trx, goalId, { ...input, config });
          await audit('opret', 'indikator', String(ind.id), null, input);
          return ind;
        },
      );
      return presentIndicator(ind);
    },
  );
}

export async function updateIndicator(
  db: Db,
  actor: Actor,
  id: string,
  revision: number,
  input: IndicatorInput,
): Promise<Indicator> {
  return editorWrite(
    db,
    actor,
    (trx) => loadIndicator(trx, id),
    async ({ trx, audit }, before) => {
      const config = checkConfig(input, await loadPlan(trx, String(before.plan_id)));
      const after = await plans.updateIndicator(trx, id, revision, { ...input, config });
      if (!after)
        throw conflict('Indikatoren er ændret af en anden, siden du åbnede den.', {
          yours: input,
          theirs: before,
        });
      await audit('ret', 'indikator', id, before, after);
      return presentIndicator(after);
    },
  );
}

export async function deleteIndicator(db: Db, actor: Actor, id: string): Promise<void> {
  await editorWrite(
    db,
    actor,
    (trx) => loadIndicator(trx, id),
    async ({ trx, audit }, before) => {
      if (await roundRepo.hasPublishedEntries(trx, { indicatorId: id })) {
        await roundRepo.archiveIndicator(trx, id);
        await audit('arkivér', 'indikator', id, before, null);
        return;
      }
      await plans.deleteIndicator(trx, id);
      await audit('slet', 'indikator', id, before, null);
    },
  );
}

/** Evaluates an indicator on its own (for the editor's live check and the indicator page). */
export async function evaluateOne(db: Db, actor: Actor, id: string, asOf?: string): Promise<Evaluation> {
  const ind = await loadIndicator(db, id);
  const { plan, rounds } = await readPlan(db, actor, String(ind.plan_id));
  // A computed assessment outside a published round is the municipality's own.
  requireMember(actor, ind.municipality);
  const date = asOf ?? evaluationDate(plan, rounds.at(-1)?.as_of);
  return presentEvaluation((await evaluateIndicators(db, plan, [ind], new Map(), date)).get(ind.id)!);
}

/** The indicator page: history with comparison area and country, target path, forecast, earlier status texts. */
export async function indicatorHistory(db: Db, actor: Actor, id: string): Promise<IndicatorHistory> {
  const ind = await loadIndicator(db, id);
  const full = await readPlan(db, actor, String(ind.plan_id));
  const visible = new Set(full.rounds.map((r) => String(r.id)));
  const own = (await plans.entriesOfPlan(db, String(ind.plan_id))).filter(
    (e) => String(e.indicator_id) === id && visible.has(String(e.round_id)),
  );
  const texts = own.map((e) => ({
    round: e.round_title,
    asOf: e.as_of,
    text: e.text,
    value: e.value,
    status: e.round_status,
  }));
  const asOf = evaluationDate(full.plan, full.rounds.at(-1)?.as_of);
  const { evaluation, history } = await evaluateWithHistory(db, full.plan, ind, own.at(-1) ?? null, asOf);
  const config = ind.config as { measure?: string; area?: string; deadline?: string };
  let forecast: IndicatorHistory['forecast'] = [];
  let forecastMethod: IndicatorHistory['forecastMethod'] = null;
  let probability: number | null = null;
  // Why no forecast is drawn, in Danish for the page (null when there is one, or no series at all).
  let forecastAbsent: string | null = null;
  if (history && config.deadline) {
    // Calendar-aligned (holes stay holes), to the deadline without a cap; method chosen by backtest.
    const fc = forecastToDeadline(history.own, config.deadline);
    if (fc && !fc.atDeadline) {
      // The data already reach the deadline: there is nothing left to forecast.
      forecastAbsent = `Der vises ingen fremskrivning, fordi der allerede er tal til og med fristen ${formatDateDa(config.deadline)}.`;
    } else if (!fc) {
      forecastAbsent =
        'Der vises ingen fremskrivning: serien har for få tal (mindst 12 perioder) eller er hverken måneds- eller kvartalstal.';
    } else {
      forecast = fc.points.map((p) => ({
        period: p.period,
        value: p.value,
        lower: p.lower,
        upper: p.upper,
        calibrated: p.calibrated,
      }));
      const f = fc.forecast;
      forecastMethod = {
        method: f.method,
        label: f.methodLabel,
        beatsSeasonalNaive: f.beatsSeasonalNaive,
        backtestMape: f.backtest.mape,
        seasonalNaiveMape: f.backtest.seasonalNaiveMape,
        calibratedHorizon: f.calibratedHorizon,
        notes: f.notes,
      };
      if (evaluation.target !== null && evaluation.direction && fc.atDeadline) {
        probability = probabilityOfReaching(fc.atDeadline, evaluation.target, evaluation.direction);
      }
    }
  }
  return {
    indicator: presentIndicator(ind),
    plan: presentPlan(full.plan),
    // Outside the municipality: the assessment as published, never a computed one of a draft.
    evaluation: presentEvaluation(
      full.member ? evaluation : await publishedEvaluation(db, full.rounds, id, evaluation),
    ),
    history,
    forecast,
    forecastMethod,
    forecastAbsent,
    probability: full.member ? probability : null,
    texts,
  };
}
