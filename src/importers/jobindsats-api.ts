// jobindsats.dk API v3 (Authorization: Bearer <key>): /v3/tables, /v3/table/{id} (metadata) and
// /v3/data/{id}. Dimension value ids and measure ids are looked up in the table's metadata by their
// labels, never hard-coded; answer columns are mapped by id. The key is server-side only.
//
// The shape of metadata and data answers below follows the public v3 documentation and a client that
// used it (answers as `{ columns, rows }`); no recorded v3 data answer exists in datasets/, so the tests
// build their fixture from this documented shape and say so.

import { findArea, resolveArea } from '../data/areas.ts';
import { ATTRIBUTION_STAR } from '../data/measures.ts';
import type { MeasureRecord, StagedObservation } from '../db/repositories/statistics.ts';
import { inferBetter } from '../domain/better.ts';
import { parseDanishNumber, stripBom } from '../domain/numbers.ts';
import { periodCode, periodOrdinal, tryParsePeriod } from '../domain/periods.ts';
import { ImportError } from './errors.ts';
import { fetchWithRetry, type HttpOptions } from './http.ts';
import type { ParsedImport } from './types.ts';

export interface V3Value {
  id: string;
  name: string;
}
export interface V3TableMeta {
  id: string;
  name: string;
  updated?: string;
  periods?: Record<string, string[]>;
  hierarchies: { id: string; name: string; values: V3Value[] }[];
  measures: { id: string; name: string; unit?: string }[];
}
export interface V3Data {
  columns: (string | { id: string; name?: string })[];
  rows: (string | number | null)[][];
}

/** A v3 table fetched into Måltavle measures: for each benefit group, the full-time persons. */
export interface JobindsatsPreset {
  table: string;
  /** Hierarchy of areas (municipalities, comparison areas, country). */
  areaHierarchy: string;
  /** Optional hierarchy of benefit groups and how each group label becomes a measure suffix. */
  groupHierarchy?: { id: string; groups: [label: RegExp, suffix: string][] };
  /** Which metadata measure to take, by its label. */
  measureLabel: RegExp;
  /** Måltavle measure id prefix. */
  measurePrefix: string;
  unit: string;
}

export const JOBINDSATS_PRESETS: Record<string, JobindsatsPreset> = {
  ptv_a02: {
    table: 'ptv_a02',
    areaHierarchy: '_nykom',
    groupHierarchy: {
      id: '_ygrp_ptv',
      groups: [
        [/^ydelsesgrupper i alt$/i, 'i_alt'],
        [/^a-dagpenge/i, 'a_dagpenge'],
        [/^sygedagpenge/i, 'sygedagpenge'],
        [/^fleksjob/i, 'fleksjob'],
        [/^uddannelseshjælp/i, 'uddannelseshjaelp'],
        [/^kontanthjælp/i, 'kontanthjaelp'],
        [/^jobafklaring/i, 'jobafklaring'],
        [/revalidering/i, 'revalidering'],
        [/^ressourceforløb/i, 'ressourceforloeb'],
        [/^ledighedsydelse/i, 'ledighedsydelse'],
        [/^førtidspension/i, 'foertidspension'],
      ],
    },
    measureLabel: /fuldtidspersoner/i,
    measurePrefix: 'ptv_a02.fuldtidspersoner',
    unit: 'fuldtidspersoner',
  },
  y60a02: {
    table: 'y60a02',
    areaHierarchy: '_nykom',
    measureLabel: /^antal fuldtidspersoner$/i,
    measurePrefix: 'y60a02.fuldtidspersoner',
    unit: 'fuldtidspersoner',
  },
};

function headers(key: string) {
  return { authorization: `Bearer ${key}`, accept: 'application/json' };
}

async function getJson<T>(url: string, key: string, http: HttpOptions): Promise<T> {
  const res = await fetchWithRetry(url, { headers: headers(key) }, http);
  const text = stripBom(await res.text());
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ImportError(`Svaret fra ${url.replace(/\?.*/, '')} er ikke gyldig JSON`);
  }
}

export async function fetchJobindsats(
  base: string,
  key: string | undefined,
  presetName: string,
  opts: { months?: number; http?: HttpOptions } = {},
): Promise<ParsedImport> {
  if (!key) throw new ImportError('JOBINDSATS_API_KEY er ikke sat; nøglen konfigureres på serveren');
  const preset = JOBINDSATS_PRESETS[presetName.toLowerCase()];
  if (!preset)
    throw new ImportError(
      `Ukendt Jobindsats-tabel "${presetName}" (kendte: ${Object.keys(JOBINDSATS_PRESETS).join(', ')})`,
    );
  const http = opts.http ?? {};
  const meta = await getJson<V3TableMeta>(`${base}/v3/table/${preset.table}`, key, http);
  const measure = meta.measures?.find((m) => preset.measureLabel.test(m.name));
  if (!measure)
    throw new ImportError(`Tabellen ${preset.table} har intet mål der matcher ${preset.measureLabel}`);
  const areaH = meta.hierarchies?.find((h) => h.id === preset.areaHierarchy);
  if (!areaH) throw new ImportError(`Tabellen ${preset.table} har ikke hierarkiet ${preset.areaHierarchy}`);
  const groupH = preset.groupHierarchy
    ? meta.hierarchies.find((h) => h.id === preset.groupHierarchy!.id)
    : undefined;
  if (preset.groupHierarchy && !groupH)
    throw new ImportError(`Tabellen ${preset.table} har ikke hierarkiet ${preset.groupHierarchy.id}`);
  // Group value id → measure suffix, looked up by label in the metadata.
  const groupSuffix = new Map<string, string>();
  for (const v of groupH?.values ?? []) {
    const hit = preset.groupHierarchy!.groups.find(([re]) => re.test(v.name));
    if (hit) groupSuffix.set(v.id, hit[1]);
  }
  // Area value id → catalogue area, by code first, then by name (comparison areas, "Hele landet").
  const areaOf = new Map<string, string>();
  for (const v of areaH.values) {
    const a = findArea(v.id) ?? resolveArea(v.name);
    if (a) areaOf.set(v.id, a.id);
  }
  const months = opts.months ?? 60;
  const params = new URLSearchParams({
    'mgroup.*': measure.id,
    'period.m': `latest:${months}`,
    [`hierarchy.${areaH.id}`]: '*',
    format: 'json',
  });
  if (groupH) params.set(`hierarchy.${groupH.id}`, [...groupSuffix.keys()].join(','));
  const data = await getJson<V3Data>(`${base}/v3/data/${preset.table}?${params}`, key, http);
  if (!Array.isArray(data?.columns) || !Array.isArray(data?.rows))
    throw new ImportError('Uventet svar fra Jobindsats: mangler columns og rows');
  const colIds = data.columns.map((c) => (typeof c === 'string' ? c : c.id));
  const iPeriod = colIds.indexOf('period');
  const iArea = colIds.indexOf(areaH.id);
  const iGroup = groupH ? colIds.indexOf(groupH.id) : -1;
  const iValue = colIds.indexOf(measure.id);
  if (iPeriod < 0 || iArea < 0 || iValue < 0 || (groupH && iGroup < 0)) {
    throw new ImportError(
      `Svaret mangler kolonnerne period, ${areaH.id}${groupH ? `, ${groupH.id}` : ''} og ${measure.id}; fik ${colIds.join(', ')}`,
    );
  }
  const rows: StagedObservation[] = [];
  const skipped: Record<string, number> = {};
  const measures = new Map<string, MeasureRecord>();
  data.rows.forEach((r, n) => {
    const where = `række ${n + 1}`;
    const area = areaOf.get(String(r[iArea]));
    if (!area) {
      skipped['område uden for kataloget'] = (skipped['område uden for kataloget'] ?? 0) + 1;
      return;
    }
    const suffix = groupH ? groupSuffix.get(String(r[iGroup])) : undefined;
    if (groupH && !suffix) {
      skipped['anden ydelsesgruppe'] = (skipped['anden ydelsesgruppe'] ?? 0) + 1;
      return;
    }
    const period = tryParsePeriod(String(r[iPeriod]));
    if (!period) throw new ImportError(`Perioden "${r[iPeriod]}" i ${where} kan ikke læses`);
    const parsed = parseDanishNumber(r[iValue] as string | number | null);
    if (parsed.kind === 'invalid') throw new ImportError(`Værdien i ${where} ${parsed.reason}`);
    const measureId = suffix ? `${preset.measurePrefix}.${suffix}` : preset.measurePrefix;
    if (!measures.has(measureId)) {
      const groupName = groupH?.values.find((v) => v.id === String(r[iGroup]))?.name;
      measures.set(measureId, {
        id: measureId,
        name: `${measure.name}${groupName ? `, ${groupName}` : ''}`,
        unit: preset.unit,
        source: 'jobindsats',
        sourceTable: preset.table,
        dimensions: groupName ? { ydelsesgruppe: groupName } : {},
        frequency: period.kind,
        attribution: ATTRIBUTION_STAR,
        description: meta.name,
        better: inferBetter(preset.unit, measure.name),
        betterInferred: true,
      });
    }
    rows.push({
      measureId,
      areaId: area,
      period: periodCode(period),
      periodOrd: periodOrdinal(period),
      value: parsed.kind === 'number' ? parsed.value : null,
      missing: parsed.kind === 'missing' ? parsed.marker || 'tom' : null,
    });
  });
  return {
    source: `jobindsats:${preset.table}`,
    parameters: { table: preset.table, months, measure: measure.id },
    rows,
    measures: [...measures.values()],
    skipped,
    sourceUpdatedAt: meta.updated ? new Date(meta.updated) : null,
  };
}
