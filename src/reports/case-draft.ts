// The committee case draft for deciding result levels (seed 004's shape): sagsfremstilling with each goal's
// proposed level and its justification, økonomiske konsekvenser, indstilling. Rendered as Word.
import type { Kysely } from 'kysely';
import { findArea } from '../data/areas.ts';
import type { DB } from '../db/schema.ts';
import { todayInCopenhagen } from '../domain/dates.ts';
import { evaluationDate } from '../domain/evaluation/as-of.ts';
import { formatNumber } from '../domain/numbers.ts';
import { formatDateDa as danishDate } from '../domain/periods.ts';
import type { Actor } from '../services/access.ts';
import { evaluateIndicators } from '../services/evaluation.ts';
import { readPlan } from '../services/plans.ts';
import type { Block, Report } from './model.ts';
import { valueText } from './status-report.ts';

export async function buildCaseDraft(
  db: Kysely<DB>,
  actor: Actor,
  planId: string,
  opts: { committee?: string; meetingDate?: string } = {},
): Promise<Report> {
  const { plan, goals, indicators } = await readPlan(db, actor, planId);
  const municipality = findArea(plan.municipality)?.name ?? plan.municipality;
  const today = todayInCopenhagen();
  const evaluations = await evaluateIndicators(db, plan, indicators, new Map(), evaluationDate(plan));
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: 'Sagsfremstilling' },
    {
      kind: 'paragraph',
      text: `${plan.title} indeholder ${goals.length} mål. Forvaltningen foreslår nedenstående resultatniveauer for de enkelte mål. Det enkelte niveau er begrundet nedenfor.`,
    },
  ];
  for (const g of goals) {
    blocks.push({ kind: 'heading', level: 2, text: `Mål ${g.number}: ${g.title}` });
    for (const ind of indicators.filter((i) => i.goal_id === String(g.id))) {
      const ev = evaluations.get(ind.id)!;
      const level =
        ev.target !== null
          ? `Foreslået resultatniveau: ${ev.direction === 'at-least' ? 'mindst' : 'højst'} ${valueText(ev.target, ev.unit)}${ev.baseline ? ` (baseline ${valueText(ev.baseline.value, ev.unit)})` : ''}.`
          : 'Resultatniveauet fastlægges senere.';
      blocks.push({ kind: 'paragraph', text: `${ind.title} ${level}` });
      if (ev.consistency && !ev.consistency.consistent) {
        blocks.push({
          kind: 'paragraph',
          style: 'small',
          text: `Bemærk: ${ev.consistency.issues
            .filter((x) => x.field !== 'direction')
            .map((x) => x.message)
            .join(' ')}`,
        });
      }
      if (ev.latest)
        blocks.push({
          kind: 'paragraph',
          style: 'small',
          text: `Seneste status: ${valueText(ev.latest.value, ev.unit)}. ${ev.latest.source}.`,
        });
    }
    if (g.text) blocks.push({ kind: 'paragraph', text: `Begrundelse: ${g.text}` });
  }
  blocks.push(
    { kind: 'heading', level: 1, text: 'Økonomiske konsekvenser' },
    { kind: 'paragraph', text: 'Opgaven løses inden for rammen.' },
  );
  blocks.push(
    { kind: 'heading', level: 1, text: 'Beslutningskompetence' },
    { kind: 'paragraph', text: 'Kommunalbestyrelsen.' },
  );
  blocks.push(
    { kind: 'heading', level: 1, text: 'Indstilling' },
    {
      kind: 'paragraph',
      text: `Forvaltningen foreslår, at resultatniveauerne for målene i ${plan.title} anvendes, og at der følges op på målene kvartalsvis.`,
    },
  );
  return {
    title: `${plan.title} – fastlæggelse af resultatniveauer`,
    subtitle: `${municipality} Kommune${opts.committee ? ` · ${opts.committee}` : ''}`,
    meta: [
      `Udkast til sagsfremstilling, dannet ${danishDate(today)}${opts.meetingDate ? ` til mødet ${danishDate(opts.meetingDate)}` : ''}.`,
      `Antal mål: ${formatNumber(goals.length)}.`,
    ],
    blocks,
    footnotes: [...new Set(indicators.map((i) => i.source_note).filter(Boolean))],
  };
}
