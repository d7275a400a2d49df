// The committee case draft for deciding result levels (seed 004's shape): sagsfremstilling with each goal's
// proposed level and its justification, økonomiske konsekvenser, indstilling. Rendered as Word.
import type { Kysely } from 'kysely';
import { findArea } from '../data/areas.ts';
import type { DB } from '../db/schema.ts';
import { todayInCopenhagen } from '../domain/dates.ts';
import { evaluationDate } from '../domain/evaluation/as-of.ts';
import { formatNumber, formatPercent, formatValue, isPercentUnit } from '../domain/numbers.ts';
import { formatDateDa as danishDate } from '../domain/periods.ts';
import type { Actor } from '../services/access.ts';
import { evaluateIndicators } from '../services/evaluation.ts';
import { readPlan } from '../services/plans.ts';
import type { Block, Report } from './model.ts';

/** What the level phrase needs: the indicator's kind and settings, and the evaluated target and baseline. */
export interface LevelInput {
  kind: string;
  config: Record<string, unknown>;
  target: number | null;
  baseline: number | null;
  unit: string;
}

const withUnit = (v: number, unit: string) => {
  const t = formatValue(v, unit, { nbsp: false });
  return unit && !isPercentUnit(unit) && unit !== 'placering' ? `${t} ${unit}` : t;
};
const pctText = (p: number) =>
  formatPercent(Math.abs(p), { decimals: Number.isInteger(p) ? 0 : 1, nbsp: false });

/**
 * The proposed result level in words that follow the direction of better: "mindst 600 besøg" for a count
 * that must be reached, "højst 428" for a level that must fall, "et fald på mindst 20 % … til højst 428",
 * "højst en stigning på 5 % … til højst 1.050". Null when no level is set yet.
 */
export function resultLevelPhrase(l: LevelInput): string | null {
  const c = l.config;
  switch (l.kind) {
    case 'optælling':
      return typeof c.target === 'number' ? `mindst ${withUnit(c.target, String(c.unit ?? ''))}` : null;
    case 'milepæl':
      return typeof c.deadline === 'string' ? `gennemført senest ${danishDate(c.deadline)}` : 'gennemført';
    case 'placering':
      return typeof c.targetRank === 'number'
        ? `nr. ${formatNumber(c.targetRank)} eller bedre blandt de 98 kommuner`
        : null;
    case 'benchmark': {
      const below = c.direction !== 'higher';
      const where =
        c.compareWith === 'sammenligningsområde' ? 'sammenligningsområdets gennemsnit' : 'landsgennemsnittet';
      return `${below ? 'under' : 'over'} ${where}`;
    }
  }
  if (l.target === null) return null;
  const atMost = c.direction !== 'at-least';
  const bound = `${atMost ? 'højst' : 'mindst'} ${withUnit(l.target, l.unit)}`;
  const t = (typeof c.target === 'object' && c.target ? c.target : {}) as { pct?: number; persons?: number };
  const change =
    t.pct ?? (t.persons !== undefined && l.baseline ? (t.persons / l.baseline) * 100 : undefined);
  if (l.kind !== 'niveau' || change === undefined || change === 0) return bound;
  const persons =
    t.persons !== undefined
      ? Math.abs(t.persons)
      : l.baseline !== null
        ? Math.abs(l.target - l.baseline)
        : null;
  const size = `${t.pct !== undefined ? pctText(t.pct) : ''}${t.pct !== undefined && persons !== null ? ` (${withUnit(persons, l.unit)})` : t.pct === undefined && persons !== null ? withUnit(persons, l.unit) : ''}`;
  // Without a baseline from the statistics, the plan's own figures give it: target − change in persons.
  const baseline = l.baseline ?? (t.persons !== undefined ? l.target - t.persons : null);
  const from = baseline !== null ? ` fra ${withUnit(baseline, l.unit)}` : '';
  if (change < 0)
    return atMost
      ? `et fald på mindst ${size}${from} til ${bound}`
      : `højst et fald på ${size}${from} til ${bound}`;
  return atMost
    ? `højst en stigning på ${size}${from} til ${bound}`
    : `en stigning på mindst ${size}${from} til ${bound}`;
}

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
      text: `${plan.title} indeholder ${goals.length} mål. Forvaltningen foreslår nedenstående resultatniveauer for de enkelte mål.${indicators.some((i) => justificationOf(i.config)) ? ' Niveauerne er begrundet under de enkelte mål.' : ''}`,
    },
  ];
  for (const g of goals) {
    blocks.push({ kind: 'heading', level: 2, text: `Mål ${g.number}: ${g.title}` });
    for (const para of paragraphs(g.text)) blocks.push({ kind: 'paragraph', text: para });
    for (const ind of indicators.filter((i) => i.goal_id === String(g.id))) {
      const ev = evaluations.get(ind.id)!;
      const phrase = resultLevelPhrase({
        kind: ind.kind,
        config: ind.config,
        target: ev.target,
        baseline: ev.baseline?.value ?? null,
        unit: ev.unit,
      });
      const level = phrase
        ? `Foreslået resultatniveau: ${phrase}${ev.baseline && ind.kind !== 'niveau' ? ` (baseline ${formatValue(ev.baseline.value, ev.unit, { nbsp: false })})` : ''}.`
        : 'Resultatniveauet fastlægges senere.';
      blocks.push({ kind: 'paragraph', text: `${ind.title.replace(/[.:]?$/, '.')} ${level}` });
      const why = justificationOf(ind.config);
      if (why) {
        const [first, ...rest] = paragraphs(why);
        blocks.push({ kind: 'paragraph', text: `Begrundelse: ${first}` });
        for (const para of rest) blocks.push({ kind: 'paragraph', text: para });
      }
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
          text: `Seneste status: ${formatValue(ev.latest.value, ev.unit, { nbsp: false })}. ${ev.latest.source}.`,
        });
    }
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

const justificationOf = (config: Record<string, unknown>) =>
  typeof config.justification === 'string' ? config.justification.trim() : '';

/** A text's paragraphs (separated by blank lines or single line breaks), trimmed, without empty ones. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
