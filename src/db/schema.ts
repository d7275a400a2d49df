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

export interface DB {
  areas: AreasTable;
  measures: MeasuresTable;
  imports: ImportsTable;
  observations: ObservationsTable;
  schema_migrations: SchemaMigrationsTable;
}
