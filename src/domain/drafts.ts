// Danish draft sentences for a status text, built deterministically from an indicator's figures (issue 10
// item 7). Pure: the caller gives the figures in this small shape; nothing is inserted without the editor.
import { formatNumber, formatPercent } from './numbers.ts';

export interface DraftInput {
  /** What is measured, as the sentence's subject: "Ledigheden", "Antallet af fuldtidspersoner på kontanthjælp". */
  subject: string;
  /** The municipality's name: "Faxe". */
  area: string;
  /** 'pct.' for shares (changes in procentpoint), otherwise the counted unit ("fuldtidspersoner"). */
  unit: string;
  latest: { value: number; period: string };
  /** The value of the same period a year before. */
  yearBefore?: number | null;
  /** The comparison area (RAR) in the same period. */
  comparison?: { name: string; value: number } | null;
  /** The whole country in the same period. */
  country?: number | null;
  rank?: { rank: number; of: number; period: string } | null;
  target?: { value: number; direction: 'at-most' | 'at-least' } | null;
  forecast?: { value: number; period: string } | null;
}

const isShare = (unit: string) => unit === 'pct.';

/** A value in the unit: "3,1 %" for shares, "1.288" for counts. */
function val(v: number, unit: string): string {
  return isShare(unit) ? formatPercent(v, { decimals: 1, nbsp: false }) : formatNumber(v);
}

/** A difference: "0,2 procentpoint" for shares, "12" for counts (always positive, the words say the sign). */
function diff(d: number, unit: string): string {
  return isShare(unit)
    ? `${formatNumber(Math.abs(d), { decimals: 1 })} procentpoint`
    : `${formatNumber(Math.abs(d))}${unit ? ` ${unit}` : ''}`;
}

/** Rounded as shown, so the words never contradict the printed figures. */
const shown = (v: number, unit: string) =>
  Math.round(v * (isShare(unit) ? 10 : 1)) / (isShare(unit) ? 10 : 1);

export function draftSentence(d: DraftInput): string {
  const u = d.unit;
  // A rank tells itself: "Faxe var nr. 24 af 98 kommuner i …".
  if (u === 'placering' && d.rank)
    return `${d.area} var nr. ${formatNumber(d.rank.rank)} af ${formatNumber(d.rank.of)} kommuner i ${d.rank.period}.`;
  const now = shown(d.latest.value, u);
  const parts: string[] = [];
  let first = `${d.subject} i ${d.area} var ${val(d.latest.value, u)} i ${d.latest.period}`;
  const clauses: string[] = [];
  if (d.yearBefore !== null && d.yearBefore !== undefined) {
    const change = shown(now - shown(d.yearBefore, u), u);
    if (change === 0) clauses.push('det samme som året før');
    else if (isShare(u)) clauses.push(`${diff(change, u)} ${change < 0 ? 'lavere' : 'højere'} end året før`);
    else clauses.push(`${diff(change, u)} ${change < 0 ? 'færre' : 'flere'} end året før`);
  }
  if (isShare(u) && d.country !== null && d.country !== undefined) {
    const c = shown(d.country, u);
    const rel = now < c ? 'under' : now > c ? 'over' : 'på niveau med';
    clauses.push(`${rel} landsgennemsnittet på ${val(d.country, u)}`);
  }
  if (clauses.length === 1) first += `, ${clauses[0]}`;
  else if (clauses.length === 2) first += `, ${clauses[0]} og ${clauses[1]}`;
  parts.push(`${first}.`);
  if (isShare(u) && d.comparison)
    parts.push(`I ${d.comparison.name} var niveauet ${val(d.comparison.value, u)}.`);
  if (d.rank)
    parts.push(
      `${d.area} var nr. ${formatNumber(d.rank.rank)} af ${formatNumber(d.rank.of)} kommuner i ${d.rank.period}.`,
    );
  if (d.target) {
    const t = shown(d.target.value, u);
    const word = d.target.direction === 'at-most' ? 'højst' : 'mindst';
    const reached = d.target.direction === 'at-most' ? now <= t : now >= t;
    if (reached) parts.push(`Målet om ${word} ${val(d.target.value, u)} er nået.`);
    else
      parts.push(
        `Målet er ${word} ${val(d.target.value, u)}, så der mangler ${d.target.direction === 'at-most' ? 'et fald' : 'en stigning'} på ${diff(t - now, u)}.`,
      );
  }
  if (d.forecast) parts.push(`Fremskrivningen peger på ${val(d.forecast.value, u)} i ${d.forecast.period}.`);
  return parts.join(' ');
}
