-- One-time passwords (the first administrator's, an invited user's, a reset one): valid until
-- one_time_password_expires_at (48 hours), and a session opened with one must change it first.
ALTER TABLE users ADD COLUMN one_time_password_expires_at timestamptz;
ALTER TABLE sessions ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- Idempotent creates: the client sends a key with each create (goal, indicator, round); a repeated key
-- (a double click, a retried request) answers with what the first request created instead of a copy.
CREATE TABLE create_requests (
  key text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  entity text NOT NULL,
  entity_id bigint,
  created_at timestamptz NOT NULL DEFAULT now()
);
