// An assessment shown with colour, an icon-like mark AND a text label (never colour alone).
import { ASSESSMENT_LABELS, type AssessmentStatus } from '@domain/assessment.ts';

const LOOK: Record<AssessmentStatus, { cls: string; mark: string }> = {
  opfyldt: { cls: 'ok', mark: '✓' },
  'på rette vej': { cls: 'good', mark: '↗' },
  'i risiko': { cls: 'risk', mark: '!' },
  'ikke på rette vej': { cls: 'bad', mark: '↘' },
  'ikke opfyldt': { cls: 'bad', mark: '✕' },
  'kan ikke vurderes': { cls: 'none', mark: '–' },
  'ikke vurderet': { cls: 'none', mark: '?' },
};

export function StatusBadge({ status, overridden }: { status: string; overridden?: boolean }) {
  const known = (status in LOOK ? status : 'kan ikke vurderes') as AssessmentStatus;
  const s = LOOK[known];
  return (
    <span className={`badge badge-${s.cls}`}>
      <span aria-hidden="true">{s.mark}</span> {ASSESSMENT_LABELS[known]}
      {overridden ? ' (manuel)' : ''}
    </span>
  );
}
