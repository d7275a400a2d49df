// "Each rule in one home" (issue 14 item 4) as a check: the assessment statuses, the count units, the
// benefit groups, the visibility of plans and rounds, Danish formatting and "today" are each defined in one
// file; a second definition anywhere in src/ or web/src/ is a violation. Used by one-home.test.ts on the
// real tree and on planted copies.
import type { SourceFile, Violation } from './layers.ts';

const STATUSES = [
  'opfyldt',
  'på rette vej',
  'i risiko',
  'ikke på rette vej',
  'ikke opfyldt',
  'kan ikke vurderes',
  'ikke vurderet',
];
const BENEFIT_GROUP_IDS = [
  'a-dagpenge',
  'sygedagpenge',
  'fleksjob',
  'uddannelseshjaelp',
  'kontanthjaelp',
  'jobafklaring',
  'revalidering',
  'ressourceforloeb',
  'ledighedsydelse',
  'foertidspension',
];
const COUNT_UNIT = `(?:fuldtidspersoner|personer|fuldtidsmodtagere|antal)`;

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the text lists several of `names` (also with _ for -) as a definition does: three or more in a row
 * separated by commas or `|` (an array, a zod enum, a union type), or four or more as object keys
 * (`'i risiko': …`) unless the map is typed by the home's own type (`Record<AssessmentStatus, …>`), which
 * the compiler keeps in step with the home. Single uses (`status = 'opfyldt'`) are not copies.
 */
const listOf =
  (names: readonly string[], keyedBy: string) =>
  (text: string): number | undefined => {
    const alt = names
      .flatMap((n) => [n, n.replace(/-/g, '_')])
      .map(escapeRe)
      .join('|');
    const list = new RegExp(`['"](?:${alt})['"](?:\\s*[,|]\\s*['"](?:${alt})['"]){2,}`).exec(text);
    if (list) return list.index;
    if (text.includes(`Record<${keyedBy}`)) return undefined;
    const keys = [...text.matchAll(new RegExp(`(?<=[{,]\\s*)['"]?(${alt})['"]?\\s*:`, 'g'))];
    const distinct = new Set(keys.map((k) => k[1]!.replace(/_/g, '-')));
    return distinct.size >= 4 ? keys[0]!.index : undefined;
  };

interface Rule {
  id: string;
  /** The one home (files that may define the rule). */
  home: readonly string[];
  /** Where the file defines the rule a second time: the character index of the copy, or undefined. */
  copy: (text: string) => number | undefined;
}

const firstMatch = (re: RegExp) => (text: string) => {
  const m = re.exec(text);
  return m ? m.index : undefined;
};

export const RULES: readonly Rule[] = [
  {
    id: 'assessment-statuses',
    home: ['src/domain/assessment.ts'],
    copy: listOf(STATUSES, 'AssessmentStatus'),
  },
  {
    id: 'count-units',
    home: ['src/domain/evaluation/rates.ts'],
    copy: firstMatch(
      new RegExp(
        `['"]${COUNT_UNIT}['"]\\s*,\\s*['"]${COUNT_UNIT}['"]|unit\\s*[!=]==?\\s*['"]${COUNT_UNIT}['"]`,
      ),
    ),
  },
  {
    id: 'benefit-groups',
    home: ['src/data/benefit-groups.ts'],
    copy: listOf(BENEFIT_GROUP_IDS, 'BenefitGroupId'),
  },
  {
    id: 'visibility',
    home: ['src/domain/visibility.ts'],
    // "a draft plan is for members only" and "outsiders see published rounds" spelled out again.
    copy: firstMatch(
      /status\s*[!=]==\s*'udkast'\s*&&\s*!member|status\s*!==\s*'udkast'\s*\|\|\s*roleIn|(?:member\s*\|\|\s*\w+\.status\s*===\s*'offentliggjort')|filter\(\s*\(?\w+\)?\s*=>\s*\w+\.status\s*===\s*'offentliggjort'\s*\)|plan_status\s*===\s*'vedtaget'/,
    ),
  },
  {
    id: 'today',
    home: ['src/domain/dates.ts'],
    // The UTC date ("today" is yesterday between midnight and 01:00/02:00 in Copenhagen), a local year,
    // or a second Copenhagen-date formatter.
    copy: firstMatch(
      /toISOString\(\)\s*\.\s*(?:slice|substring|substr)\(\s*0\s*,\s*10\s*\)|toISOString\(\)\s*\.\s*split\(\s*['"]T['"]\s*\)|new Date\(\)\s*\.\s*get(?:Full|UTCFull)?Year\(\)|DateTimeFormat\(\s*['"]sv-SE['"]/,
    ),
  },
  {
    id: 'danish-numbers',
    home: ['src/domain/numbers.ts'],
    // Numbers through formatNumber/formatPercent/formatValue, never the locale's own (a different minus).
    copy: firstMatch(
      /toLocaleString\(\s*['"]da|(?:unit|u)\s*===\s*'pct\.'\s*\|\|\s*(?:unit|u)\s*===\s*'procentpoint'/,
    ),
  },
  {
    id: 'danish-collator',
    home: ['src/domain/text.ts'],
    copy: firstMatch(/new Intl\.Collator\(/),
  },
  {
    id: 'danish-periods',
    home: ['src/domain/periods.ts'],
    // The month names and the "date or period" text.
    copy: firstMatch(
      /['"]januar['"]\s*,\s*['"]februar['"]|\/\^\\d\{4\}-\\d\{2\}-\\d\{2\}\$\/\.test\([^)]*\)\s*\?\s*(?:formatDate|danishDate)/,
    ),
  },
];

export function checkOneHome(files: readonly SourceFile[]): Violation[] {
  const out: Violation[] = [];
  for (const f of files) {
    for (const r of RULES) {
      if (r.home.includes(f.path)) continue;
      const at = r.copy(f.text);
      if (at !== undefined)
        out.push({
          file: f.path,
          line: lineOf(f.text, at),
          rule: r.id,
          detail: `defineres i ${r.home.join(', ')}`,
        });
    }
  }
  return out;
}
