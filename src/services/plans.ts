// Use cases on plans, goals, indicators, status rounds and entries (one file per concern in
// src/services/plans/): access check, work and audit row in one transaction (`editorWrite`). Concurrent edits
// are caught by revisions: a save with a stale revision is refused (409) with both versions, never silently
// overwritten. Functions the API calls return the contract's shapes (src/contract/plans.ts); `readPlan`,
// `readRound` and `dashboard` return rows for the services and reports built on them.
export { EntryInput, GoalInput, IndicatorInput, PlanInput } from '../contract/plans.ts';
export { dashboard, dashboardView } from './plans/dashboard.ts';
export { saveEntry } from './plans/entries.ts';
export { addGoal, deleteGoal, updateGoal } from './plans/goals.ts';
export {
  addIndicator,
  deleteIndicator,
  evaluateOne,
  indicatorHistory,
  updateIndicator,
} from './plans/indicators.ts';
export {
  auditTrail,
  createPlan,
  deletePlan,
  listPlansFor,
  planView,
  readPlan,
  slugify,
  updatePlan,
} from './plans/plans.ts';
export { publicPlan } from './plans/public.ts';
export { roundView } from './plans/round-view.ts';
export { correctRound, createRound, publishRound, readRound } from './plans/rounds.ts';
