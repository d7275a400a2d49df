// The status report ("Status på mål i Beskæftigelsesplanen …") in the layout of seed 002: for each goal,
// målsætning | indikator | status, with baseline, the figures of each status round and the dated status
// texts; a summary of assessments; and a chart for each indicator with a statistical series.
import type { Kysely } from 'kysely';
import { findArea } from '../data/areas.ts';
import { entriesOfPlan } from '../db/repositories/plans.ts';
import { latestImportOf } from '../db/repositories/statistics.ts';
import type { DB } from '../db/schema.ts';
import { ASSESSMENT_LABELS, type AssessmentStatus } from '../domain/assessment.ts';
import { formatNumber, formatPercent } from '../domain/numbers.ts';
import { formatDateDa as danishDate, formatPeriodDa, tryParsePeriod } from '../domain/periods.ts';
import type { Actor } from '../services/access.ts';
import { comparisonSeries, type Evaluation } from '../services/evaluate.ts';
import { publishedReportSources } from '../services/publish.ts';
import { readRoundView } from '../services/rounds.ts';
import { lineChart } from './charts.ts';
import { type Block, type Cell, cell, type Report } from './model.ts';

function periodText(code: string | null | undefined): string {
  if (!code) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(code)) return danishDate(code);
  const p = tryParsePeriod(code);
  return p ? formatPeriodDa(p) : code;
}

export function valueText(v: number | null | undefined, unit: string): string {
  if (v === null || v === undefined) return '–';
  if (unit === 'pct.' || unit === 'procentpoint') return formatPercent(v, { decimals: 1, nbsp: false });
  if (unit === 'placering') return `nr. ${formatNumber(v)}`;
  return formatNumber(v, { decimals: Number.isInteger(v) ? 0 : 1 });
}

function statusLabel(s: string): string {
  return ASSESSMENT_LABELS[s as AssessmentStatus] ?? s;
}

function figure(ev: Evaluation): string {
  if (ev.progressText) return ev.progressText;
  if (!ev.latest) return '';
  return `${valueText(ev.latest.value, ev.unit)}${ev.latest.period ? ` (${periodText(ev.latest.period)})` : ''}`;
}

export async function buildStatusReport(
  db: Kysely<DB>,
  actor: Actor,
  roundId: string,
  opts: { charts?: boolean } = {},
): Promise<Report> {
  // A published round is built from what was published (its snapshot), never from today's data.
  const data = await readRoundView(db, actor, roundId);
  const sources = data.frozen ? await publishedReportSources(db, roundId) : null;
  const { round, plan, goals, items } = data;
  const municipality = findArea(plan.municipality)?.name ?? plan.municipality;
  const period =
    plan.year_from === plan.year_to ? String(plan.year_from) : `${plan.year_from}-${plan.year_to}`;
  // Earlier rounds' texts, up to and including this round, visible to the reader.
  const visible = new Set(
    (sources
      ? []
      : await db
          .selectFrom('status_rounds')
          .select(['id', 'status', 'as_of'])
          .where('plan_id', '=', String(plan.id))
          .execute()
    )
      .filter(
        (r) =>
          r.as_of <= round.as_of &&
          (r.status === 'offentliggjort' ||
            String(r.id) === String(round.id) ||
            data.round.status === 'udkast'),
      )
      .map((r) => String(r.id)),
  );
  const history = sources
    ? sources.history
    : (await entriesOfPlan(db, String(plan.id))).filter((e) => visible.has(String(e.round_id)));
  const blocks: Block[] = [];
  const footnotes = new Set<string>();

  // Summary of assessments.
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.evaluation.status, (counts.get(i.evaluation.status) ?? 0) + 1);
  const order: AssessmentStatus[] = [
    'opfyldt',
    'på rette vej',
    'i risiko',
    'ikke på rette vej',
    'ikke opfyldt',
    'kan ikke vurderes',
  ];
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
        const v = e.value !== null ? ` Tal: ${valueText(e.value, ev.unit)}.` : '';
        lines.push(`${e.round_title} (${danishDate(e.as_of)}): ${e.text}${v}`);
      }
      const baseline = ev.baseline
        ? `Baseline: ${valueText(ev.baseline.value, ev.unit)}${ev.baseline.period ? ` (${periodText(ev.baseline.period)})` : ''}.`
        : '';
      const target = ev.target !== null ? `Mål: ${valueText(ev.target, ev.unit)}.` : '';
      const src = i.indicator.source_note || ev.latest?.source || '';
      if (src) footnotes.add(src);
      if (ev.latest?.source?.startsWith('Kilde:')) footnotes.add(ev.latest.source);
      const consistency =
        ev.consistency && !ev.consistency.consistent
          ? ev.consistency.issues.filter((x) => x.field !== 'direction').map((x) => `Bemærk: ${x.message}`)
          : [];
      rows.push([
        n === 0 ? { text: g.text || g.title } : cell(''),
        { text: i.indicator.title, lines: [baseline, target, ...consistency].filter(Boolean) },
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
        const c = i.indicator.config as { measure?: string; area?: string };
        if (!c.measure || !c.area || !(i.indicator.kind === 'niveau' || i.indicator.kind === 'benchmark'))
          continue;
        const s = sources
          ? sources.series[i.indicator.id]
          : await comparisonSeries(db, c.measure, c.area, plan.year_to);
        if (!s || s.own.filter((p) => p.value !== null).length < 2) continue;
        const ev = i.evaluation;
        const series = [
          { name: findArea(c.area)?.name ?? c.area, points: s.own, color: '#0b5cad', width: 3 },
          ...(s.comparison?.points.length
            ? [
                {
                  name: s.comparison.name,
                  points: s.comparison.points,
                  color: '#6b4c9a',
                  style: 'dashed' as const,
                },
              ]
            : []),
          ...(s.country.length && !['fuldtidspersoner', 'personer', 'fuldtidsmodtagere'].includes(ev.unit)
            ? [{ name: 'Hele landet', points: s.country, color: '#555555', style: 'dotted' as const }]
            : []),
          ...(ev.target !== null
            ? [
                {
                  name: 'Mål',
                  points: s.own.map((p) => ({ period: p.period, value: ev.target })),
                  color: '#1a7f37',
                  width: 1,
                },
              ]
            : []),
          ...(ev.baseline
            ? [
                {
                  name: 'Baseline',
                  points: s.own.map((p) => ({ period: p.period, value: ev.baseline!.value })),
                  color: '#b35900',
                  width: 1,
                  style: 'dashed' as const,
                },
              ]
            : []),
        ];
        const chart = lineChart(series);
        const source = ev.latest?.source ?? '';
        blocks.push({ kind: 'figure', caption: `Figur: ${i.indicator.title}`, ...chart, source });
      }
    }
  }
  const imports: NonNullable<Awaited<ReturnType<typeof latestImportOf>>>[] = sources
    ? [...sources.imports]
    : [];
  for (const measure of new Set(
    items.map((i) => (i.indicator.config as { measure?: string }).measure).filter((m): m is string => !!m),
  )) {
    if (sources) break;
    const im = await latestImportOf(db, measure);
    if (im && !imports.some((x) => x.id === im.id)) imports.push(im);
  }
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
