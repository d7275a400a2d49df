// Use cases of the administrator's "Statistik" page: the sources with their last fetch and the next
// scheduled refresh, "Hent nu" as a background job with progress, uploads with a dry-run preview, the
// import history with its revisions, and the Jobindsats key (encrypted at rest, never sent back).
// Imports go through the existing write path (runImport); access is checked first and an audit row written.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import * as accounts from '../db/repositories/accounts.ts';
import { type MeasureRecord, measureIds, recordFailedImport } from '../db/repositories/statistics.ts';
import * as admin from '../db/repositories/statistics-admin.ts';
import type { DB } from '../db/schema.ts';
import { inferBetter } from '../domain/better.ts';
import { formatNumber } from '../domain/numbers.ts';
import { ImportError } from '../importers/errors.ts';
import { fetchJobindsats } from '../importers/jobindsats-api.ts';
import { fetchY30R21 } from '../importers/jobindsats-v2.ts';
import { fetchStatbank } from '../importers/statbank-api.ts';
import { fetchAuk01BenefitGroups } from '../importers/statbank-auk01.ts';
import type { ParsedImport } from '../importers/types.ts';
import { parseUpload, type UploadKind } from '../importers/upload-preview.ts';
import type { Actor } from './access.ts';
import { badRequest, conflict, forbidden, notFound, unauthorized } from './errors.ts';
import { runImport } from './imports.ts';
import { decryptSecret, encryptSecret } from './secrets.ts';

export interface SourceSettings {
  statbankBaseUrl: string;
  jobindsatsBaseUrl: string;
  /** JOBINDSATS_API_KEY from the environment. */
  jobindsatsApiKey: string | undefined;
  /** MAALTAVLE_SECRET_KEY: encrypts the key an administrator sets. */
  secretKey: string | undefined;
  refreshIntervalHours: number;
}

export const sourceSettingsFrom = (c: Config): SourceSettings => ({
  statbankBaseUrl: c.statbankBaseUrl,
  jobindsatsBaseUrl: c.jobindsatsBaseUrl,
  jobindsatsApiKey: c.jobindsatsApiKey,
  secretKey: c.secretKey,
  refreshIntervalHours: c.refreshIntervalHours,
});

type OnStep = (text: string) => void;

export interface SourceDef {
  id: string;
  name: string;
  description: string;
  needsKey: boolean;
  fetch(s: SourceSettings, key: string | undefined, onStep: OnStep): Promise<ParsedImport>;
}

export const SOURCES: readonly SourceDef[] = [
  {
    id: 'statbank:AUK01-ydelsesgrupper',
    name: 'Danmarks Statistik AUK01: ydelsesgrupper (tabel 1)',
    description:
      'Fuldtidsmodtagere pr. ydelsesgruppe og de to totaler for hele landet, regioner og de 98 kommuner, kvartalsvis fra 2007. Kræver ingen nøgle.',
    needsKey: false,
    fetch: (s, _k, on) => fetchAuk01BenefitGroups(s.statbankBaseUrl, {}, on),
  },
  {
    id: 'statbank:AUK01',
    name: 'Danmarks Statistik AUK01: nettoledige kontanthjælpsmodtagere',
    description: 'Fuldtidsmodtagere, kvartalsvis. Kræver ingen nøgle.',
    needsKey: false,
    fetch: (s) => fetchStatbank(s.statbankBaseUrl, 'AUK01'),
  },
  {
    id: 'statbank:FOLK1AM',
    name: 'Danmarks Statistik FOLK1AM: befolkningen',
    description: 'Befolkningen den 1. i måneden, alle aldre. Kræver ingen nøgle.',
    needsKey: false,
    fetch: (s) => fetchStatbank(s.statbankBaseUrl, 'FOLK1AM'),
  },
  {
    id: 'jobindsats:y30r21',
    name: 'Jobindsats Y30R21: benchmark',
    description: 'Forventet og faktisk antal på offentlig forsørgelse og placering. Kræver Jobindsats-nøgle.',
    needsKey: true,
    fetch: (s, k) => fetchY30R21(s.jobindsatsBaseUrl, k),
  },
  {
    id: 'jobindsats:ptv_a02',
    name: 'Jobindsats ptv_a02: ydelsesgrupper (tabel 1)',
    description: 'Fuldtidspersoner pr. ydelsesgruppe. Kræver Jobindsats-nøgle.',
    needsKey: true,
    fetch: (s, k, on) => fetchJobindsats(s.jobindsatsBaseUrl, k, 'ptv_a02', { onStep: on }),
  },
  {
    id: 'jobindsats:y60a02',
    name: 'Jobindsats y60a02: kontanthjælp',
    description: 'Fuldtidspersoner på kontanthjælp, månedlig. Kræver Jobindsats-nøgle.',
    needsKey: true,
    fetch: (s, k, on) => fetchJobindsats(s.jobindsatsBaseUrl, k, 'y60a02', { onStep: on }),
  },
];

/** Statistics are shared by all municipalities: a system administrator or a municipality's administrator. */
function requireStatisticsAdmin(actor: Actor) {
  const user = actor.user;
  if (!user) throw unauthorized();
  if (!user.isSuperadmin && !user.memberships.some((m) => m.role === 'administrator'))
    throw forbidden('administration af statistik');
  return user;
}

// --- The Jobindsats key ----------------------------------------------------------------------------

const KEY_NAME = 'jobindsats_api_key';

/** The key in use: the one an administrator set, else JOBINDSATS_API_KEY. Never leaves the server. */
export async function jobindsatsKey(db: Kysely<DB>, s: SourceSettings): Promise<string | undefined> {
  const stored = await admin.readSecret(db, KEY_NAME);
  if (stored) {
    if (!s.secretKey)
      throw new ImportError(
        'Der er gemt en Jobindsats-nøgle, men MAALTAVLE_SECRET_KEY er ikke sat, så den kan ikke læses',
      );
    try {
      return decryptSecret(stored, s.secretKey);
    } catch {
      throw new ImportError(
        'Den gemte Jobindsats-nøgle kan ikke dekrypteres med den nuværende MAALTAVLE_SECRET_KEY; sæt nøglen igen',
      );
    }
  }
  return s.jobindsatsApiKey;
}

export async function jobindsatsKeyStatus(db: Kysely<DB>, actor: Actor, s: SourceSettings) {
  requireStatisticsAdmin(actor);
  const stored = await admin.readSecret(db, KEY_NAME);
  return {
    configured: !!stored || !!s.jobindsatsApiKey,
    origin: stored ? ('administrator' as const) : s.jobindsatsApiKey ? ('miljø' as const) : null,
    updatedAt: stored ? stored.updatedAt.toISOString() : null,
    updatedBy: stored?.updatedBy ?? null,
    canStore: !!s.secretKey,
  };
}

export async function setJobindsatsKey(db: Kysely<DB>, actor: Actor, s: SourceSettings, key: string | null) {
  const user = requireStatisticsAdmin(actor);
  if (key !== null && !s.secretKey)
    throw badRequest(
      'Serveren har ingen MAALTAVLE_SECRET_KEY, så nøglen kan ikke gemmes krypteret. Sæt MAALTAVLE_SECRET_KEY, eller JOBINDSATS_API_KEY i miljøet.',
    );
  await db.transaction().execute(async (trx) => {
    if (key === null) await admin.deleteSecret(trx, KEY_NAME);
    else
      await admin.writeSecret(trx, KEY_NAME, { ...encryptSecret(key, s.secretKey!), updatedBy: user.email });
    await accounts.audit(trx, {
      userId: user.id,
      userLabel: user.email,
      municipality: null,
      action: key === null ? 'slet' : 'ret',
      entity: 'jobindsats-nøgle',
      entityId: null,
      before: null,
      // Never the key itself.
      after: key === null ? null : { sat: true, længde: key.length },
    });
  });
  return jobindsatsKeyStatus(db, actor, s);
}

// --- Fetch jobs ("Hent nu") --------------------------------------------------------------------------

export interface FetchJob {
  id: string;
  source: string;
  state: 'kører' | 'færdig' | 'fejlet';
  steps: { at: string; text: string }[];
  written: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
  by: string;
  result: { importId: string; total: number; new: number; revised: number; unchanged: number } | null;
  error: string | null;
}

const jobs = new Map<string, FetchJob>();
const now = () => new Date().toISOString();

export function fetchJob(actor: Actor, id: string): FetchJob {
  requireStatisticsAdmin(actor);
  const j = jobs.get(id);
  if (!j) throw notFound('Hentningen');
  return j;
}

const runningJob = (source: string) =>
  [...jobs.values()].find((j) => j.source === source && j.state === 'kører') ?? null;

/** Fetches one source and writes it through the import write path; returns the job at once. */
export function startFetch(
  db: Kysely<DB>,
  actor: Actor,
  s: SourceSettings,
  sourceId: string,
  done?: (job: FetchJob) => void,
): FetchJob {
  const user = requireStatisticsAdmin(actor);
  const def = SOURCES.find((x) => x.id === sourceId);
  if (!def) throw notFound(`Kilden "${sourceId}"`);
  // Finished jobs are kept an hour for the page to read their result.
  for (const [id, j] of jobs)
    if (j.finishedAt && Date.now() - Date.parse(j.finishedAt) > 3_600_000) jobs.delete(id);
  const busy = runningJob(def.id);
  if (busy) throw conflict('Kilden hentes allerede', { jobId: busy.id });
  const job: FetchJob = {
    id: randomUUID(),
    source: def.id,
    state: 'kører',
    steps: [{ at: now(), text: 'Startet' }],
    written: 0,
    total: 0,
    startedAt: now(),
    finishedAt: null,
    by: user.email,
    result: null,
    error: null,
  };
  jobs.set(job.id, job);
  const step = (text: string) => job.steps.push({ at: now(), text });
  void (async () => {
    const started = new Date();
    let writing = false;
    try {
      const key = def.needsKey ? await jobindsatsKey(db, s) : undefined;
      if (def.needsKey && !key)
        throw new ImportError('Jobindsats-nøglen er ikke sat: sæt den herunder eller i JOBINDSATS_API_KEY');
      const parsed = { ...(await def.fetch(s, key, step)), source: def.id };
      step(`Hentet ${formatNumber(parsed.rows.length)} værdier; skriver`);
      job.total = parsed.rows.length;
      writing = true;
      const r = await runImport(db, parsed, {
        createdBy: user.email,
        onProgress: (w, t) => {
          job.written = w;
          job.total = t;
        },
      });
      await auditImport(db, user, 'hent', def.id, r.importId, {
        new: r.new,
        revised: r.revised,
        unchanged: r.unchanged,
      });
      job.result = {
        importId: r.importId,
        total: r.total,
        new: r.new,
        revised: r.revised,
        unchanged: r.unchanged,
      };
      job.state = 'færdig';
      step(`Færdig: ${r.new} nye, ${r.revised} reviderede, ${r.unchanged} uændrede`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      job.state = 'fejlet';
      job.error = message;
      step(`Fejlede: ${message}`);
      // A failed fetch is part of the history too (the write path records its own failures).
      if (!writing)
        await recordFailedImport(
          db,
          {
            source: def.id,
            parameters: {},
            createdBy: user.email,
            startedAt: started,
            sourceUpdatedAt: null,
          },
          message,
        ).catch(() => undefined);
    } finally {
      job.finishedAt = now();
      done?.(job);
    }
  })();
  return job;
}

async function auditImport(
  db: Kysely<DB>,
  user: { id: string; email: string },
  action: string,
  source: string,
  importId: string,
  after: unknown,
) {
  await accounts.audit(db, {
    userId: user.id,
    userLabel: user.email,
    municipality: null,
    action,
    entity: 'statistik',
    entityId: importId || source,
    before: null,
    after: { kilde: source, ...(after as object) },
  });
}

// --- Sources, history, revisions ----------------------------------------------------------------------

let nextRefreshAt: Date | null = null;
/** Set by the scheduler so the page can show when the next refresh runs. */
export const setNextRefresh = (d: Date | null) => {
  nextRefreshAt = d;
};

export async function listSources(db: Kysely<DB>, actor: Actor, s: SourceSettings) {
  requireStatisticsAdmin(actor);
  const last = new Map((await admin.lastImportPerSource(db)).map((r) => [r.source, r]));
  const keyStatus = await jobindsatsKeyStatus(db, actor, s);
  return {
    nextRefreshAt: nextRefreshAt?.toISOString() ?? null,
    refreshIntervalHours: s.refreshIntervalHours,
    sources: SOURCES.map((d) => {
      const l = last.get(d.id);
      return {
        id: d.id,
        name: d.name,
        description: d.description,
        needsKey: d.needsKey,
        available: !d.needsKey || keyStatus.configured,
        last: l
          ? {
              importId: l.id,
              status: l.status,
              at: new Date(l.started_at).toISOString(),
              by: l.created_by,
              new: l.rows_new,
              revised: l.rows_revised,
              unchanged: l.rows_unchanged,
              error: l.error,
            }
          : null,
        running: runningJob(d.id),
      };
    }),
  };
}

export async function importHistory(db: Kysely<DB>, actor: Actor, q: { source?: string; limit?: number }) {
  requireStatisticsAdmin(actor);
  const rows = await admin.importHistory(db, {
    ...(q.source ? { source: q.source } : {}),
    limit: q.limit ?? 50,
  });
  return rows.map((i) => ({
    id: String(i.id),
    source: i.source,
    status: i.status,
    by: i.created_by,
    startedAt: new Date(i.started_at).toISOString(),
    finishedAt: i.finished_at ? new Date(i.finished_at).toISOString() : null,
    total: i.rows_total,
    new: i.rows_new,
    revised: i.rows_revised,
    unchanged: i.rows_unchanged,
    error: i.error,
  }));
}

export async function importRevisions(db: Kysely<DB>, actor: Actor, importId: string) {
  requireStatisticsAdmin(actor);
  const [rows, count] = await Promise.all([
    admin.revisionsOf(db, importId),
    admin.countRevisionsOf(db, importId),
  ]);
  return {
    importId,
    count,
    revisions: rows.map((r) => ({
      measure: r.measure_id,
      area: r.area_id,
      period: r.period,
      before: r.old_value,
      after: r.value,
      version: r.version,
    })),
  };
}

// --- Uploads with a dry-run preview ---------------------------------------------------------------------

export interface NewMeasureInput {
  id: string;
  name?: string | undefined;
  unit: string;
  better: 'lower' | 'higher';
}

export interface UploadInput {
  fileName: string;
  kind: UploadKind;
  content: Uint8Array;
  measure?: string | undefined;
  table?: string | undefined;
  filter?: Record<string, string> | undefined;
  newMeasures?: NewMeasureInput[] | undefined;
  confirm: boolean;
}

export async function upload(db: Kysely<DB>, actor: Actor, input: UploadInput) {
  const user = requireStatisticsAdmin(actor);
  const known = await measureIds(db);
  let parse: ReturnType<typeof parseUpload>;
  try {
    parse = parseUpload(
      input.content,
      {
        kind: input.kind,
        file: input.fileName,
        ...(input.measure ? { measure: input.measure } : {}),
        ...(input.table ? { table: input.table } : {}),
        ...(input.filter ? { filter: input.filter } : {}),
      },
      known,
    );
  } catch (err) {
    if (err instanceof ImportError)
      throw badRequest(err.message, { fields: [{ path: 'file', message: err.message }] });
    throw err;
  }
  const { parsed, refused } = parse;
  // Measures the file names that Måltavle does not know: the user gives unit and direction of better.
  const unknown = [...new Set(parsed.rows.map((r) => r.measureId).filter((id) => !known.has(id)))];
  const defined = new Map((input.newMeasures ?? []).map((m) => [m.id, m]));
  const suggested = new Map(parsed.measures.map((m) => [m.id, m]));
  const newMeasures = unknown.map((id) => ({
    id,
    suggestedUnit: suggested.get(id)?.unit ?? 'antal',
    frequency: suggested.get(id)?.frequency ?? 'month',
    defined: defined.get(id) ?? null,
  }));
  const undefinedMeasures = newMeasures.filter((m) => !m.defined).map((m) => m.id);
  if (input.confirm && undefinedMeasures.length)
    throw badRequest(`Angiv enhed og retning for de nye mål: ${undefinedMeasures.join(', ')}`, {
      fields: undefinedMeasures.map((id) => ({
        path: `newMeasures.${id}`,
        message: 'Enhed og retning mangler',
      })),
    });
  const records: MeasureRecord[] = unknown.map((id) => {
    const d = defined.get(id);
    const base = suggested.get(id);
    return {
      id,
      name: d?.name || id,
      unit: d?.unit ?? base?.unit ?? 'antal',
      source: 'file',
      sourceTable: null,
      dimensions: {},
      frequency: base?.frequency ?? 'month',
      attribution: `Kilde: fil ${input.fileName}, indlæst af ${user.email}`,
      description: `Oprettet ved upload af ${input.fileName}`,
      // The user's answer in the preview, else inferred from unit and name (shown as inferred).
      better: d?.better ?? inferBetter(d?.unit ?? base?.unit ?? 'antal', d?.name || id),
      betterInferred: !d,
    };
  });
  // The values now in place where the file would change them (a sample for the preview).
  const current = await admin.currentValuesAt(db, parsed.rows.slice(0, 5000));
  const byKey = new Map(current.map((c) => [`${c.measure_id}|${c.area_id}|${c.period}`, c]));
  const revisedSample = parsed.rows
    .map((r) => ({ r, c: byKey.get(`${r.measureId}|${r.areaId}|${r.period}`) }))
    .filter(({ r, c }) => c && (c.value !== r.value || (c.missing ?? null) !== (r.missing ?? null)))
    .slice(0, 20)
    .map(({ r, c }) => ({
      measure: r.measureId,
      area: r.areaId,
      period: r.period,
      before: c!.value,
      after: r.value,
    }));
  const summary =
    parsed.rows.length === 0
      ? { importId: '', total: 0, new: 0, revised: 0, unchanged: 0 }
      : await runImport(
          db,
          { ...parsed, measures: records, parameters: { ...parsed.parameters, fileName: input.fileName } },
          { createdBy: user.email, dryRun: !input.confirm },
        ).catch((err: unknown) => {
          if (err instanceof ImportError) throw badRequest(err.message);
          throw err;
        });
  if (input.confirm) {
    if (parsed.rows.length === 0) throw badRequest('Filen har ingen linjer der kan indlæses');
    await auditImport(db, user, 'upload', parsed.source, summary.importId, {
      fil: input.fileName,
      new: summary.new,
      revised: summary.revised,
      unchanged: summary.unchanged,
      afvist: refused.length,
    });
  }
  return {
    dryRun: !input.confirm,
    fileName: input.fileName,
    kind: input.kind,
    importId: input.confirm ? summary.importId : null,
    total: summary.total,
    new: summary.new,
    revised: summary.revised,
    unchanged: summary.unchanged,
    refused: refused.slice(0, 200),
    refusedCount: refused.length,
    revisedSample,
    newMeasures: newMeasures.map((m) => ({
      id: m.id,
      suggestedUnit: m.suggestedUnit,
      frequency: m.frequency,
      unit: m.defined?.unit ?? null,
      better: m.defined?.better ?? null,
    })),
  };
}
