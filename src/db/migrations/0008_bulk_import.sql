-- Imports at COPY speed. Observations are written only by the import merge (src/db/repositories/
-- import-writer.ts), which checks every staged row's area and measure set-based (one anti-join per
-- import) before it inserts. The row-by-row foreign-key triggers did the same check once per row and cost
-- some 30 times the insert itself on a million rows, so they go. Areas and measures are never deleted.
ALTER TABLE observations DROP CONSTRAINT IF EXISTS observations_measure_id_fkey;
ALTER TABLE observations DROP CONSTRAINT IF EXISTS observations_area_id_fkey;
ALTER TABLE observations DROP CONSTRAINT IF EXISTS observations_import_id_fkey;
