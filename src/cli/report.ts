// `maaltavle report --plan ID --round ID --format docx|pdf|html|xlsx --out FILE`, and the benefit-group
// table (`--benefit-groups AREA --from P --to P`) and the committee case draft (`--case`).

import { parsePeriod } from '../domain/periods.ts';
import { buildBenefitReport } from '../reports/benefit-report.ts';
import { buildCaseDraft } from '../reports/case-draft.ts';
import { FORMATS, type Format, render } from '../reports/index.ts';
import { buildStatusReport } from '../reports/status-report.ts';
import type { Actor } from '../services/access.ts';
import type { Services } from '../services/index.ts';
import { roundsOfPlan } from '../services/lookups.ts';
import { flag, parseArgs } from './args.ts';
import type { CliIo } from './io.ts';

export const REPORT_USAGE = `Brug: maaltavle report --plan ID [--round ID] --format docx|pdf|html|xlsx --out FIL
       maaltavle report --plan ID --case --out FIL.docx            (udkast til sagsfremstilling)
       maaltavle report --benefit-groups KOMMUNEKODE --from 2021QMAT02 --to 2022QMAT02 --format … --out FIL
`;

/** The command line acts as a system administrator on this installation's own database. */
const SYSTEM: Actor = {
  user: {
    id: '0',
    email: 'kommandolinje',
    name: 'Kommandolinje',
    passwordHash: null,
    isSuperadmin: true,
    memberships: [],
  },
};

function outputOf(argv: string[]): { out: string | undefined; format: Format } {
  const args = parseArgs(argv);
  const out = flag(args, 'out');
  return { out, format: (flag(args, 'format') ?? out?.split('.').pop() ?? 'docx') as Format };
}

export function reportPrecheck(argv: string[], io: CliIo): number | undefined {
  const { out, format } = outputOf(argv);
  if (out && format in FORMATS) return undefined;
  io.stderr(REPORT_USAGE);
  return 2;
}

export async function reportCommand(argv: string[], services: Services, io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  const { format } = outputOf(argv);
  const out = flag(args, 'out')!;
  const db = services.database.db;
  const started = Date.now();
  let report: Awaited<ReturnType<typeof buildStatusReport>>;
  const benefit = flag(args, 'benefit-groups');
  const plan = flag(args, 'plan');
  if (benefit) {
    report = await buildBenefitReport(db, {
      area: benefit,
      from: parsePeriod(flag(args, 'from') ?? ''),
      to: parsePeriod(flag(args, 'to') ?? ''),
      source: (flag(args, 'source') as 'y30r21' | 'ptv_a02') ?? 'y30r21',
    });
  } else if (plan && args.flags.has('case')) {
    report = await buildCaseDraft(db, SYSTEM, plan);
  } else if (plan) {
    const round = flag(args, 'round') ?? String((await roundsOfPlan(db, plan)).at(-1)?.id ?? '');
    if (!round) throw new Error('Planen har ingen statusrunde; angiv --round eller opret en runde.');
    report = await buildStatusReport(db, SYSTEM, round);
  } else {
    io.stderr(REPORT_USAGE);
    return 2;
  }
  const bytes = await render(report, format);
  io.writeFile(out, bytes);
  io.stdout(
    `${report.title}: ${out} (${format}, ${(bytes.length / 1024).toFixed(0)} KB, ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  return 0;
}
