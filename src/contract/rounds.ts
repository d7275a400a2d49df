// The HTTP contract of who does what and when in a status round (src/server/routes/rounds.ts): the people an
// indicator can be given to, an indicator's responsible person, and the plan's follow-up frequency.
// The round itself (GET /rounds/:id, entries, publish) is part of the plans contract (src/contract/plans.ts).
import { z } from 'zod';
import { FOLLOW_UPS } from '../domain/follow-up.ts';
import { Id, IsoDate } from './common.ts';

export const ResponsibleInput = z.object({
  userId: z
    .string()
    .regex(/^\d{1,18}$/)
    .nullable(),
});
export type ResponsibleInput = z.infer<typeof ResponsibleInput>;

export const FollowUpInput = z.object({ followUp: z.enum(FOLLOW_UPS).nullable() });
export type FollowUpInput = z.infer<typeof FollowUpInput>;

export const Person = z.object({ id: Id, name: z.string() });
export type Person = z.infer<typeof Person>;
export const People = z.object({ people: z.array(Person) });
export type People = z.infer<typeof People>;

export const Responsible = z.object({ indicatorId: Id, responsibleUserId: Id.nullable() });
export type Responsible = z.infer<typeof Responsible>;

export const FollowUp = z.object({
  followUp: z.enum(FOLLOW_UPS).nullable(),
  lastRoundAsOf: IsoDate.nullable(),
  nextDue: IsoDate.nullable(),
});
export type FollowUp = z.infer<typeof FollowUp>;
