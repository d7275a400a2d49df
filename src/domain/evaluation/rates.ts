// Rates of groups of municipalities (a comparison area, the whole country) as ratios of sums, never as
// the mean of the members' percentages. Each result says how it was obtained (its basis).
import type { CrossSections } from './facts.ts';

/** Units that count persons: summed over members, with no "average". */
const COUNT_UNITS: ReadonlySet<string> = new Set([
  'fuldtidspersoner',
  'personer',
  'fuldtidsmodtagere',
  'antal',
]);
export const isCountUnit = (unit: string) => COUNT_UNITS.has(unit);

export type GroupBasisKind =
  | 'offentliggjort' // the area's own published figure was imported
  | 'sum af tællere og nævnere' // Σ numerator ÷ Σ denominator over the members
  | 'afledt nævner' // Σ count ÷ Σ (count ÷ share): denominator derived from published shares
  | 'sum' // a count: the sum over members
  | 'mangler';

/** How a group value was obtained, as a short label (the development table's "grundlag" column). */
export type GroupBasisLabel = 'importeret' | 'sum af kommuner' | 'afledt nævner' | 'mangler';

const BASIS_LABEL: Record<GroupBasisKind, GroupBasisLabel> = {
  offentliggjort: 'importeret',
  'sum af tællere og nævnere': 'sum af kommuner',
  'afledt nævner': 'afledt nævner',
  sum: 'sum af kommuner',
  mangler: 'mangler',
};
export const groupBasisLabel = (kind: GroupBasisKind) => BASIS_LABEL[kind];

/** The same fact as the phrase after "Landsgennemsnit (…)" on the benchmark page. */
const NATIONAL_BASIS_PHRASE: Record<GroupBasisKind, string> = {
  offentliggjort: 'hele landet',
  'sum af tællere og nævnere': 'summen af kommunerne',
  'afledt nævner': 'summen af kommunerne (afledt nævner)',
  sum: 'summen af kommunerne',
  mangler: 'mangler',
};
export const nationalBasisPhrase = (kind: GroupBasisKind) => NATIONAL_BASIS_PHRASE[kind];

export interface GroupValue {
  /** The group's rate (in the measure's unit; a share in per cent) or, for a count, its sum. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  basis: GroupBasisKind;
  /** Danish one-line explanation for the API, the app and report footnotes. */
  formula: string;
  members: number;
  /** Members without a value (the group value is then missing: nothing is filled in). */
  missing: string[];
}

export interface GroupRateInput {
  /** The group's own area id, to use its published figure when imported ('000', '083' …). */
  groupId: string;
  members: readonly string[];
  period: string;
  unit: string;
  /** Values of the measure itself. */
  values: CrossSections;
  /** A denominator measure (the rate is numerator ÷ denominator × 100). */
  denominator?: { id: string; values: CrossSections };
  /** For a published share: the count it is a share of (Y30R21 antal, y25i01 ledige). */
  shareCount?: { id: string; values: CrossSections };
}

const none = (members: number, missing: string[], formula: string): GroupValue => ({
  value: null,
  numerator: null,
  denominator: null,
  basis: 'mangler',
  formula,
  members,
  missing,
});

/** The rate or sum of a group in one period, as a ratio of sums. */
export function groupValue(q: GroupRateInput): GroupValue {
  const at = q.values.get(q.period);
  const n = q.members.length;
  if (q.denominator) {
    const den = q.denominator.values.get(q.period);
    const ownNum = at?.get(q.groupId);
    const ownDen = den?.get(q.groupId);
    if (ownNum != null && ownDen != null && ownDen > 0)
      return {
        value: (ownNum / ownDen) * 100,
        numerator: ownNum,
        denominator: ownDen,
        basis: 'offentliggjort',
        formula: `Områdets egne tal: tæller ÷ ${q.denominator.id} × 100`,
        members: n,
        missing: [],
      };
    let sn = 0;
    let sd = 0;
    const missing: string[] = [];
    for (const m of q.members) {
      const a = at?.get(m);
      const b = den?.get(m);
      if (a == null || b == null || !(b > 0)) missing.push(m);
      else {
        sn += a;
        sd += b;
      }
    }
    if (missing.length || sd === 0)
      return none(n, missing, 'Tæller eller nævner mangler for en eller flere kommuner.');
    return {
      value: (sn / sd) * 100,
      numerator: sn,
      denominator: sd,
      basis: 'sum af tællere og nævnere',
      formula: `Σ tæller ÷ Σ ${q.denominator.id} × 100 over ${n} kommuner`,
      members: n,
      missing: [],
    };
  }
  const own = at?.get(q.groupId);
  if (own != null && !isCountUnit(q.unit))
    return {
      value: own,
      numerator: null,
      denominator: null,
      basis: 'offentliggjort',
      formula: 'Områdets eget offentliggjorte tal',
      members: n,
      missing: [],
    };
  if (isCountUnit(q.unit)) {
    if (own != null)
      return {
        value: own,
        numerator: own,
        denominator: null,
        basis: 'offentliggjort',
        formula: 'Områdets eget offentliggjorte antal',
        members: n,
        missing: [],
      };
    let s = 0;
    const missing: string[] = [];
    for (const m of q.members) {
      const v = at?.get(m);
      if (v == null) missing.push(m);
      else s += v;
    }
    if (missing.length) return none(n, missing, 'Antallet mangler for en eller flere kommuner.');
    return {
      value: s,
      numerator: s,
      denominator: null,
      basis: 'sum',
      formula: `Summen over ${n} kommuner`,
      members: n,
      missing: [],
    };
  }
  if (q.shareCount) {
    const counts = q.shareCount.values.get(q.period);
    let sc = 0;
    let sd = 0;
    const missing: string[] = [];
    for (const m of q.members) {
      const share = at?.get(m);
      const c = counts?.get(m);
      if (share == null || c == null || !(share > 0)) missing.push(m);
      else {
        sc += c;
        sd += c / (share / 100);
      }
    }
    if (missing.length || sd === 0)
      return none(n, missing, 'Andel eller antal mangler for en eller flere kommuner.');
    return {
      value: (sc / sd) * 100,
      numerator: sc,
      denominator: sd,
      basis: 'afledt nævner',
      formula: `Σ ${q.shareCount.id} ÷ Σ (${q.shareCount.id} ÷ andel) × 100 over ${n} kommuner (nævneren afledt af de offentliggjorte andele)`,
      members: n,
      missing: [],
    };
  }
  return none(
    n,
    [],
    'Områdets tal er ikke offentliggjort, og en andel kan ikke lægges sammen uden tæller og nævner (et gennemsnit af kommunernes procenter er ikke områdets andel).',
  );
}
