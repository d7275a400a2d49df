-- Secrets set by an administrator (the Jobindsats API key), encrypted at rest with AES-256-GCM under a
-- key from the environment (MAALTAVLE_SECRET_KEY); only ciphertext, IV and tag are stored.
CREATE TABLE secrets (
  name text PRIMARY KEY,
  ciphertext text NOT NULL,
  iv text NOT NULL,
  tag text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL
);
