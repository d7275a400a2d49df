// `maaltavle import <source> …`: csv FILE | file FILE | statbank TABLE | jobindsats TABLE | demo.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadConfig } from '../config.ts';
import { measureIds } from '../db/repositories/statistics.ts';
import { ImportError } from '../importers/errors.ts';
import { fetchJobindsats } from '../importers/jobindsats-api.ts';
import { parseJobindsatsWide } from '../importers/jobindsats-files.ts';
import { fetchY30R21 } from '../importers/jobindsats-v2.ts';
import { streamLongCsv } from '../importers/long-csv.ts';
import { fetchStatbank } from '../importers/statbank-api.ts';
import { parseJsonStat, parseStatbankCsv } from '../importers/statbank-files.ts';
import type { AnyImport } from '../importers/types.ts';
import { openServices } from '../services/bootstrap.ts';
import { type ImportSummary, runImport } from '../services/imports.ts';
import { type Args, flag, parseArgs } from './args.ts';
import { progress } from './progress.ts';

export const IMPORT_USAGE = `Brug: maaltavle import <kilde> [tilvalg]

  csv FILE                  Måltavles lange CSV (area;measure;period;value[;unit])
  file FILE --measure ID    StatBank-CSV eller JSON-stat (fx AUK01 hentet fra statistikbanken.dk)
  file FILE --jobindsats T  Jobindsats-eksport for tabel T (y25i01, y60a02, y30r21, …)
  statbank TABEL            Hent fra Danmarks Statistiks API (AUK01, FOLK1AM)
  jobindsats TABEL          Hent fra jobindsats.dk (v3: ptv_a02, y60a02; v2: y30r21); kræver JOBINDSATS_API_KEY

Tilvalg:
  --dry-run                 Kontrollér uden at skrive noget
  --create-measures         Opret ukendte mål fra en CSV-fil (enhed fra kolonnen unit)
  --filter DIM=VÆRDI        Vælg én værdi af en ekstra dimension i en StatBank-fil (kan gentages som DIM=V,DIM2=V2)
`;

async function parseSource(args: Args, known: Set<string>): Promise<AnyImport> {
  const [source, target] = args.positional;
  const config = loadConfig();
  if (!target)
    throw new ImportError(`Angiv ${source === 'csv' || source === 'file' ? 'en fil' : 'en tabel'}`);
  switch (source) {
    case 'csv':
      // Streamed: a file of millions of rows is never held in memory.
      return streamLongCsv(target, {
        file: basename(target),
        knownMeasures: known,
        createMeasures: args.flags.has('create-measures'),
      });
    case 'file': {
      const bytes = readFileSync(target);
      const jobindsats = flag(args, 'jobindsats');
      if (jobindsats) return parseJobindsatsWide(bytes, jobindsats.toLowerCase(), basename(target));
      const measure = flag(args, 'measure');
      if (!measure)
        throw new ImportError('Angiv --measure ID for en StatBank-fil (eller --jobindsats TABEL)');
      const filter = Object.fromEntries(
        (flag(args, 'filter') ?? '')
          .split(',')
          .filter(Boolean)
          .map((kv) => kv.split('=') as [string, string]),
      );
      const text = new TextDecoder()
        .decode(bytes.subarray(0, 64))
        .replace(/^\uFEFF/, '')
        .trimStart();
      if (text.startsWith('{'))
        return parseJsonStat(JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')), {
          measure,
          filter,
          origin: basename(target),
        });
      return parseStatbankCsv(bytes, { measure, filter, origin: basename(target) });
    }
    case 'statbank':
      return fetchStatbank(config.statbankBaseUrl, target);
    case 'jobindsats':
      if (target.toLowerCase() === 'y30r21')
        return fetchY30R21(config.jobindsatsBaseUrl, config.jobindsatsApiKey);
      return fetchJobindsats(config.jobindsatsBaseUrl, config.jobindsatsApiKey, target);
    default:
      throw new ImportError(`Ukendt kilde "${source}"\n\n${IMPORT_USAGE}`);
  }
}

export function formatSummary(s: ImportSummary): string {
  const skipped = Object.entries(s.skipped).map(([k, v]) => `${v} ${k}`);
  return [
    s.dryRun ? 'Kontrol (--dry-run): intet er skrevet.' : `Import nr. ${s.importId} gennemført.`,
    `  Rækker: ${s.total} i alt — ${s.new} nye, ${s.revised} reviderede, ${s.unchanged} uændrede`,
    ...(skipped.length ? [`  Sprunget over: ${skipped.join(', ')}`] : []),
    ...(s.measuresCreated.length ? [`  Nye mål: ${s.measuresCreated.join(', ')}`] : []),
    `  Tid: ${s.seconds.toFixed(1)} s`,
  ].join('\n');
}

export async function importCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.positional.length === 0 || args.flags.has('help')) {
    process.stdout.write(IMPORT_USAGE);
    return args.positional.length === 0 ? 2 : 0;
  }
  const services = await openServices(loadConfig());
  try {
    const parsed = await parseSource(args, await measureIds(services.database.db));
    const bar = progress('Skriver');
    const summary = await runImport(services.database.db, parsed, {
      createdBy: process.env.USER ?? 'kommandolinje',
      dryRun: args.flags.has('dry-run'),
      onProgress: (d, t) => bar.update(d, t),
    });
    bar.stop();
    process.stdout.write(`${formatSummary(summary)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ImportError) {
      process.stderr.write(`Importen blev afvist: ${err.message}\nDatabasen er uændret.\n`);
      return 1;
    }
    throw err;
  } finally {
    await services.close();
  }
}
