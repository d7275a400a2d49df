// Each rule in one home (issue 14 item 4): the real tree defines every listed rule once, and each check bites
// on a planted copy (so it cannot pass by reading nothing).
import { describe, expect, it } from 'vitest';
import { projectRoot, readTree } from './layers.ts';
import { checkOneHome, RULES } from './one-home.ts';

describe('each rule in one home', () => {
  it('the source tree defines each rule once', () => {
    const files = readTree(projectRoot);
    expect(files.length).toBeGreaterThan(150);
    expect(RULES).toHaveLength(8);
    for (const r of RULES)
      for (const home of r.home)
        expect(
          files.map((f) => f.path),
          `${r.id}: ${home}`,
        ).toContain(home);
    const found = checkOneHome(files);
    expect(found).toEqual([]);
  });

  it.each([
    [
      'the statuses as an array',
      "export const S = ['opfyldt', 'på rette vej', 'i risiko'];",
      'assessment-statuses',
    ],
    [
      'the statuses as a zod enum',
      "z.enum(['opfyldt', 'i risiko',\n  'ikke opfyldt'])",
      'assessment-statuses',
    ],
    [
      'the statuses as a union type',
      "type S = 'opfyldt' | 'i risiko'\n  | 'ikke vurderet';",
      'assessment-statuses',
    ],
    [
      'the statuses as keys of an untyped map',
      "const L: Record<string, string> = { opfyldt: 'a', 'på rette vej': 'b', 'i risiko': 'c', 'ikke opfyldt': 'd' };",
      'assessment-statuses',
    ],
    ['the count units', "const UNITS = new Set(['personer', 'antal']);", 'count-units'],
    ['a count-unit test', "if (unit === 'fuldtidspersoner') return sum;", 'count-units'],
    ['the benefit groups', "const G = ['a_dagpenge', 'sygedagpenge', 'fleksjob'];", 'benefit-groups'],
    [
      'published rounds by hand',
      "const r = rounds.filter((r) => r.status === 'offentliggjort');",
      'visibility',
    ],
    [
      'a draft plan by hand',
      "if (plan.status === 'udkast' && !member) throw notFound('Planen');",
      'visibility',
    ],
    ['the UTC date', 'const today = new Date().toISOString().slice(0, 10);', 'today'],
    ['the local year', 'const year = new Date().getFullYear();', 'today'],
    [
      'a second Copenhagen date',
      "new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' })",
      'today',
    ],
    ['the locale number format', "const t = n.toLocaleString('da-DK');", 'danish-numbers'],
    [
      'the percent units by hand',
      "const d = unit === 'pct.' || unit === 'procentpoint' ? 2 : 0;",
      'danish-numbers',
    ],
    ['a second collator', "const collator = new Intl.Collator('da');", 'danish-collator'],
    ['the month names', "const M = ['januar', 'februar', 'marts'];", 'danish-periods'],
  ])('finds %s', (_what, text, rule) => {
    const found = checkOneHome([{ path: 'web/src/pages/X.tsx', text: `// planted\n${text}` }]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'web/src/pages/X.tsx', line: 2, rule });
  });

  it('lets single uses and maps typed by the home pass', () => {
    const text = [
      "const s: AssessmentStatus = met ? 'opfyldt' : late ? 'ikke opfyldt' : 'i risiko';",
      'const LOOK: Record<AssessmentStatus, string> = {',
      "  opfyldt: 'ok',\n  'på rette vej': 'good',\n  'i risiko': 'risk',\n  'ikke opfyldt': 'bad',\n};",
      "const unit = 'antal';",
      "if (round.status === 'offentliggjort') return snapshot;",
    ].join('\n');
    expect(checkOneHome([{ path: 'src/services/x.ts', text }])).toEqual([]);
  });

  it('lets the home define its rule', () => {
    const text = "export const ASSESSMENT_ORDER = ['opfyldt', 'på rette vej', 'i risiko'] as const;";
    expect(checkOneHome([{ path: 'src/domain/assessment.ts', text }])).toEqual([]);
  });
});
