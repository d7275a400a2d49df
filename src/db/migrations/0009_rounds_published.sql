-- Status rounds as documents that hold once published (issue 10 items 1, 2, 6).

-- What was published: goals, indicators, entries, evaluations and the report's sources, frozen at publishing.
ALTER TABLE status_rounds ADD COLUMN snapshot jsonb;

-- Texts carried over from the previous round stay marked until someone edits them.
ALTER TABLE status_entries ADD COLUMN carried_over boolean NOT NULL DEFAULT false;

-- Goals and indicators with published status entries are archived, not deleted.
ALTER TABLE goals ADD COLUMN archived_at timestamptz;
ALTER TABLE indicators ADD COLUMN archived_at timestamptz;

-- Who writes the status of an indicator.
ALTER TABLE indicators ADD COLUMN responsible_user_id bigint REFERENCES users (id) ON DELETE SET NULL;

-- How often the plan is followed up: a round each quarter or each half year.
ALTER TABLE plans ADD COLUMN follow_up text CHECK (follow_up IN ('kvartalsvis', 'halvårlig'));
