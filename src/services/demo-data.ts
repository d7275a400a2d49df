// The demo data set: the real statistics shipped in datasets/ (see datasets/SOURCES.md), loaded into an
// empty database. Nothing here is generated: every value is a published figure with its source.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { parseJobindsatsWide } from '../importers/jobindsats-files.ts';
import { parseStatbankCsv } from '../importers/statbank-files.ts';
import type { ParsedImport } from '../importers/types.ts';
import { type ImportSummary, runImport } from './imports.ts';

export const DATASETS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'datasets');

export const DEMO_FILES: { label: string; parse: () => ParsedImport }[] = [
  ...(
    [
      ['y30r21', 'jobindsats/y30r21_benchmark_2020QMAT02-2022QMAT04.csv'],
      ['y25i01', 'jobindsats/y25i01_ledighed_kommuner_maaned.csv'],
      ['y25i09', 'jobindsats/y25i09_langtidsledighed_kommuner_maaned.csv'],
      ['y60a02', 'jobindsats/y60a02_kontanthjaelp_kommuner_maaned.csv'],
      ['y60c07', 'jobindsats/y60c07_aktivering_kommuner_maaned.csv'],
      ['y60j01', 'jobindsats/y60j01_ordinaere_loentimer_kommuner_maaned.csv'],
    ] as const
  ).map(([table, file]) => ({
    label: `Jobindsats ${table.toUpperCase()}`,
    parse: () => parseJobindsatsWide(readFileSync(join(DATASETS_DIR, file)), table, `datasets/${file}`),
  })),
  {
    label: 'Danmarks Statistik AUK01',
    parse: () =>
      parseStatbankCsv(
        readFileSync(
          join(DATASETS_DIR, 'statbank/AUK01_nettoledige_kontanthjaelpsmodtagere_2007Q1-2025Q4_en.csv'),
        ),
        {
          measure: 'auk01.nettoledige_kontanthjaelp',
          origin: 'datasets/statbank/AUK01_nettoledige_kontanthjaelpsmodtagere_2007Q1-2025Q4_en.csv',
        },
      ),
  },
  {
    label: 'Danmarks Statistik FOLK1AM',
    parse: () =>
      parseStatbankCsv(
        readFileSync(join(DATASETS_DIR, 'statbank/FOLK1AM_befolkning_2021M10-2026M02_en.csv')),
        {
          measure: 'folk1am.befolkning',
          origin: 'datasets/statbank/FOLK1AM_befolkning_2021M10-2026M02_en.csv',
        },
      ),
  },
];

export async function loadDemoStatistics(
  db: Kysely<DB>,
  onFile?: (label: string, summary: ImportSummary) => void,
): Promise<ImportSummary[]> {
  const out: ImportSummary[] = [];
  for (const f of DEMO_FILES) {
    const s = await runImport(db, f.parse(), { createdBy: 'demo' });
    onFile?.(f.label, s);
    out.push(s);
  }
  return out;
}
