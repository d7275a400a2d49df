-- Statistics store: areas, measures, imports (every fetch), observations (every version of every value).

CREATE TABLE areas (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('land', 'region', 'rar', 'kommune')),
  name text NOT NULL,
  region text
);

CREATE TABLE measures (
  id text PRIMARY KEY,
  name text NOT NULL,
  unit text NOT NULL,
  source text NOT NULL,
  source_table text,
  dimensions jsonb NOT NULL DEFAULT '{}'::jsonb,
  frequency text NOT NULL CHECK (frequency IN ('month', 'quarter', 'mat', 'half', 'year')),
  attribution text NOT NULL,
  description text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE imports (
  id bigserial PRIMARY KEY,
  source text NOT NULL,
  parameters jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_by text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  status text NOT NULL CHECK (status IN ('done', 'failed')),
  rows_total integer NOT NULL DEFAULT 0,
  rows_new integer NOT NULL DEFAULT 0,
  rows_revised integer NOT NULL DEFAULT 0,
  rows_unchanged integer NOT NULL DEFAULT 0,
  source_updated_at timestamptz,
  error text
);

-- One row per version of a value. The current version has is_current; a revision inserts a new
-- version and clears is_current on the old one. value NULL = missing (suppressed), never zero.
CREATE TABLE observations (
  id bigserial PRIMARY KEY,
  measure_id text NOT NULL REFERENCES measures (id),
  area_id text NOT NULL REFERENCES areas (id),
  period text NOT NULL,
  period_ord integer NOT NULL,
  value double precision,
  missing text,
  version integer NOT NULL,
  import_id bigint NOT NULL REFERENCES imports (id),
  is_current boolean NOT NULL DEFAULT true,
  CHECK ((value IS NULL) = (missing IS NOT NULL))
);

CREATE UNIQUE INDEX observations_current_key ON observations (measure_id, area_id, period) WHERE is_current;
CREATE INDEX observations_by_period ON observations (measure_id, period, area_id) WHERE is_current;
CREATE INDEX observations_by_import ON observations (import_id);
