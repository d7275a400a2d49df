// `maaltavle import <source> …`: csv FILE | file FILE | statbank TABLE | jobindsats TABLE | demo.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadConfig } from '../config.ts';
import { BETTER_LABELS } from '../domain/better.ts';
import { ImportError } from '../importers/errors.ts';
import { fetchJobindsats } from '../importers/jobindsats-api.ts';
import { parseJobindsatsWide } from '../importers/jobindsats-files.ts';
import { fetchY30R21 } from '../importers/jobindsats-v2.ts';
import { streamLongCsv } from '../importers/long-csv.ts';
import { fetchStatbank } from '../importers/statbank-api.ts';
import { fetchAuk01BenefitGroups } from '../importers/statbank-auk01.ts';
import { parseJsonStat, parseStatbankCsv } from '../importers/statbank-files.ts';
import type { AnyImport } from '../importers/types.ts';
import { type ImportSummary, runImport } from '../services/imports.ts';
import type { Services } from '../services/index.ts';
import { knownMeasureIds } from '../services/lookups.ts';
import { type Args, flag, parseArgs } from './args.ts';
import { type CliIo, localIo } from './io.ts';

export const IMPORT_USAGE = `Brug: maaltavle import <kilde> [tilvalg]

  csv FILE                  Måltavles lange CSV (area;measure;period;value[;unit])
  file FILE --measure ID    StatBank-CSV eller JSON-stat (fx AUK01 hentet fra statistikbanken.dk)
  file FILE --jobindsats T  Jobindsats-eksport for tabel T (y25i01, y60a02, y30r21, …)
  statbank TABEL            Hent fra Danmarks Statistiks API (AUK01, FOLK1AM, AUK01-ydelsesgrupper = tabel 1)
  jobindsats TABEL          Hent fra jobindsats.dk (v3: ptv_a02, y60a02; v2: y30r21); kræver JOBINDSATS_API_KEY

Tilvalg:
  --dry-run                 Kontrollér uden at skrive noget
  --create-measures         Opret ukendte mål fra en CSV-fil (enhed fra kolonnen unit)
  --filter DIM=VÆRDI        Vælg én værdi af en ekstra dimension i en StatBank-fil (kan gentages som DIM=V,DIM2=V2)
`;

async function parseSource(args: Args, known: Set<string>, io: CliIo): Promise<AnyImport> {
  const [source, target] = args.positional;
  const config = loadConfig();
  if (!target)
    throw new ImportError(`Angiv ${source === 'csv' || source === 'file' ? 'en fil' : 'en tabel'}`);
  switch (source) {
    case 'csv': {
      const opts = {
        file: basename(target),
        knownMeasures: known,
        createMeasures: args.flags.has('create-measures'),
      };
      // Streamed from disk when run here: a file of millions of rows is never held in memory. Run by a
      // server on the CLI's behalf, the file arrives as bytes and is streamed from them.
      if (io === localIo) return streamLongCsv(target, opts);
      const bytes = io.readFile(target);
      return streamLongCsv(
        (async function* () {
          yield new Uint8Array(bytes);
        })(),
        { ...opts, totalBytes: bytes.length },
      );
    }
    case 'file': {
      const bytes = io.readFile(target);
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
      if (/^(AUK01-ydelsesgrupper|tabel1)$/i.test(target))
        return {
          ...(await fetchAuk01BenefitGroups(config.statbankBaseUrl)),
          source: 'statbank:AUK01-ydelsesgrupper',
        };
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
    ...s.measuresCreatedBetter.map(
      (m) =>
        `  ${m.id}: ${BETTER_LABELS[m.better]}${m.inferred ? ' (antaget ud fra enhed og navn; ret det i målkataloget)' : ''}`,
    ),
    `  Tid: ${s.seconds.toFixed(1)} s`,
  ].join('\n');
}

/** Usage errors answered before the database is opened: the exit code, or undefined to go on. */
export function importPrecheck(argv: string[], io: CliIo): number | undefined {
  const args = parseArgs(argv);
  if (args.positional.length === 0 || args.flags.has('help')) {
    io.stdout(IMPORT_USAGE);
    return args.positional.length === 0 ? 2 : 0;
  }
  return undefined;
}

/** The files the command reads: sent along when a running server does the work. */
export function importInputs(argv: string[]): string[] {
  const [source, target] = parseArgs(argv).positional;
  return (source === 'csv' || source === 'file') && target ? [target] : [];
}

export async function importCommand(argv: string[], services: Services, io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  try {
    const parsed = await parseSource(args, await knownMeasureIds(services.database.db), io);
    const bar = io.progress('Skriver');
    const summary = await runImport(services.database.db, parsed, {
      createdBy: process.env.USER ?? 'kommandolinje',
      dryRun: args.flags.has('dry-run'),
      onProgress: (d, t) => bar.update(d, t),
    });
    bar.stop();
    io.stdout(`${formatSummary(summary)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ImportError) {
      io.stderr(`Importen blev afvist: ${err.message}\nDatabasen er uændret.\n`);
      return 1;
    }
    throw err;
  }
}
