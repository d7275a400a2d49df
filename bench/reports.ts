// Benchmark: time to produce each report format for a plan of 40 indicators with charts, as medians.
// The plan is a synthetic benchmark plan ("Benchmarkplan"); its indicators point at real demo statistics.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MUNICIPALITIES } from '../src/data/areas.ts';
import { openDatabase } from '../src/db/connection.ts';
import { type Format, render } from '../src/reports/index.ts';
import { buildStatusReport } from '../src/reports/status-report.ts';
import type { Actor } from '../src/services/access.ts';
import { ensureFirstAdmin } from '../src/services/auth.ts';
import { loadDemoStatistics } from '../src/services/demo-data.ts';
import { createServices } from '../src/services/index.ts';
import { addGoal, addIndicator, createPlan, createRound } from '../src/services/plans.ts';
import { median } from './common.ts';

export interface ReportResult {
  format: string;
  medianMs: number;
  runs: number;
  bytes: number;
}

export async function benchReports(runs = 5): Promise<ReportResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'maaltavle-bench-'));
  const database = await openDatabase({ dataDir: join(dir, 'data') });
  try {
    await createServices(database);
    const db = database.db;
    await loadDemoStatistics(db);
    await ensureFirstAdmin(db, 'bench-admin-123', () => {});
    const admin = await db.selectFrom('users').select('id').executeTakeFirstOrThrow();
    const actor: Actor = {
      user: {
        id: String(admin.id),
        email: 'admin',
        name: 'Admin',
        passwordHash: null,
        isSuperadmin: true,
        memberships: [],
      },
    };
    const plan = await createPlan(db, actor, '320', {
      title: 'Benchmarkplan',
      yearFrom: 2025,
      yearTo: 2026,
      intro: '',
      status: 'vedtaget',
      adoptedOn: '2025-01-01',
      focusAreas: [],
    });
    for (let g = 0; g < 8; g++) {
      const goal = await addGoal(db, actor, String(plan.id), {
        number: String(g + 1),
        kind: 'lokalt mål',
        title: `Mål ${g + 1}`,
        text: '',
        position: g + 1,
      });
      for (let k = 0; k < 5; k++) {
        const area = MUNICIPALITIES[g * 5 + k]!.id;
        await addIndicator(db, actor, String(goal.id), {
          kind: 'niveau',
          title: `Ledige fuldtidspersoner i ${MUNICIPALITIES[g * 5 + k]!.name}`,
          config: {
            measure: 'y25i01.ledige_fuldtidspersoner',
            area,
            baselinePeriod: '2025M01',
            target: { kind: 'relative', pct: -10 },
            direction: 'at-most',
            deadline: '2026-12-31',
          },
          sourceNote: '',
          position: k + 1,
        });
      }
    }
    const round = await createRound(db, actor, String(plan.id), {
      title: 'Status juli 2026',
      asOf: '2026-07-31',
    });
    const results: ReportResult[] = [];
    for (const format of ['html', 'docx', 'xlsx', 'pdf'] as Format[]) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const report = await buildStatusReport(db, actor, String(round.id));
        bytes = (await render(report, format)).length;
        times.push(performance.now() - t);
      }
      results.push({ format, medianMs: median(times), runs, bytes });
    }
    return results;
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
