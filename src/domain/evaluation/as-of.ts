// The date a plan is evaluated at: the round's date; for a plan without a round its end when that has
// passed, else today in Copenhagen time.
import { todayInCopenhagen } from '../dates.ts';

export function evaluationDate(plan: { year_to: number }, roundAsOf?: string | null, now?: Date): string {
  if (roundAsOf) return roundAsOf;
  const end = `${plan.year_to}-12-31`;
  const today = todayInCopenhagen(now);
  return end < today ? end : today;
}
