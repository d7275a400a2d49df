// The plan dashboard's response shape as the plan page, the round page and the public page read it: the
// shared contract's types (src/contract/plans.ts), so a renamed field breaks this build, not the page.
export type { Dashboard, PlanItem as Item } from '@contract/plans.ts';
