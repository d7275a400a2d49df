-- Direction of "better" on every measure: 'lower' (fewer on benefits is better) or 'higher' (activation
-- rate, ordinary hours). Rank, benchmark, assessment and "what it takes" read it.
ALTER TABLE measures ADD COLUMN better text NOT NULL DEFAULT 'lower' CHECK (better IN ('lower', 'higher'));
-- Whether the direction was set by the catalogue or an import's explicit choice (false) or inferred (true).
ALTER TABLE measures ADD COLUMN better_inferred boolean NOT NULL DEFAULT false;
UPDATE measures SET better = 'higher'
  WHERE id IN ('y60c07.aktiveringsgrad', 'y60c07.andel_aktiveringsberoerte',
               'y60j01.personer_ordinaere_loentimer', 'y60j01.andel_ordinaere_loentimer');
