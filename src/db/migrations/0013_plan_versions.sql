-- A version number for everything a plan shows (its text, focus areas, goals, indicators, rounds and status
-- entries), bumped by the database itself whoever writes (any app server, the CLI, a migration). A cached
-- answer about a plan (the dashboard) is current exactly when the version it was built from is still the
-- plan's version: one indexed read per request instead of evaluating the plan again.
-- The bumps are deferred to commit, so a transaction takes the version row's lock last, after the rows it
-- changed (no lock-order deadlock with a concurrent edit), and a plan's version moves once per commit.
CREATE TABLE plan_versions (
  plan_id bigint PRIMARY KEY REFERENCES plans (id) ON DELETE CASCADE,
  version bigint NOT NULL DEFAULT 0
);
INSERT INTO plan_versions (plan_id) SELECT id FROM plans;

CREATE FUNCTION plan_version_bump(plan bigint) RETURNS void LANGUAGE sql AS $$
  UPDATE plan_versions SET version = version + 1 WHERE plan_id = plan
$$;

CREATE FUNCTION plan_versions_on_plan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO plan_versions (plan_id) VALUES (NEW.id) ON CONFLICT (plan_id) DO NOTHING;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM plan_version_bump(NEW.id);
  END IF;
  RETURN NULL;
END $$;

-- Tables with a plan_id of their own.
CREATE FUNCTION plan_versions_on_plan_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM plan_version_bump(NEW.plan_id); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM plan_version_bump(OLD.plan_id); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION plan_versions_on_indicator() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM plan_version_bump(plan_id) FROM goals WHERE id = NEW.goal_id;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM plan_version_bump(plan_id) FROM goals WHERE id = OLD.goal_id;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION plan_versions_on_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM plan_version_bump(plan_id) FROM status_rounds WHERE id = NEW.round_id;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM plan_version_bump(plan_id) FROM status_rounds WHERE id = OLD.round_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER plans_version AFTER INSERT OR UPDATE ON plans
  FOR EACH ROW EXECUTE FUNCTION plan_versions_on_plan();
CREATE CONSTRAINT TRIGGER focus_areas_version AFTER INSERT OR UPDATE OR DELETE ON focus_areas
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION plan_versions_on_plan_row();
CREATE CONSTRAINT TRIGGER goals_version AFTER INSERT OR UPDATE OR DELETE ON goals
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION plan_versions_on_plan_row();
CREATE CONSTRAINT TRIGGER status_rounds_version AFTER INSERT OR UPDATE OR DELETE ON status_rounds
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION plan_versions_on_plan_row();
CREATE CONSTRAINT TRIGGER indicators_version AFTER INSERT OR UPDATE OR DELETE ON indicators
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION plan_versions_on_indicator();
CREATE CONSTRAINT TRIGGER status_entries_version AFTER INSERT OR UPDATE OR DELETE ON status_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION plan_versions_on_entry();
