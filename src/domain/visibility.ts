// Who sees what of a municipality's plans: the one home of the visibility rules (issue 14 item 4).
// A plan in draft ("udkast") is for the municipality's own users; an adopted or archived plan is public.
// A round is public once it is published ("offentliggjort"); drafts of rounds are for the municipality's users.

/** An adopted or archived plan is public; a draft is not. */
export const planIsPublic = (plan: { status: string }): boolean => plan.status !== 'udkast';

/** A published round is public; a draft round is not. */
export const roundIsPublished = (round: { status: string }): boolean => round.status === 'offentliggjort';

/** May a reader see the plan? `member`: the reader has a role in the plan's municipality. */
export const canSeePlan = (plan: { status: string }, member: boolean): boolean =>
  member || planIsPublic(plan);

/** The rounds a reader sees: all of them for the municipality's users, the published ones for the rest. */
export function visibleRounds<R extends { status: string }>(rounds: readonly R[], member: boolean): R[] {
  return member ? [...rounds] : rounds.filter(roundIsPublished);
}
