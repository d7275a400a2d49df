// Reads the real data files shipped in datasets/ (copied from the project's shared data; see datasets/SOURCES.md).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const datasetPath = (rel: string) => join(ROOT, 'datasets', rel);

/** Rows of a derived (';', '.', UTF-8, LF) CSV as objects keyed by header. */
export function readDerivedCsv(rel: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(datasetPath(rel), 'utf8').trim().split('\n');
  const cols = head!.split(';');
  return lines.map((l) => {
    const cells = l.split(';');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}
