// The status report ("Status på mål i Beskæftigelsesplanen …") in the layout of seed 002: for each goal,
// målsætning | indikator | status, with baseline, the figures of each status round and the dated status
// texts; a summary of assessments; and a chart for each indicator with a statistical series.
import type { Kysely } from 'kysely';
import { findArea } from '../data/areas.ts';
import type { DB } from '../db/schema.ts';
import { ASSESSMENT_LABELS, ASSESSMENT_ORDER, type AssessmentStatus } from '../domain/assessment.ts';
import type { ComparisonHistory } from '../domain/evaluation/history.ts';
import { formatNumber, formatValue } from '../domain/numbers.ts';
import {
  formatDateDa as danishDate,
  formatPeriodOrDate,
  month,
  periodCode,
  periodOrdinal,
  tryParsePeriod,
} from '../domain/periods.ts';
import { roundIsPublished } from '../domain/visibility.ts';
import type { Actor } from '../services/access.ts';
import { type Evaluation, planHistories } from '../services/evaluation.ts';
import { entriesOfPlan, latestImportsOf, roundsOfPlan } from '../services/lookups.ts';
import { publishedReportSources } from '../services/publish.ts';
import { readRoundView } from '../services/rounds.ts';
import { lineChart } from './charts.ts';
import { type Block, type Cell, cell, type Report } from './model.ts';

function statusLabel(s: string): string {
  return ASSESSMENT_LABELS[s as AssessmentStatus] ?? s;
}

function figure(ev: Evaluation): string {
  const after = ev.afterDeadline
    ? `; efter fristen: ${formatValue(ev.afterDeadline.value, ev.unit, { nbsp: false })} (${formatPeriodOrDate(ev.afterDeadline.period)})`
    : '';
  if (ev.progressText) return `${ev.progressText}${after}`;
  if (!ev.latest) return after.replace(/^; /, '');
  return `${formatValue(ev.latest.value, ev.unit, { nbsp: false })}${ev.latest.period ? ` (${formatPeriodOrDate(ev.latest.period)})` : ''}${after}`;
}

/** Footnote lines for every computed figure: what, periods, areas, formula, source. */
function basisNotes(title: string, ev: Evaluation): string[] {
  return ev.basis
    .filter((b) => b.formula)
    .map(
      (b) =>
        `${title} — ${b.figure}: ${b.formula}${b.periods.filter(Boolean).length ? `; ${b.periods.filter(Boolean).map(formatPeriodOrDate).join(', ')}` : ''}${b.areas.length ? `; ${b.areas.join(', ')}` : ''}${b.source ? `. ${b.source.replace(/\.$/, '')}` : ''}.`,
    );
}

/** The period in a chart's axis that holds a deadline: the month of a monthly series, or the period ending it. */
function deadlinePeriod(periods: readonly string[], deadline: string | undefined): string | undefined {
  if (!deadline) return undefined;
  const [y, m] = deadline.split('-').map(Number);
  const target = periodOrdinal(month(y!, m!));
  const monthCode = periodCode(month(y!, m!));
  if (periods.includes(monthCode)) return monthCode;
  return periods.find((p) => {
    const pp = tryParsePeriod(p);
    return pp && periodOrdinal(pp) === target;
  });
}

export async function buildStatusReport(
  db: Kysely<DB>,
  actor: Actor,
  roundId: string,
  opts: { charts?: boolean } = {},
): Promise<Report> {
  // A published round is built from what was published (its snapshot), never from today's data.
  const data = await readRoundView(db, actor, roundId, { forEditing: false });
  const sources = data.frozen ? await publishedReportSources(db, roundId) : null;
  const { round, plan, goals, items } = data;
  const municipality = findArea(plan.municipality)?.name ?? plan.municipality;
  const period =
    plan.year_from === plan.year_to ? String(plan.year_from) : `${plan.year_from}-${plan.year_to}`;
  // Earlier rounds' texts, up to and including this round, visible to the reader.
  const visible = new Set(
    (sources ? [] : await roundsOfPlan(db, String(plan.id)))
      .filter(
        (r) =>
          r.as_of <= round.as_of &&
          (roundIsPublished(r) || String(r.id) === String(round.id) || !roundIsPublished(data.round)),
      )
      .map((r) => String(r.id)),
  );
  const history = sources
    ? sources.history
    : (await entriesOfPlan(db, String(plan.id))).filter((e) => visible.has(String(e.round_id)));
  const blocks: Block[] = [];
  const footnotes = new Set<string>();
  // Chart series: as published (the snapshot) for a published round, else from today's statistics.
  const histories =
    opts.charts === false
      ? new Map<string, ComparisonHistory>()
      : sources
        ? new Map(Object.entries(sources.series))
        : await planHistories(
            db,
            items.map((i) => i.indicator),
          );

  // Summary of assessments.
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.evaluation.status, (counts.get(i.evaluation.status) ?? 0) + 1);
  const order = ASSESSMENT_ORDER;
  blocks.push({ kind: 'heading', level: 1, text: 'Sammenfatning' });
  blocks.push({
    kind: 'paragraph',
    text: `Planen har ${goals.length} mål med ${items.length} indikatorer. Vurderingen er foretaget pr. ${danishDate(round.as_of)} ud fra den lige vej fra baseline til mål.`,
  });
  blocks.push({
    kind: 'table',
    id: 'sammenfatning',
    caption: 'Tabel 1: Vurdering af indikatorerne',
    columns: [{ header: 'Vurdering' }, { header: 'Antal indikatorer', numeric: true }],
    rows: order
      .filter((s) => counts.has(s))
      .map((s) => [cell(statusLabel(s)), cell(formatNumber(counts.get(s)!), counts.get(s)!)]),
    source: `Måltavle, statusrunde "${round.title}"`,
  });

  let tableNo = 2;
  for (const g of goals) {
    const gi = items.filter((i) => i.indicator.goal_id === String(g.id));
    blocks.push({ kind: 'heading', level: 2, text: `${g.number}. ${g.title}` });
    const rows: Cell[][] = [];
    gi.forEach((i, n) => {
      const ev = i.evaluation;
      const lines: string[] = [];
      for (const e of history.filter((h) => String(h.indicator_id) === i.indicator.id)) {
        const v = e.value !== null ? ` Tal: ${formatValue(e.value, ev.unit, { nbsp: false })}.` : '';
        lines.push(`${e.round_title} (${danishDate(e.as_of)}): ${e.text}${v}`);
      }
      const baseline = ev.baseline
        ? `Baseline: ${formatValue(ev.baseline.value, ev.unit, { nbsp: false })}${ev.baseline.period ? ` (${formatPeriodOrDate(ev.baseline.period)})` : ''}.`
        : '';
      const target = ev.target !== null ? `Mål: ${formatValue(ev.target, ev.unit, { nbsp: false })}.` : '';
      const src = i.indicator.source_note || ev.latest?.source || '';
      if (src) footnotes.add(src);
      for (const note of basisNotes(i.indicator.title, ev)) footnotes.add(note);
      const takes = ev.whatItTakes ? [`Hvad der skal til: ${ev.whatItTakes.text}.`] : [];
      const compared = ev.comparison
        ? [
            `${ev.comparison.name}: ${formatValue(ev.comparison.value, ev.unit, { nbsp: false })} (${ev.comparison.basis}).`,
          ]
        : [];
      if (ev.latest?.source?.startsWith('Kilde:')) footnotes.add(ev.latest.source);
      const consistency =
        ev.consistency && !ev.consistency.consistent
          ? ev.consistency.issues.filter((x) => x.field !== 'direction').map((x) => `Bemærk: ${x.message}`)
          : [];
      rows.push([
        n === 0 ? { text: g.text || g.title } : cell(''),
        {
          text: i.indicator.title,
          lines: [baseline, target, ...compared, ...takes, ...consistency].filter(Boolean),
        },
        {
          text: `${statusLabel(ev.status)}${ev.override ? ' (vurderet manuelt)' : ''}${figure(ev) ? `: ${figure(ev)}` : ''}`,
          value: ev.latest?.value ?? null,
          lines: [
            ...lines,
            ...(ev.override ? [`Begrundelse: ${ev.override.reason}`] : []),
            ...(src ? [`Kilde: ${src.replace(/^Kilde: /, '')}`] : []),
          ],
          bold: false,
        },
      ]);
    });
    blocks.push({
      kind: 'table',
      id: `maal-${g.number}`,
      caption: `Tabel ${tableNo++}: Mål ${g.number}`,
      columns: [
        { header: 'Målsætning', width: 25 },
        { header: 'Indikator', width: 35 },
        { header: 'Status', width: 40 },
      ],
      rows,
      source: [...new Set(gi.map((i) => i.indicator.source_note).filter(Boolean))].join('; ') || 'Måltavle',
    });
    if (opts.charts !== false) {
      for (const i of gi) {
        const s = histories.get(i.indicator.id);
        if (!s || s.own.filter((p) => p.value !== null).length < 2) continue;
        const c = i.indicator.config as { area?: string; deadline?: string };
        const ev = i.evaluation;
        const periods = s.own.map((p) => p.period);
        const atDeadline = deadlinePeriod(periods, c.deadline);
        const series = [
          { name: findArea(c.area ?? '')?.name ?? c.area ?? '', points: s.own, color: '#0b5cad', width: 3 },
          ...(s.comparison?.points.some((p) => p.value !== null)
            ? [
                {
                  name: s.comparison.name,
                  points: s.comparison.points,
                  color: '#6b4c9a',
                  style: 'dashed' as const,
                },
              ]
            : []),
          ...(s.country.some((p) => p.value !== null)
            ? [{ name: 'Hele landet', points: s.country, color: '#555555', style: 'dotted' as const }]
            : []),
          // The target is a point at the deadline, not a line across the years.
          ...(ev.target !== null && i.indicator.kind === 'niveau' && atDeadline
            ? [
                {
                  name: `Mål (${formatPeriodOrDate(atDeadline)})`,
                  points: [{ period: atDeadline, value: ev.target }],
                  color: '#1a7f37',
                  symbol: 'diamond' as const,
                },
              ]
            : []),
        ];
        const chart = lineChart(series, { unit: s.unit === 'pct.' ? 'pct.' : s.unit });
        const source = `${s.source.replace(/\.?$/, '.')} ${s.basis}`;
        blocks.push({ kind: 'figure', caption: `Figur: ${i.indicator.title}`, ...chart, source });
      }
    }
  }
  // A published round names the fetches it was published with; a draft the newest ones.
  const imports: { id: string; source: string; started_at: Date | string }[] = sources
    ? [...sources.imports]
    : [];
  if (!sources)
    for (const im of await latestImportsOf(db, [
      ...new Set(
        items
          .map((i) => (i.indicator.config as { measure?: string }).measure)
          .filter((m): m is string => !!m),
      ),
    ]))
      if (!imports.some((x) => x.id === im.id)) imports.push(im);
  const fetchLines = imports.map(
    (im) =>
      `Statistikken (${im.source}) er hentet ${danishDate(new Date(im.started_at))} (import nr. ${im.id}).`,
  );
  return {
    title: `Status på mål i Beskæftigelsesplanen ${period}`,
    subtitle: `${municipality} Kommune · ${round.title}`,
    meta: [
      `Plan: ${plan.title}`,
      `Statusrunde: ${round.title}, pr. ${danishDate(round.as_of)}${round.status === 'udkast' ? ' (UDKAST)' : ''}`,
      ...(fetchLines.length
        ? fetchLines
        : ['Tallene i rapporten er indtastet fra kildedokumenterne; der er ikke brugt hentet statistik.']),
      `Dannet ${danishDate(new Date())} af Måltavle.`,
    ],
    blocks,
    footnotes: [...footnotes],
  };
}
