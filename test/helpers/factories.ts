// Factories: each test builds the world it needs (municipality users, plans with goals and indicators,
// status rounds, statistics) through the services, so no test depends on another having run first.
// Works on both engines (a TestDb from test/helpers/db.ts). Every name is unique per call, so several
// worlds can live in one database.
import { hash } from '@node-rs/argon2';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import * as accounts from '../../src/db/repositories/accounts.ts';
import type { MeasureRecord } from '../../src/db/repositories/statistics.ts';
import { INDICATOR_KINDS, type IndicatorKind } from '../../src/domain/indicators.ts';
import { periodOrdinal, tryParsePeriod } from '../../src/domain/periods.ts';
import type { Actor } from '../../src/services/access.ts';
import { DEMO_FILES } from '../../src/services/demo-data.ts';
import { type ImportSummary, runImport } from '../../src/services/imports.ts';
import type { Services } from '../../src/services/index.ts';
import * as plans from '../../src/services/plans.ts';
import { type Client, login } from './app.ts';

export const FACTORY_PASSWORD = 'fabrik-hemmelig-kode-1';

let serial = 0;
/** A short name no other factory call in this process has used. */
export const unique = (prefix: string) =>
  `${prefix}-${process.pid}-${++serial}-${Math.random().toString(36).slice(2, 6)}`;

let passwordHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  actor: Actor;
}

/**
 * A user with roles (municipality code → role), or a system administrator. Accounts have no service
 * that creates a user with a known password (invitations make a one-time one), so this is the one
 * factory that writes through the accounts repository, exactly as the first-administrator bootstrap does.
 */
export async function createUser(
  services: Services,
  opts: { roles?: Record<string, accounts.Role>; superadmin?: boolean; name?: string } = {},
): Promise<TestUser> {
  const db = services.database.db;
  passwordHash ??= hash(FACTORY_PASSWORD);
  const email = `${unique(opts.name ?? 'bruger')}@test`;
  const id = await accounts.insertUser(db, {
    email,
    name: opts.name ?? email,
    passwordHash: await passwordHash,
    isSuperadmin: opts.superadmin ?? false,
  });
  for (const [municipality, role] of Object.entries(opts.roles ?? {}))
    await accounts.setMembership(db, id, municipality, role);
  return { id, email, actor: await actorOf(services, id) };
}

/** The actor services see for a user (re-read: memberships change). */
export async function actorOf(services: Services, userId: string): Promise<Actor> {
  const user = await accounts.findUserById(services.database.db, userId);
  if (!user) throw new Error(`no user ${userId}`);
  return { user };
}

export interface TestMunicipality {
  code: string;
  administrator: TestUser;
  editor: TestUser;
  reader: TestUser;
}

/** A municipality (one of the 98, e.g. '320' Faxe) with a fresh administrator, redaktør and læser. */
export async function createMunicipality(services: Services, code = '320'): Promise<TestMunicipality> {
  return {
    code,
    administrator: await createUser(services, { roles: { [code]: 'administrator' }, name: 'administrator' }),
    editor: await createUser(services, { roles: { [code]: 'redaktør' }, name: 'redaktoer' }),
    reader: await createUser(services, { roles: { [code]: 'læser' }, name: 'laeser' }),
  };
}

type IndicatorInput = z.input<typeof plans.IndicatorInput>;

/** One valid indicator of each kind for a municipality, on measures the real datasets hold. */
export function indicatorOfKind(kind: IndicatorKind, area: string): IndicatorInput {
  const deadline = '2021-12-31';
  const configs: Record<IndicatorKind, Record<string, unknown>> = {
    niveau: {
      measure: 'y25i01.ledige_pct_dagpenge',
      area,
      baselinePeriod: '2021M08',
      target: { kind: 'relative', pct: -10 },
      direction: 'at-most',
      deadline,
    },
    andel: {
      mode: 'manual',
      baselineValue: 1.8,
      baselineDate: '2020-11-30',
      targetValue: 10,
      direction: 'at-least',
      deadline,
    },
    placering: {
      measure: 'y30r21.faktisk_andel.i_alt',
      area,
      direction: 'lower',
      targetRank: 40,
      deadline,
    },
    benchmark: {
      measure: 'y25i01.ledige_pct_dagpenge',
      area,
      compareWith: 'land',
      direction: 'lower',
      deadline,
    },
    optælling: { target: 450, unit: 'besøg', startDate: '2020-01-01', deadline },
    milepæl: { deadline },
  };
  return {
    kind,
    title: `Testindikator (${kind})`,
    config: configs[kind],
    sourceNote: 'Testdata',
    position: 0,
  };
}

export interface TestPlan {
  id: string;
  slug: string;
  municipality: string;
  goalId: string;
  /** Indicator ids by kind, in the order asked for. */
  indicators: { id: string; kind: IndicatorKind }[];
}

/**
 * A plan of the municipality made by its redaktør, with one goal holding one indicator of each kind
 * asked for (default: every kind). Adopted when `adoptedOn` is given.
 */
export async function createPlan(
  services: Services,
  m: TestMunicipality,
  opts: {
    title?: string;
    kinds?: readonly IndicatorKind[];
    indicators?: IndicatorInput[];
    adoptedOn?: string;
  } = {},
): Promise<TestPlan> {
  const db = services.database.db;
  const actor = m.editor.actor;
  const title = opts.title ?? unique('Testplan');
  const input = plans.PlanInput.parse({ title, yearFrom: 2020, yearTo: 2021, intro: 'Testdata' });
  const plan = await plans.createPlan(db, actor, m.code, input);
  const id = String(plan.id);
  const goal = await plans.addGoal(db, actor, id, {
    number: '1',
    kind: 'lokalt mål',
    title: 'Flere i job',
    text: '',
    position: 1,
  });
  const goalId = String(goal.id);
  const inputs = opts.indicators ?? (opts.kinds ?? INDICATOR_KINDS).map((k) => indicatorOfKind(k, m.code));
  const indicators: TestPlan['indicators'] = [];
  for (const [i, ind] of inputs.entries()) {
    const made = await plans.addIndicator(
      db,
      actor,
      goalId,
      plans.IndicatorInput.parse({ ...ind, position: i }),
    );
    indicators.push({ id: String(made.id), kind: ind.kind });
  }
  if (opts.adoptedOn) await adoptPlan(services, m, id, opts.adoptedOn);
  return { id, slug: plan.slug, municipality: m.code, goalId, indicators };
}

export async function adoptPlan(services: Services, m: TestMunicipality, planId: string, adoptedOn: string) {
  const db = services.database.db;
  const { plan } = await plans.readPlan(db, m.editor.actor, planId);
  const input = plans.PlanInput.parse({
    title: plan.title,
    slug: plan.slug,
    yearFrom: plan.year_from,
    yearTo: plan.year_to,
    intro: plan.intro,
    status: 'vedtaget',
    adoptedOn,
  });
  return plans.updatePlan(db, m.editor.actor, planId, plan.revision, input);
}

export interface TestRound {
  id: string;
}

/**
 * A status round of the plan as of a date, with an entry per indicator given in `entries`
 * (indicator id → text and value); published when asked (the plan must then be adopted).
 */
export async function createRound(
  services: Services,
  m: TestMunicipality,
  plan: TestPlan,
  opts: {
    asOf?: string;
    title?: string;
    entries?: Record<string, { text: string; value?: number | null }>;
    publish?: boolean;
  } = {},
): Promise<TestRound> {
  const db = services.database.db;
  const actor = m.editor.actor;
  const asOf = opts.asOf ?? '2021-04-30';
  const round = await plans.createRound(db, actor, plan.id, { title: opts.title ?? `Status ${asOf}`, asOf });
  const id = String(round.id);
  for (const [indicatorId, e] of Object.entries(opts.entries ?? {}))
    await plans.saveEntry(
      db,
      actor,
      id,
      indicatorId,
      plans.EntryInput.parse({ text: e.text, value: e.value ?? null }),
    );
  if (opts.publish) await plans.publishRound(db, actor, id);
  return { id };
}

/** Loads one of the real datasets (datasets/, see SOURCES.md) by its label, e.g. 'Jobindsats Y25I01'. */
export async function loadDataset(services: Services, label: string): Promise<ImportSummary> {
  const file = DEMO_FILES.find((f) => f.label === label);
  if (!file) throw new Error(`no dataset "${label}"; known: ${DEMO_FILES.map((f) => f.label).join(', ')}`);
  return runImport(services.database.db, file.parse(), { createdBy: 'test' });
}

/**
 * A small test series, labelled as generated test data (source "Testdata (genereret)"), never shown
 * as official: values by area and period code ('2021M01', '2021Q1', '2021').
 */
export async function createSeries(
  services: Services,
  values: Record<string, Record<string, number | null>>,
  opts: { measure?: string; unit?: string; frequency?: MeasureRecord['frequency'] } = {},
): Promise<{ measure: string; summary: ImportSummary }> {
  const measure = opts.measure ?? unique('test.serie').replaceAll('-', '_');
  const rows = Object.entries(values).flatMap(([areaId, byPeriod]) =>
    Object.entries(byPeriod).map(([code, value]) => {
      const period = tryParsePeriod(code);
      if (!period) throw new Error(`not a period: ${code}`);
      return {
        measureId: measure,
        areaId,
        period: code,
        periodOrd: periodOrdinal(period),
        value,
        missing: value === null ? '..' : null,
      };
    }),
  );
  const record: MeasureRecord = {
    id: measure,
    name: `Testserie ${measure}`,
    unit: opts.unit ?? 'antal',
    source: 'Testdata (genereret)',
    sourceTable: null,
    dimensions: {},
    better: 'lower',
    frequency: opts.frequency ?? 'month',
    attribution: 'Genererede testdata, ikke officielle tal',
    description: 'Genereret til en test',
  };
  const summary = await runImport(
    services.database.db,
    {
      source: 'test',
      parameters: { generated: true },
      rows,
      measures: [record],
      skipped: {},
      sourceUpdatedAt: null,
    },
    { createdBy: 'test' },
  );
  return { measure, summary };
}

/** Logs a factory user in over HTTP: a client that sends the session cookie and CSRF token; throws when refused. */
export async function loginAs(app: FastifyInstance, user: TestUser): Promise<Client> {
  const c = await login(app, user.email, FACTORY_PASSWORD);
  if (c.status !== 200) throw new Error(`login failed for ${user.email}: ${JSON.stringify(c.body)}`);
  return c;
}
