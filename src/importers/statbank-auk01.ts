// Table 1 without a key: StatBank AUK01 (fuldtidsmodtagere by area, benefit type, sex, age, quarter) for
// the country, the 5 regions and the 98 municipalities, every benefit type of Måltavle's 10 groups (looked
// up by label in tableinfo, see src/data/auk01-benefit-types.ts), summed to the groups and to the two
// totals Table 1 prints. Quarterly from 2007Q1.
import { MUNICIPALITIES, REGIONS } from '../data/areas.ts';
import { AUK01_BENEFIT_MAPPING, auk01MeasureId, normaliseLabel } from '../data/auk01-benefit-types.ts';
import { BENEFIT_TOTALS } from '../data/benefit-groups.ts';
import type { StagedObservation } from '../domain/statistics.ts';
import { ImportError } from './errors.ts';
import { fetchWithRetry, type HttpOptions } from './http.ts';
import { findValue, type TableInfo, tableInfo } from './statbank-api.ts';
import { parseStatbankCsv } from './statbank-files.ts';
import type { ParsedImport } from './types.ts';

const AUK01_FIRST_PERIOD = '2007Q1';

/** The group of each benefit-type value id, from the table's labels; fails listing the labels it has. */
function resolveBenefitTypes(info: TableInfo): Map<string, string> {
  const variable = info.variables.find((x) => x.id.toUpperCase() === 'YDELSESTYPE');
  if (!variable)
    throw new ImportError(
      `Tabellen ${info.id} har ingen variabel YDELSESTYPE; variablerne er ${info.variables.map((x) => x.id).join(', ')}`,
    );
  const byLabel = new Map(variable.values.map((x) => [normaliseLabel(x.text), x.id]));
  const typeToGroup = new Map<string, string>();
  const missing: string[] = [];
  for (const m of AUK01_BENEFIT_MAPPING) {
    for (const l of m.labels) {
      const id = byLabel.get(normaliseLabel(l.label));
      if (id === undefined) missing.push(`"${l.label}" (${m.group})`);
      else typeToGroup.set(id, m.group);
    }
  }
  if (missing.length) {
    throw new ImportError(
      `Tabellen ${info.id} har ikke længere ydelsestypen ${missing.join(', ')}. Tabellens ydelsestyper nu: ${variable.values.map((x) => `"${x.text}"`).join(', ')}`,
    );
  }
  return typeToGroup;
}

/**
 * Sums benefit-type rows (measure id = `type:<value id>`) into the groups and the totals. A group or total
 * is missing (never zero) for an area and period when one of its parts is missing or absent.
 */
function sumToGroups(
  typeRows: readonly StagedObservation[],
  typeToGroup: ReadonlyMap<string, string>,
): StagedObservation[] {
  const partsOf = new Map<string, string[]>();
  for (const [t, g] of typeToGroup) partsOf.set(g, [...(partsOf.get(g) ?? []), t]);
  const cells = new Map<string, { template: StagedObservation; values: Map<string, number | null> }>();
  for (const r of typeRows) {
    const key = `${r.areaId}|${r.period}`;
    let c = cells.get(key);
    if (!c) {
      c = { template: r, values: new Map() };
      cells.set(key, c);
    }
    c.values.set(r.measureId.slice('type:'.length), r.value);
  }
  const out: StagedObservation[] = [];
  const push = (t: StagedObservation, id: string, v: number | null) =>
    out.push({
      measureId: auk01MeasureId(id),
      areaId: t.areaId,
      period: t.period,
      periodOrd: t.periodOrd,
      value: v,
      missing: v === null ? '..' : null,
    });
  for (const { template, values } of cells.values()) {
    const groupValue = new Map<string, number | null>();
    for (const [g, parts] of partsOf) {
      let sum: number | null = 0;
      for (const p of parts) {
        const x = values.get(p);
        if (x === null || x === undefined) {
          sum = null;
          break;
        }
        sum += x;
      }
      groupValue.set(g, sum);
      push(template, g, sum);
    }
    for (const t of BENEFIT_TOTALS) {
      let sum: number | null = 0;
      for (const g of t.sumOf) {
        const x = groupValue.get(g);
        if (x === null || x === undefined) {
          sum = null;
          break;
        }
        sum += x;
      }
      push(template, t.id, sum);
    }
  }
  return out;
}

export async function fetchAuk01BenefitGroups(
  base: string,
  http: HttpOptions = {},
  onStep?: (step: string) => void,
): Promise<ParsedImport> {
  onStep?.('Henter tabeloplysninger (tableinfo) for AUK01');
  const info = await tableInfo(base, 'AUK01', http);
  const typeToGroup = resolveBenefitTypes(info);
  const areaVar = info.variables.find((x) => /^(OMRÅDE|OMRADE)$/i.test(x.id));
  const timeVar = info.variables.find((x) => x.time || /^tid$/i.test(x.id));
  if (!areaVar || !timeVar)
    throw new ImportError(
      `Tabellen ${info.id} har ikke både OMRÅDE og Tid; variablerne er ${info.variables.map((x) => x.id).join(', ')}`,
    );
  const wanted = new Set(['000', ...REGIONS.map((r) => r.id), ...MUNICIPALITIES.map((m) => m.id)]);
  const areaValues = areaVar.values.map((x) => x.id).filter((id) => wanted.has(id));
  const timeValues = timeVar.values.map((x) => x.id).filter((t) => t >= AUK01_FIRST_PERIOD.slice(0, 4));
  const values = {
    YDELSESTYPE: [...typeToGroup.keys()],
    KØN: [findValue(info, 'KØN', /^(i alt|total)$/i)],
    ALDER: [findValue(info, 'ALDER', /^(alder i alt|age, total|i alt)$/i)],
  };
  const body = {
    table: info.id,
    format: 'CSV',
    lang: 'da',
    valuePresentation: 'Code',
    variables: [
      { code: areaVar.id, values: areaValues },
      ...Object.entries(values).map(([code, v]) => ({ code, values: v })),
      { code: timeVar.id, values: timeValues },
    ],
  };
  onStep?.(
    `Henter ${values.YDELSESTYPE.length} ydelsestyper × ${areaValues.length} områder × ${timeValues.length} kvartaler`,
  );
  const res = await fetchWithRetry(
    `${base}/v1/data`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    http,
  );
  const bytes = new Uint8Array(await res.arrayBuffer());
  onStep?.('Lægger ydelsestyperne sammen til ydelsesgrupper');
  const parsed = parseStatbankCsv(bytes, {
    measure: '',
    origin: `${base}/v1/data AUK01`,
    measureBy: {
      column: 'YDELSESTYPE',
      measures: Object.fromEntries([...typeToGroup.keys()].map((id) => [id, `type:${id}`])),
    },
  });
  return {
    source: 'statbank:AUK01-ydelsesgrupper',
    parameters: {
      table: info.id,
      mapping: AUK01_BENEFIT_MAPPING.map((m) => ({ group: m.group, labels: m.labels.map((l) => l.label) })),
      typeIds: Object.fromEntries(typeToGroup),
      areas: areaValues.length,
      periods: timeValues.length,
    },
    rows: sumToGroups(parsed.rows, typeToGroup),
    measures: [],
    skipped: parsed.skipped,
    sourceUpdatedAt: info.updated ? new Date(info.updated) : null,
  };
}
