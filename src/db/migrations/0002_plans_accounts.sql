-- Accounts, sessions, audit trail, plans with goals and indicators, and status rounds.

CREATE TABLE users (
  id bigserial PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  password_hash text,
  oidc_subject text UNIQUE,
  is_superadmin boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);

-- A user's role in a municipality: administrator, redaktør (editor) or læser (reader).
CREATE TABLE memberships (
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  municipality text NOT NULL REFERENCES areas (id),
  role text NOT NULL CHECK (role IN ('administrator', 'redaktør', 'læser')),
  PRIMARY KEY (user_id, municipality)
);

-- Server-side sessions: the cookie holds a random id; only its SHA-256 is stored.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id bigint REFERENCES users (id) ON DELETE SET NULL,
  user_label text NOT NULL,
  municipality text,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_log_municipality ON audit_log (municipality, at DESC);

CREATE TABLE plans (
  id bigserial PRIMARY KEY,
  municipality text NOT NULL REFERENCES areas (id),
  slug text NOT NULL,
  title text NOT NULL,
  year_from integer NOT NULL,
  year_to integer NOT NULL,
  intro text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'udkast' CHECK (status IN ('udkast', 'vedtaget', 'arkiveret')),
  adopted_on date,
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality, slug),
  CHECK (year_to >= year_from)
);

CREATE TABLE focus_areas (
  id bigserial PRIMARY KEY,
  plan_id bigint NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  position integer NOT NULL,
  title text NOT NULL,
  text text NOT NULL DEFAULT ''
);

CREATE TABLE goals (
  id bigserial PRIMARY KEY,
  plan_id bigint NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  number text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('ministermål', 'lokalt mål')),
  title text NOT NULL,
  text text NOT NULL DEFAULT '',
  position integer NOT NULL,
  revision integer NOT NULL DEFAULT 1
);
CREATE INDEX goals_plan ON goals (plan_id, position);

-- An indicator's settings depend on its kind (niveau, andel, placering, benchmark, optælling, milepæl)
-- and live in `config`, validated by the application's schema.
CREATE TABLE indicators (
  id bigserial PRIMARY KEY,
  goal_id bigint NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('niveau', 'andel', 'placering', 'benchmark', 'optælling', 'milepæl')),
  title text NOT NULL,
  config jsonb NOT NULL DEFAULT '{}'::jsonb,
  source_note text NOT NULL DEFAULT '',
  revision integer NOT NULL DEFAULT 1
);
CREATE INDEX indicators_goal ON indicators (goal_id, position);

CREATE TABLE status_rounds (
  id bigserial PRIMARY KEY,
  plan_id bigint NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  title text NOT NULL,
  as_of date NOT NULL,
  status text NOT NULL DEFAULT 'udkast' CHECK (status IN ('udkast', 'offentliggjort')),
  published_at timestamptz,
  -- A correction of a published round is a new round that replaces it.
  corrects_round_id bigint REFERENCES status_rounds (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One status per indicator per round. `revision` guards against silent overwrites.
CREATE TABLE status_entries (
  id bigserial PRIMARY KEY,
  round_id bigint NOT NULL REFERENCES status_rounds (id) ON DELETE CASCADE,
  indicator_id bigint NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
  text text NOT NULL DEFAULT '',
  value double precision,
  value_period text,
  value_source text,
  done boolean,
  assessment_override text,
  override_reason text,
  revision integer NOT NULL DEFAULT 1,
  updated_by bigint REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (round_id, indicator_id)
);
