// The layers of docs/ARCHITECTURE.md, enforced: the real tree has no violation, and each rule bites on a
// planted one (so the check cannot pass by reading nothing).
import { describe, expect, it } from 'vitest';
import { checkLayers, projectRoot, readTree } from './layers.ts';

describe('layers', () => {
  it('the source tree keeps every layer', () => {
    const files = readTree(projectRoot);
    expect(files.length).toBeGreaterThan(150);
    expect(files.some((f) => f.path === 'src/server/routes/plans.ts')).toBe(true);
    expect(checkLayers(files)).toEqual([]);
  });

  it.each([
    [
      'a route that reads a repository',
      'src/server/routes/x.ts',
      "import { listPlans } from '../../db/repositories/plans.ts';",
      'via-services',
    ],
    [
      'a report that builds a query',
      'src/reports/x.ts',
      "const r = await db.selectFrom('plans').selectAll().execute();",
      'sql-in-db',
    ],
    ['the CLI with the driver', 'src/cli/x.ts', "import pg from 'pg';", 'via-services'],
    ['a service with raw SQL', 'src/services/x.ts', "import { sql } from 'kysely';", 'sql-in-db'],
    [
      'the domain reading a service',
      'src/domain/x.ts',
      "import { rank } from '../services/statistics.ts';",
      'domain-pure',
    ],
    ['the domain doing I/O', 'src/domain/x.ts', "import { readFileSync } from 'node:fs';", 'domain-pure'],
    [
      'an importer reaching the database',
      'src/importers/x.ts',
      "import type { MeasureRecord } from '../db/repositories/statistics.ts';",
      'importers',
    ],
    [
      'the web app importing the server',
      'web/src/pages/X.tsx',
      "import { readPlan } from '../../../src/services/plans.ts';",
      'web-contract',
    ],
    [
      'the contract reading a service',
      'src/contract/x.ts',
      "import { readPlan } from '../services/plans.ts';",
      'contract-pure',
    ],
    [
      'the contract with a server package',
      'src/contract/x.ts',
      "import fastify from 'fastify';",
      'contract-pure',
    ],
  ])('refuses %s', (_what, path, text, rule) => {
    const v = checkLayers([{ path, text }]);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ file: path, line: 1, rule });
  });

  it('lets the database handle type pass through a report', () => {
    const text = "import type { DB } from '../db/schema.ts';\nimport type { Kysely } from 'kysely';";
    expect(checkLayers([{ path: 'src/reports/x.ts', text }])).toEqual([]);
  });
});
