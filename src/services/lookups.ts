// Read-only use cases that routes, reports and the command line need beside the larger services: each is
// one repository read, kept here so that nothing outside src/services and src/db reaches a repository.
import type { Kysely } from 'kysely';
import * as accounts from '../db/repositories/accounts.ts';
import * as plans from '../db/repositories/plans.ts';
import * as statistics from '../db/repositories/statistics.ts';
import type { DB } from '../db/schema.ts';

/** Every plan, for the command line (it runs with the operator's rights). */
export const allPlans = (db: Kysely<DB>) => plans.listPlans(db);
/** A plan by municipality and slug (the public page's address); access is decided by the caller's service. */
export const planBySlug = (db: Kysely<DB>, municipality: string, slug: string) =>
  plans.findPlanBySlug(db, municipality, slug);
/** The status rounds of a plan, oldest first. */
export const roundsOfPlan = (db: Kysely<DB>, planId: string) => plans.roundsOf(db, planId);
/** Every status entry of a plan with its round (the report's earlier texts). */
export const entriesOfPlan = (db: Kysely<DB>, planId: string) => plans.entriesOfPlan(db, planId);
/** The users with a role in a municipality (the caller checks that the actor administers it). */
export const usersOfMunicipality = (db: Kysely<DB>, municipality: string) =>
  accounts.usersOf(db, municipality);
/** The measure catalogue. */
export const listMeasures = (db: Kysely<DB>) => statistics.listMeasures(db);
/** The ids of every known measure (an import refuses others unless it may create them). */
export const knownMeasureIds = (db: Kysely<DB>) => statistics.measureIds(db);
/** The newest imports, newest first. */
export const listImports = (db: Kysely<DB>, limit?: number) => statistics.listImports(db, limit);
/** The newest import of each of these measures (the "hentet den …" lines). */
export const latestImportsOf = (db: Kysely<DB>, measures: readonly string[]) =>
  statistics.latestImportsOf(db, measures);
