// jobindsats.dk API v3 (Authorization: Bearer <key>): /v3/table/{id} (metadata) and /v3/data/{id} asked
// as public clients do (`mgroup.*=*`, `hierarchy.<id>=*` or `/`, `period.M=latest:60` in upper case with a
// retry on 422 "Unknown period type" with Q then Y, `format=json`). Hierarchies and members are found by
// id or label in either metadata shape, answer columns by id or normalised Danish label
// (jobindsats-v3-shapes.ts). No recorded v3 answer exists in datasets/: the tests build theirs from the
// documentation and public clients and say so. The key is server-side only.
import { findArea, resolveArea } from '../data/areas.ts';
import {
  BENEFIT_GROUPS,
  measureSuffix,
  PTV_MEASURE_PREFIX,
  PTV_TOTAL_LABEL,
} from '../data/benefit-groups.ts';
import { ATTRIBUTION_STAR } from '../data/measures.ts';
import { inferBetter } from '../domain/better.ts';
import { parseDanishNumber, stripBom } from '../domain/numbers.ts';
import { periodCode, periodOrdinal, tryParsePeriod } from '../domain/periods.ts';
import type { MeasureRecord, StagedObservation } from '../domain/statistics.ts';
import { ImportError } from './errors.ts';
import { fetchWithRetry, type HttpOptions } from './http.ts';
import { findColumn, normaliseLabel, readData, readMeta, type V3Meta } from './jobindsats-v3-shapes.ts';
import type { ParsedImport } from './types.ts';

/** Metadata in the shape Måltavle read first (`hierarchies[].id/values[]`); see jobindsats-v3-shapes.ts. */
export interface V3TableMeta {
  id: string;
  name: string;
  updated?: string;
  periods?: Record<string, string[]>;
  hierarchies: { id: string; name: string; values: { id: string; name: string }[] }[];
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
  groupHierarchy?: { id: string; match?: RegExp; groups: [label: RegExp, suffix: string][] };
  /** Period types to ask for, in order (upper case, as the service wants them). */
  periodTypes: string[];
  /** Which metadata measure to take, by its label. */
  measureLabel: RegExp;
  /** Måltavle measure id prefix. */
  measurePrefix: string;
  unit: string;
}

const JOBINDSATS_PRESETS: Record<string, JobindsatsPreset> = {
  ptv_a02: {
    table: 'ptv_a02',
    areaHierarchy: '_nykom',
    groupHierarchy: {
      id: '_ygrp_ptv',
      match: /ydelsesgrupp/i,
      groups: [
        [PTV_TOTAL_LABEL, measureSuffix('i-alt')],
        ...BENEFIT_GROUPS.map((g): [RegExp, string] => [g.ptvLabel, measureSuffix(g.id)]),
      ],
    },
    measureLabel: /fuldtidspersoner/i,
    measurePrefix: PTV_MEASURE_PREFIX,
    unit: 'fuldtidspersoner',
    periodTypes: ['Q', 'M', 'Y'],
  },
  y60a02: {
    table: 'y60a02',
    areaHierarchy: '_nykom',
    measureLabel: /^antal fuldtidspersoner$/i,
    measurePrefix: 'y60a02.fuldtidspersoner',
    unit: 'fuldtidspersoner',
    periodTypes: ['M', 'Q', 'Y'],
  },
};

function headers(key: string) {
  return { authorization: `Bearer ${key}`, accept: 'application/json' };
}

async function getJson(url: string, key: string, http: HttpOptions): Promise<unknown> {
  const res = await fetchWithRetry(url, { headers: headers(key) }, http);
  const text = stripBom(await res.text());
  try {
    return JSON.parse(text);
  } catch {
    throw new ImportError(
      `Svaret fra ${url.replace(/\?.*/, '')} er ikke gyldig JSON (begynder med "${text.slice(0, 40)}")`,
    );
  }
}

/** How many periods "latest:N" asks for, per period type, for the requested number of months. */
const latestCount = (type: string, months: number) =>
  type === 'Q' ? Math.ceil(months / 3) : type === 'Y' || type === 'A' ? Math.ceil(months / 12) : months;

function findHierarchy(meta: V3Meta, id: string, match: RegExp | undefined, what: string) {
  const h =
    meta.hierarchies.find((x) => x.id === id) ??
    (match ? meta.hierarchies.find((x) => match.test(x.name) || match.test(x.id)) : undefined);
  if (!h)
    throw new ImportError(
      `Tabellen ${meta.id} har ikke hierarkiet ${id} (${what}); hierarkierne er ${meta.hierarchies.map((x) => `${x.id} "${x.name}"`).join(', ') || 'ingen'}`,
    );
  return h;
}

export async function fetchJobindsats(
  base: string,
  key: string | undefined,
  presetName: string,
  opts: { months?: number; http?: HttpOptions; onStep?: (step: string) => void } = {},
): Promise<ParsedImport> {
  if (!key) throw new ImportError('JOBINDSATS_API_KEY er ikke sat; nøglen konfigureres på serveren');
  const preset = JOBINDSATS_PRESETS[presetName.toLowerCase()];
  if (!preset)
    throw new ImportError(
      `Ukendt Jobindsats-tabel "${presetName}" (kendte: ${Object.keys(JOBINDSATS_PRESETS).join(', ')})`,
    );
  const http = opts.http ?? {};
  opts.onStep?.(`Henter metadata for ${preset.table}`);
  const meta = readMeta(await getJson(`${base}/v3/table/${preset.table}`, key, http), preset.table);
  const areaH = findHierarchy(meta, preset.areaHierarchy, /omr[aå]de|kommune/i, 'områder');
  const groupH = preset.groupHierarchy
    ? findHierarchy(meta, preset.groupHierarchy.id, preset.groupHierarchy.match, 'ydelsesgrupper')
    : undefined;
  const measure = meta.measures.find((m) => preset.measureLabel.test(m.name));
  // Area and group value → catalogue area / measure suffix, by id and by label (answers carry either).
  const areaOf = new Map<string, string>();
  for (const v of areaH.values) {
    const a = findArea(v.id) ?? resolveArea(v.name);
    if (a) {
      areaOf.set(v.id, a.id);
      areaOf.set(normaliseLabel(v.name), a.id);
    }
  }
  const groupOf = new Map<string, { suffix: string; name: string }>();
  for (const v of groupH?.values ?? []) {
    const hit = preset.groupHierarchy!.groups.find(([re]) => re.test(v.name));
    if (hit) {
      groupOf.set(v.id, { suffix: hit[1], name: v.name });
      groupOf.set(normaliseLabel(v.name), { suffix: hit[1], name: v.name });
    }
  }
  const months = opts.months ?? 60;
  const params: Record<string, string> = { 'mgroup.*': '*', [`hierarchy.${areaH.id}`]: '*' };
  if (groupH) params[`hierarchy.${groupH.id}`] = '*';
  // Hierarchies the table requires and the preset does not split by: their total.
  for (const h of meta.hierarchies)
    if (h.required && h.id !== areaH.id && h.id !== groupH?.id) params[`hierarchy.${h.id}`] = '/';
  const types = [
    ...new Set([
      ...preset.periodTypes.filter((t) => !meta.periodTypes.length || meta.periodTypes.includes(t)),
      ...preset.periodTypes,
    ]),
  ];
  let json: unknown;
  const tried: string[] = [];
  for (const type of types) {
    const q = new URLSearchParams({
      ...params,
      [`period.${type}`]: `latest:${latestCount(type, months)}`,
      format: 'json',
    });
    opts.onStep?.(`Henter data for ${preset.table} (periodetype ${type})`);
    try {
      json = await getJson(`${base}/v3/data/${preset.table}?${q}`, key, http);
      break;
    } catch (err) {
      tried.push(type);
      const unknownType =
        err instanceof ImportError &&
        err.where.httpStatus === 422 &&
        /unknown period type/i.test(err.message);
      if (!unknownType) throw err;
      if (tried.length === types.length)
        throw new ImportError(
          `Tabellen ${preset.table} kender ingen af periodetyperne ${tried.join(', ')} (${err.message})`,
          { httpStatus: 422 },
        );
    }
  }
  const data = readData(json);
  const cols = data.columns;
  const iPeriod = findColumn(cols, { ids: ['period', 'periode'], labels: ['Periode', 'Period', 'Tid'] });
  const iArea = findColumn(cols, {
    ids: [areaH.id],
    labels: [areaH.name, 'Område', 'Kommune', 'Area'].filter(Boolean),
  });
  const iGroup = groupH
    ? findColumn(cols, { ids: [groupH.id], labels: [groupH.name, 'Ydelsesgruppe'].filter(Boolean) })
    : -1;
  const iValue = findColumn(cols, {
    ids: measure ? [measure.id] : [],
    labels: measure ? [measure.name] : [],
    pattern: new RegExp(
      normaliseLabel(preset.measureLabel.source.replace(/[\\^$]/g, '')).replace(/ /g, '.*'),
    ),
  });
  const missing = [
    iPeriod < 0 ? 'periode' : '',
    iArea < 0 ? `område (${areaH.id})` : '',
    groupH && iGroup < 0 ? `ydelsesgruppe (${groupH.id})` : '',
    iValue < 0 ? `målet ${measure ? `${measure.id} "${measure.name}"` : preset.measureLabel}` : '',
  ].filter(Boolean);
  if (missing.length)
    throw new ImportError(
      `Svaret fra Jobindsats mangler kolonnen for ${missing.join(', ')}; kolonnerne er ${cols.names.map((n, i) => (cols.ids[i] && cols.ids[i] !== n ? `${cols.ids[i]} "${n}"` : `"${n}"`)).join(', ')}`,
    );
  const valueName = measure?.name ?? cols.names[iValue]!;
  const rows: StagedObservation[] = [];
  const skipped: Record<string, number> = {};
  const measures = new Map<string, MeasureRecord>();
  const skip = (why: string) => {
    skipped[why] = (skipped[why] ?? 0) + 1;
  };
  for (const [n, r] of data.rows.entries()) {
    const where = `række ${n + 1}`;
    const areaCell = String(r[iArea] ?? '');
    const area = areaOf.get(areaCell) ?? areaOf.get(normaliseLabel(areaCell)) ?? resolveArea(areaCell)?.id;
    if (!area) {
      skip('område uden for kataloget');
      continue;
    }
    let group: { suffix: string; name: string } | undefined;
    if (groupH) {
      const g = String(r[iGroup] ?? '');
      group = groupOf.get(g) ?? groupOf.get(normaliseLabel(g));
      if (!group) {
        skip('anden ydelsesgruppe');
        continue;
      }
    }
    const period = tryParsePeriod(String(r[iPeriod] ?? ''));
    if (!period) throw new ImportError(`Perioden "${r[iPeriod]}" i ${where} kan ikke læses`);
    const parsed = parseDanishNumber(r[iValue] as string | number | null);
    if (parsed.kind === 'invalid') throw new ImportError(`Værdien i ${where} ${parsed.reason}`);
    const measureId = group ? `${preset.measurePrefix}.${group.suffix}` : preset.measurePrefix;
    if (!measures.has(measureId)) {
      measures.set(measureId, {
        id: measureId,
        name: `${valueName}${group ? `, ${group.name}` : ''}`,
        unit: preset.unit,
        source: 'jobindsats',
        sourceTable: preset.table,
        dimensions: group ? { ydelsesgruppe: group.name } : {},
        frequency: period.kind,
        attribution: ATTRIBUTION_STAR,
        description: meta.name,
        better: inferBetter(preset.unit, valueName),
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
  }
  return {
    source: `jobindsats:${preset.table}`,
    parameters: { table: preset.table, months, periodTypesTried: [...tried], metadataShape: meta.shape },
    rows,
    measures: [...measures.values()],
    skipped,
    sourceUpdatedAt: meta.updated ? new Date(meta.updated) : null,
  };
}
