// The layer rules of docs/ARCHITECTURE.md as a check: which folder may import which, and where SQL may live.
// Used by test/architecture/layers.test.ts on the real tree and on planted violations.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SourceFile {
  /** Path relative to the project root with forward slashes, e.g. `src/server/routes/plans.ts`. */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  line: number;
  rule: string;
  detail: string;
}

interface ImportRef {
  line: number;
  spec: string;
  typeOnly: boolean;
  names: string;
}

const IMPORT_RE = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s+['"]([^'"]+)['"]/gm;

function importsOf(text: string): ImportRef[] {
  const out: ImportRef[] = [];
  for (const m of text.matchAll(IMPORT_RE)) {
    const line = text.slice(0, m.index).split('\n').length;
    out.push({ line, spec: m[4] ?? '', typeOnly: !!m[2], names: m[3] ?? '' });
  }
  return out;
}

/** The project folder an import lands in (`src/db`, `src/domain`, …) or the package name. */
function target(from: string, spec: string): { folder?: string; pkg?: string } {
  if (!spec.startsWith('.'))
    return { pkg: spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0] };
  const abs = posix.normalize(posix.join(posix.dirname(from), spec));
  return { folder: abs };
}

const under = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/** Folders whose code must go through services: no repositories, no SQL, no database driver. */
const SERVICE_CALLERS = ['src/server', 'src/reports', 'src/cli'];

export function checkLayers(files: SourceFile[]): Violation[] {
  const v: Violation[] = [];
  for (const f of files) {
    const add = (line: number, rule: string, detail: string) => v.push({ file: f.path, line, rule, detail });
    for (const imp of importsOf(f.text)) {
      const t = target(f.path, imp.spec);
      const dest = t.folder ?? '';
      if (under(f.path, 'src/domain')) {
        // The catalogue (src/data) is pure constants, so the domain may read it; nothing else outside.
        if (t.folder && !under(dest, 'src/domain') && !under(dest, 'src/data'))
          add(imp.line, 'domain-pure', `src/domain importerer ${imp.spec}`);
        if (t.pkg && (t.pkg.startsWith('node:') || ['pg', 'kysely', 'fastify'].includes(t.pkg)))
          add(imp.line, 'domain-pure', `src/domain importerer ${t.pkg}`);
      }
      // The HTTP contract is shared with the browser: zod schemas over domain constants, nothing else.
      if (
        under(f.path, 'src/contract') &&
        t.folder &&
        !under(dest, 'src/contract') &&
        !under(dest, 'src/domain') &&
        !under(dest, 'src/data')
      )
        add(imp.line, 'contract-pure', `src/contract importerer ${imp.spec}`);
      if (under(f.path, 'src/contract') && t.pkg && t.pkg !== 'zod')
        add(imp.line, 'contract-pure', `src/contract importerer ${t.pkg}`);
      if (under(f.path, 'src/data') && t.folder && !under(dest, 'src/data') && !under(dest, 'src/domain'))
        add(imp.line, 'data-pure', `src/data importerer ${imp.spec}`);
      if (
        under(f.path, 'src/importers') &&
        t.folder &&
        (under(dest, 'src/db') || under(dest, 'src/services') || under(dest, 'src/server'))
      )
        add(imp.line, 'importers', `src/importers importerer ${imp.spec}`);
      if (SERVICE_CALLERS.some((c) => under(f.path, c))) {
        // The database handle's type may pass through (a report hands it to the services it calls).
        const handleType = imp.typeOnly && dest === 'src/db/schema.ts';
        if (t.folder && under(dest, 'src/db') && !handleType)
          add(imp.line, 'via-services', `${imp.spec} (kald en service)`);
        if (t.pkg === 'pg' || (t.pkg === 'kysely' && !imp.typeOnly))
          add(imp.line, 'via-services', `${t.pkg} uden for src/db`);
      }
      if (
        under(f.path, 'src/services') &&
        (t.pkg === 'pg' || (t.pkg === 'kysely' && /\bsql\b/.test(imp.names) && !imp.typeOnly))
      )
        add(imp.line, 'sql-in-db', `${t.pkg} ${imp.names} i en service (SQL hører til i src/db)`);
      if (
        under(f.path, 'web/src') &&
        t.folder &&
        (under(dest, 'src/db') ||
          under(dest, 'src/services') ||
          under(dest, 'src/server') ||
          under(dest, 'src/importers'))
      )
        add(imp.line, 'web-contract', `web importerer ${imp.spec}`);
    }
    if (!under(f.path, 'src/db') && under(f.path, 'src')) {
      const lines = f.text.split('\n');
      lines.forEach((l, i) => {
        if (/\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/.test(l))
          add(i + 1, 'sql-in-db', 'forespørgsel uden for src/db');
      });
    }
  }
  return v;
}

export function readTree(root: string, folders = ['src', 'web/src']): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(name))
        out.push({ path: relative(root, p).split('\\').join('/'), text: readFileSync(p, 'utf8') });
    }
  };
  for (const f of folders) walk(resolve(root, f));
  return out;
}

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
