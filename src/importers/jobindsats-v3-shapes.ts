// What the jobindsats.dk v3 service sends, read leniently. Built from the public v3 guide and public
// clients (no recorded v3 metadata or data answer exists in datasets/):
// - table metadata in two shapes: hierarchies as `{ id, name, values: [{ id, name }] }` (what Måltavle read
//   first), or nodes carrying `hierarchy_id` with members carrying `value_id`, levels `level_id` and
//   `is_required` (what public clients read), at any depth;
// - data as `{ columns, rows }`, columns as ids or as Danish labels ("Periode", "Område", "Antal
//   fuldtidspersoner"), matched by id or by normalised label.
// Every failure names what was found (the fields, the columns) so that one run against the real service
// tells what to change.
import { ImportError } from './errors.ts';

export interface V3Value {
  id: string;
  name: string;
  level?: string;
}
export interface V3Hierarchy {
  id: string;
  name: string;
  required: boolean;
  levels: { id: string; name: string }[];
  values: V3Value[];
}
export interface V3Meta {
  id: string;
  name: string;
  updated?: string;
  /** Period types the table offers, upper case (M, Q, Y …), when the metadata says. */
  periodTypes: string[];
  hierarchies: V3Hierarchy[];
  measures: { id: string; name: string }[];
  shape: 'id/values' | 'hierarchy_id/value_id';
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Normalised label: lower case, æ/ø/å spelled out, anything else than letters and digits a space. */
export function normaliseLabel(s: unknown): string {
  return String(s ?? '')
    .toLocaleLowerCase('da')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function* walk(x: unknown): Generator<Obj> {
  if (Array.isArray(x)) for (const y of x) yield* walk(y);
  else if (isObj(x)) {
    yield x;
    for (const y of Object.values(x)) yield* walk(y);
  }
}

/** The field names found in a JSON answer (with their path), for error messages. */
export function fieldsOf(x: unknown, limit = 25): string {
  const seen = new Set<string>();
  const visit = (y: unknown, path: string, depth: number) => {
    if (seen.size >= limit || depth > 3) return;
    if (Array.isArray(y)) visit(y[0], `${path}[]`, depth);
    else if (isObj(y))
      for (const [k, v] of Object.entries(y)) {
        seen.add(path ? `${path}.${k}` : k);
        visit(v, path ? `${path}.${k}` : k, depth + 1);
      }
  };
  visit(x, '', 0);
  return seen.size ? [...seen].join(', ') : `ingen (svaret er ${Array.isArray(x) ? 'en liste' : typeof x})`;
}

const label = (o: Obj, keys: string[]) => {
  for (const k of keys) if (typeof o[k] === 'string' || typeof o[k] === 'number') return String(o[k]);
  return '';
};
const NAME_KEYS = ['name', 'label', 'text', 'title', 'description'];
const truthy = (v: unknown) => v === true || v === 1 || v === '1' || v === 'true' || v === 'True';

function periodTypesOf(periods: unknown): string[] {
  if (isObj(periods)) return Object.keys(periods).map((k) => k.toUpperCase());
  if (Array.isArray(periods))
    return [
      ...new Set(
        periods
          .map((p) => (isObj(p) ? label(p, ['period_type', 'periodType', 'type']) : ''))
          .filter(Boolean)
          .map((t) => t.toUpperCase()),
      ),
    ];
  return [];
}

/** Reads table metadata in either known shape; a third shape fails with the fields it has. */
export function readMeta(json: unknown, table: string): V3Meta {
  const root = isObj(json) ? json : {};
  const periodTypes = periodTypesOf(root.periods ?? root.period_types ?? root.periodTypes);
  const id = label(root, ['id', 'table_id']) || table;
  const name = label(root, ['name', 'table_name', 'title', 'text']) || table;
  const updated = label(root, ['updated', 'last_updated', 'lastUpdated']) || undefined;
  const measuresOf = (list: unknown) =>
    Array.isArray(list)
      ? list.filter(isObj).map((m) => ({
          id: label(m, ['id', 'measure_id', 'mgroup_id', 'value_id']),
          name: label(m, [...NAME_KEYS, 'measure_name']),
        }))
      : [];
  // Shape 1: hierarchies[].id / name / values[].id / name.
  const hs = root.hierarchies;
  if (
    Array.isArray(hs) &&
    hs.length > 0 &&
    hs.every((h) => isObj(h) && typeof h.id === 'string' && Array.isArray(h.values))
  ) {
    return {
      id,
      name,
      ...(updated ? { updated } : {}),
      periodTypes,
      shape: 'id/values',
      measures: measuresOf(root.measures),
      hierarchies: (hs as Obj[]).map((h) => ({
        id: String(h.id),
        name: label(h, NAME_KEYS),
        required: truthy(h.is_required ?? h.required),
        levels: [],
        values: (h.values as unknown[])
          .filter(isObj)
          .map((v) => ({ id: String(v.id), name: label(v, NAME_KEYS) })),
      })),
    };
  }
  // Shape 2: any node with hierarchy_id; its members carry value_id (and level_id for levels).
  const byId = new Map<string, Obj>();
  for (const node of walk(json)) {
    if (typeof node.hierarchy_id !== 'string') continue;
    const old = byId.get(node.hierarchy_id);
    if (!old || JSON.stringify(node).length > JSON.stringify(old).length) byId.set(node.hierarchy_id, node);
  }
  if (byId.size > 0) {
    const hierarchies = [...byId.entries()].map(([hid, node]) => {
      const values: V3Value[] = [];
      const seen = new Set<string>();
      const levels: { id: string; name: string }[] = [];
      const visit = (x: unknown, level?: string) => {
        for (const n of Array.isArray(x) ? x : [x]) {
          if (!isObj(n)) continue;
          let lv = level;
          if (typeof n.level_id === 'string' || typeof n.level_id === 'number') {
            lv = String(n.level_id);
            if (!levels.some((l) => l.id === lv))
              levels.push({ id: lv, name: label(n, [...NAME_KEYS, 'level_name']) });
          }
          if (
            (typeof n.value_id === 'string' || typeof n.value_id === 'number') &&
            !seen.has(String(n.value_id))
          ) {
            seen.add(String(n.value_id));
            values.push({
              id: String(n.value_id),
              name: label(n, [...NAME_KEYS, 'value_name', 'value_text']),
              ...(lv ? { level: lv } : {}),
            });
          }
          for (const [k, v] of Object.entries(n))
            if (k !== 'hierarchy_id' && typeof v === 'object') visit(v, lv);
        }
      };
      visit(node);
      return {
        id: hid,
        name: label(node, [...NAME_KEYS, 'hierarchy_name']),
        required: truthy(node.is_required ?? node.required ?? node.mandatory),
        levels,
        values,
      };
    });
    return {
      id,
      name,
      ...(updated ? { updated } : {}),
      periodTypes,
      shape: 'hierarchy_id/value_id',
      measures: measuresOf(root.measures ?? root.mgroups ?? root.measure_groups),
      hierarchies,
    };
  }
  throw new ImportError(
    `Uventet metadata for Jobindsats-tabellen ${table}: forventede hierarchies[].id med values[] eller hierarchy_id med value_id; fandt felterne ${fieldsOf(json)}`,
  );
}

export interface V3Columns {
  names: string[];
  ids: string[];
}

/** Reads `{ columns, rows }`; rows as arrays or as objects keyed by column. Anything else fails with its fields. */
export function readData(json: unknown): { columns: V3Columns; rows: unknown[][] } {
  if (!isObj(json) || !Array.isArray(json.columns) || !Array.isArray(json.rows))
    throw new ImportError(
      `Uventet svar fra Jobindsats: forventede columns og rows; fandt felterne ${fieldsOf(json)}`,
    );
  const ids: string[] = [];
  const names: string[] = [];
  for (const c of json.columns as unknown[]) {
    if (isObj(c)) {
      ids.push(label(c, ['id', 'column_id', 'key']));
      names.push(label(c, NAME_KEYS) || label(c, ['id']));
    } else {
      ids.push(String(c));
      names.push(String(c));
    }
  }
  const rows = (json.rows as unknown[]).map((r) =>
    Array.isArray(r) ? r : isObj(r) ? names.map((n, i) => r[n] ?? r[ids[i]!]) : [r],
  );
  return { columns: { names, ids }, rows };
}

/**
 * The index of a column: by exact id first, then by normalised label (equal to one of `labels`, or
 * matching `pattern`). -1 when none.
 */
export function findColumn(
  cols: V3Columns,
  want: { ids?: string[]; labels?: string[]; pattern?: RegExp },
): number {
  const byId = cols.ids.findIndex((id) => want.ids?.includes(id));
  if (byId >= 0) return byId;
  const wanted = (want.labels ?? []).map(normaliseLabel).filter(Boolean);
  const byLabel = cols.names.findIndex((n) => wanted.includes(normaliseLabel(n)));
  if (byLabel >= 0) return byLabel;
  if (want.pattern) return cols.names.findIndex((n) => want.pattern!.test(normaliseLabel(n)));
  return -1;
}
