// An assessment shown with colour, an icon-like mark AND a text label (never colour alone).
const STYLE: Record<string, { cls: string; mark: string; label: string }> = {
  opfyldt: { cls: 'ok', mark: '✓', label: 'Opfyldt' },
  'på rette vej': { cls: 'good', mark: '↗', label: 'På rette vej' },
  'i risiko': { cls: 'risk', mark: '!', label: 'I risiko' },
  'ikke på rette vej': { cls: 'bad', mark: '↘', label: 'Ikke på rette vej' },
  'ikke opfyldt': { cls: 'bad', mark: '✕', label: 'Ikke opfyldt' },
  'kan ikke vurderes': { cls: 'none', mark: '–', label: 'Kan ikke vurderes' },
  'ikke vurderet': { cls: 'none', mark: '?', label: 'Ikke vurderet' },
};

export function StatusBadge({ status, overridden }: { status: string; overridden?: boolean }) {
  const s = STYLE[status] ?? STYLE['kan ikke vurderes']!;
  return (
    <span className={`badge badge-${s.cls}`}>
      <span aria-hidden="true">{s.mark}</span> {s.label}
      {overridden ? ' (manuel)' : ''}
    </span>
  );
}
