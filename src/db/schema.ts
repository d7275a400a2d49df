// Kysely table types, matching src/db/migrations.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface AreasTable {
  id: string;
  kind: 'land' | 'region' | 'rar' | 'kommune';
  name: string;
  region: string | null;
}

export interface MeasuresTable {
  id: string;
  name: string;
  unit: string;
  source: string;
  source_table: string | null;
  dimensions: Json;
  frequency: 'month' | 'quarter' | 'mat' | 'half' | 'year';
  attribution: string;
  description: string | null;
  better: Generated<'lower' | 'higher'>;
  better_inferred: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface ImportsTable {
  id: Generated<string>;
  source: string;
  parameters: Json;
  created_by: string;
  started_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  status: 'done' | 'failed';
  rows_total: Generated<number>;
  rows_new: Generated<number>;
  rows_revised: Generated<number>;
  rows_unchanged: Generated<number>;
  source_updated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  error: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ObservationsTable {
  id: Generated<string>;
  measure_id: string;
  area_id: string;
  period: string;
  period_ord: number;
  value: number | null;
  missing: string | null;
  version: number;
  import_id: string;
  is_current: Generated<boolean>;
}

export interface SchemaMigrationsTable {
  version: string;
  applied_at: Generated<Date>;
}

export interface StatsDB {
  areas: AreasTable;
  measures: MeasuresTable;
  imports: ImportsTable;
  observations: ObservationsTable;
  schema_migrations: SchemaMigrationsTable;
}

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: Nullable<string>;
  oidc_subject: Nullable<string>;
  is_superadmin: Defaulted<boolean>;
  created_at: Generated<Date>;
  disabled_at: Nullable<Date>;
  /** Set while the password is a one-time password: it stops working then and must be changed first. */
  one_time_password_expires_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface MembershipsTable {
  user_id: string;
  municipality: string;
  role: 'administrator' | 'redaktør' | 'læser';
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Date;
  must_change_password: Defaulted<boolean>;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Generated<Date>;
  user_id: Nullable<string>;
  user_label: string;
  municipality: Nullable<string>;
  action: string;
  entity: string;
  entity_id: Nullable<string>;
  before: Nullable<string>;
  after: Nullable<string>;
}

export interface PlansTable {
  id: Generated<string>;
  municipality: string;
  slug: string;
  title: string;
  year_from: number;
  year_to: number;
  intro: Defaulted<string>;
  status: Defaulted<'udkast' | 'vedtaget' | 'arkiveret'>;
  adopted_on: Nullable<string>;
  revision: Defaulted<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  follow_up: Nullable<'kvartalsvis' | 'halvårlig'>;
}

/** Bumped by triggers on every change to a plan's content (migration 0013). */
export interface PlanVersionsTable {
  plan_id: string;
  version: Defaulted<string>;
}

export interface FocusAreasTable {
  id: Generated<string>;
  plan_id: string;
  position: number;
  title: string;
  text: Defaulted<string>;
}

export interface GoalsTable {
  id: Generated<string>;
  plan_id: string;
  number: string;
  kind: 'ministermål' | 'lokalt mål';
  title: string;
  text: Defaulted<string>;
  position: number;
  revision: Defaulted<number>;
  archived_at: Nullable<Date>;
}

export interface IndicatorsTable {
  id: Generated<string>;
  goal_id: string;
  position: number;
  kind: 'niveau' | 'andel' | 'placering' | 'benchmark' | 'optælling' | 'milepæl';
  title: string;
  config: ColumnType<unknown, string | undefined, string>;
  source_note: Defaulted<string>;
  revision: Defaulted<number>;
  archived_at: Nullable<Date>;
  responsible_user_id: Nullable<string>;
}

export interface StatusRoundsTable {
  id: Generated<string>;
  plan_id: string;
  title: string;
  as_of: string;
  status: Defaulted<'udkast' | 'offentliggjort'>;
  published_at: Nullable<Date>;
  corrects_round_id: Nullable<string>;
  created_at: Generated<Date>;
  snapshot: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface StatusEntriesTable {
  id: Generated<string>;
  round_id: string;
  indicator_id: string;
  text: Defaulted<string>;
  value: Nullable<number>;
  value_period: Nullable<string>;
  value_source: Nullable<string>;
  done: Nullable<boolean>;
  assessment_override: Nullable<string>;
  override_reason: Nullable<string>;
  revision: Defaulted<number>;
  updated_by: Nullable<string>;
  updated_at: Generated<Date>;
  carried_over: Defaulted<boolean>;
}

export interface DB extends StatsDB {
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  plans: PlansTable;
  plan_versions: PlanVersionsTable;
  focus_areas: FocusAreasTable;
  goals: GoalsTable;
  indicators: IndicatorsTable;
  status_rounds: StatusRoundsTable;
  status_entries: StatusEntriesTable;
  oidc_logins: OidcLoginsTable;
  create_requests: CreateRequestsTable;
  secrets: SecretsTable;
}

/** Idempotency keys of creates: a repeated key returns what the first request created. */
export interface CreateRequestsTable {
  key: string;
  user_id: string;
  entity: string;
  entity_id: Nullable<string>;
  created_at: Generated<Date>;
}

/** Administrator-set secrets, AES-256-GCM encrypted (migration 0007). */
export interface SecretsTable {
  name: string;
  ciphertext: string;
  iv: string;
  tag: string;
  updated_at: Generated<Date>;
  updated_by: string;
}

export interface OidcLoginsTable {
  state: string;
  code_verifier: string;
  nonce: string;
  /** SHA-256 of the pre-login cookie of the browser that started the login. */
  browser_hash: string;
  created_at: Generated<Date>;
}
