// Indicator kinds and their settings. Shared by the server (validation) and the web app (forms).
import { z } from 'zod';
import { formatNumber } from './numbers.ts';

export const INDICATOR_KINDS = ['niveau', 'andel', 'placering', 'benchmark', 'optælling', 'milepæl'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = {
  niveau: 'Niveau (en statistik for kommunen)',
  andel: 'Andel (to statistikker eller indtastet)',
  placering: 'Placering blandt de 98 kommuner',
  benchmark: 'Benchmark (under lands- eller områdegennemsnittet)',
  optælling: 'Optælling (tal indtastet mod et mål)',
  milepæl: 'Milepæl (kvalitativ handling)',
};

/** Upper bounds that catch a slip of the keyboard (10^12 typed for 1.000), far above any municipality's figure. */
const MAX_LEVEL = 10_000_000;
const MAX_COUNT = 1_000_000;
/** How far after the plan period a deadline may lie. */
const DEADLINE_YEARS_AFTER = 10;

/** A real calendar date in ISO form (2021-02-30 is refused). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

// Each rule carries its Danish message, so a user never meets zod's English defaults.
const num = (what: string) =>
  z.number({
    error: (iss) => (iss.input === undefined ? `${what} skal udfyldes.` : `${what} skal være et tal.`),
  });
/** `neuter` for Danish agreement: "Måltallet … negativt / stort", "Baseline … negativ / stor". */
const level = (what: string, neuter = false) =>
  num(what)
    .min(0, `${what} kan ikke være ${neuter ? 'negativt' : 'negativ'}.`)
    .max(MAX_LEVEL, `${what} er urimeligt ${neuter ? 'stort' : 'stor'} (højst ${formatNumber(MAX_LEVEL)}).`);
const share = (what: string) =>
  num(what).min(0, `${what} skal være mellem 0 og 100 %.`).max(100, `${what} skal være mellem 0 og 100 %.`);
const whole = (what: string) => num(what).int(`${what} skal være et helt tal.`);
const rank = (what: string) =>
  whole(what).min(1, `${what} skal være mellem 1 og 98.`).max(98, `${what} skal være mellem 1 og 98.`);
const text = (what: string) =>
  z
    .string({ error: `${what} skal udfyldes.` })
    .trim()
    .min(1, `${what} skal udfyldes.`);
const isoDate = (what: string) =>
  z.string({ error: `${what} skal udfyldes.` }).superRefine((s, ctx) => {
    const message =
      s === ''
        ? `${what} skal udfyldes.`
        : !/^\d{4}-\d{2}-\d{2}$/.test(s)
          ? `${what} skal være en dato (ÅÅÅÅ-MM-DD).`
          : !isRealDate(s)
            ? `${what} er ikke en rigtig dato.`
            : null;
    if (message) ctx.addIssue({ code: 'custom', message });
  });
const direction = z.enum(['at-most', 'at-least'], { error: 'Vælg om lavere eller højere er bedre.' });
const rankDirection = z.enum(['lower', 'higher'], { error: 'Vælg om lavere eller højere er bedre.' });

/** A target as the plan states it; the consistency check compares the parts that are given. */
const target = z
  .object(
    {
      kind: z.enum(['absolute', 'relative', 'persons'], { error: 'Angiv et måltal eller en ændring.' }),
      /** Target level for 'absolute'; also the stated level when a plan gives both. */
      value: level('Måltallet', true).optional(),
      /** Signed percentage change for 'relative' (−20 = fall of 20 %). */
      pct: num('Ændringen i procent')
        .min(-100, 'Et fald kan højst være 100 %.')
        .max(1000, 'Ændringen i procent er urimeligt stor (højst 1.000 %).')
        .optional(),
      pctDecimals: z.number().int().min(0).max(3).optional(),
      /** Signed change in persons for 'persons' (−107). */
      persons: num('Ændringen i personer')
        .min(-MAX_LEVEL, 'Ændringen i personer er urimeligt stor.')
        .max(MAX_LEVEL, 'Ændringen i personer er urimeligt stor.')
        .optional(),
    },
    { error: 'Angiv et måltal eller en ændring.' },
  )
  .refine((t) => t.value !== undefined || t.pct !== undefined || t.persons !== undefined, {
    message: 'Angiv et måltal, en ændring i procent eller en ændring i personer.',
    path: ['value'],
  });

/** Why the level was chosen, for the committee case draft ("Begrundelse"). */
const justification = z.string().max(5000, 'Begrundelsen må højst have 5.000 tegn.').optional();

export const NiveauConfig = z.object({
  /** The statistic; without it the value is entered in each status round (figures the data set lacks). */
  measure: z.string().min(1).optional(),
  area: text('Området'),
  baselinePeriod: text('Baselineperioden'),
  /** Entered baseline when the statistics lack it (with the seed or document as source). */
  baselineValue: level('Baseline').optional(),
  target,
  direction,
  deadline: isoDate('Fristen'),
  justification,
});

export const AndelConfig = z.object({
  mode: z.enum(['rate', 'manual']),
  numerator: z.string().optional(),
  denominator: z.string().optional(),
  area: z.string().optional(),
  baselineValue: share('Baseline').optional(),
  baselineDate: isoDate('Baselinedatoen').optional(),
  /** Not yet decided when absent (Lyngby-Taarbæk goal 8: "X pct."). */
  targetValue: share('Målet').optional(),
  direction,
  deadline: isoDate('Fristen'),
  justification,
});

export const PlaceringConfig = z.object({
  /** The statistic ranked; without it the rank is entered in each status round. */
  measure: z.string().min(1).optional(),
  denominator: z.string().optional(),
  area: text('Området'),
  direction: rankDirection,
  baselineRank: rank('Placeringen ved start').optional(),
  baselinePeriod: z.string().optional(),
  targetRank: rank('Målet for placering'),
  deadline: isoDate('Fristen'),
  justification,
});

export const BenchmarkConfig = z.object({
  measure: text('Statistikken'),
  denominator: z.string().optional(),
  area: text('Området'),
  compareWith: z.enum(['land', 'sammenligningsområde'], { error: 'Vælg hvad der sammenlignes med.' }),
  direction: rankDirection,
  deadline: isoDate('Fristen'),
  justification,
});

export const OptaellingConfig = z.object({
  target: whole('Målet')
    .min(1, 'Målet skal være mindst 1.')
    .max(MAX_COUNT, `Målet er urimeligt stort (højst ${formatNumber(MAX_COUNT)}).`),
  unit: text('Enheden'),
  startDate: isoDate('Startdatoen'),
  deadline: isoDate('Fristen'),
  justification,
});

export const MilepaelConfig = z.object({
  deadline: isoDate('Fristen').optional(),
  justification,
});

export const CONFIG_SCHEMAS = {
  niveau: NiveauConfig,
  andel: AndelConfig,
  placering: PlaceringConfig,
  benchmark: BenchmarkConfig,
  optælling: OptaellingConfig,
  milepæl: MilepaelConfig,
} as const;

export type NiveauConfig = z.infer<typeof NiveauConfig>;
export type AndelConfig = z.infer<typeof AndelConfig>;
export type PlaceringConfig = z.infer<typeof PlaceringConfig>;
export type BenchmarkConfig = z.infer<typeof BenchmarkConfig>;
export type OptaellingConfig = z.infer<typeof OptaellingConfig>;
export type MilepaelConfig = z.infer<typeof MilepaelConfig>;

/** A field's Danish error, with the path of the field (as in the API's 400 answers). */
export interface FieldError {
  path: string;
  message: string;
}

/** The plan period an indicator's dates are checked against. */
export interface PlanPeriod {
  yearFrom: number;
  yearTo: number;
}

type Result = { success: true; data: Record<string, unknown> } | { success: false; fields: FieldError[] };

/**
 * Validates an indicator's settings for its kind: types and bounds per kind (shares 0–100 %, counts whole,
 * ranks 1–98, levels not absurd), and, given the plan period, dates: a deadline inside or after the
 * period (at most 10 years after), a start or baseline date before the deadline.
 * Every message is Danish; `path` is "config.<field>".
 */
export function validateConfig(kind: IndicatorKind, config: unknown, period?: PlanPeriod): Result {
  const r = CONFIG_SCHEMAS[kind].safeParse(config);
  const fields: FieldError[] = r.success
    ? []
    : r.error.issues.map((i) => ({
        path: ['config', ...i.path.map(String)].join('.'),
        message: i.message,
      }));
  // The dates are checked against the plan and each other even when other fields are wrong, so the user
  // sees every error at once; a date that is itself wrong has its message above already.
  const raw = (config && typeof config === 'object' ? config : {}) as Record<string, unknown>;
  const date = (k: string) =>
    typeof raw[k] === 'string' &&
    isRealDate(raw[k] as string) &&
    !fields.some((f) => f.path === `config.${k}`)
      ? (raw[k] as string)
      : undefined;
  const deadline = date('deadline');
  if (deadline && period) {
    if (deadline < `${period.yearFrom}-01-01`)
      fields.push({
        path: 'config.deadline',
        message: `Fristen skal ligge i planperioden (${periodText(period)}) eller senere.`,
      });
    else if (deadline > `${period.yearTo + DEADLINE_YEARS_AFTER}-12-31`)
      fields.push({
        path: 'config.deadline',
        message: `Fristen må højst ligge ${DEADLINE_YEARS_AFTER} år efter planperioden (${periodText(period)}).`,
      });
  }
  for (const [key, label] of [
    ['startDate', 'Startdatoen'],
    ['baselineDate', 'Baselinedatoen'],
  ] as const) {
    const d = date(key);
    if (d && deadline && d > deadline)
      fields.push({ path: `config.${key}`, message: `${label} skal ligge før fristen.` });
  }
  if (fields.length || !r.success) return { success: false, fields };
  return { success: true, data: r.data as Record<string, unknown> };
}

const periodText = (p: PlanPeriod) =>
  p.yearFrom === p.yearTo ? String(p.yearFrom) : `${p.yearFrom}–${p.yearTo}`;
