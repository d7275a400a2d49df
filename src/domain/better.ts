// Direction of "better" for a measure: whether a lower or a higher value is the good direction.
// The catalogue (src/data/measures.ts) sets it for every known measure; an import that creates a measure
// gets a default inferred here from its unit and name, which the import summary shows to the user.

export type Better = 'lower' | 'higher';

export const BETTER_LABELS: Record<Better, string> = {
  lower: 'lavere er bedre',
  higher: 'højere er bedre',
};

/** Words in a measure's name that signal that more is better (activation, employment, ordinary hours). */
const MORE_IS_BETTER =
  /aktiver|beskæftige|beskaeftige|løntimer|loentimer|ordinær|ordinaer|i job|selvforsørg|uddannelse/i;

/**
 * Default direction for a measure an import creates. Måltavle's statistics are mostly people on benefits or
 * unemployed (fewer is better), so 'lower' unless the name says the measure counts activation or work.
 * A rank ('placering') is always lower-is-better: nr. 1 is the best.
 */
export function inferBetter(unit: string, name: string): Better {
  if (unit === 'placering') return 'lower';
  return MORE_IS_BETTER.test(name) ? 'higher' : 'lower';
}
