// Comparison areas (sammenligningsområder) as data with validity years.
// 2015–2024: the 8 regional labour-market councils (RAR). From 2025: the 5 regional employment councils,
// which follow the regions. A plan's year picks the scheme; no code branches on years.
import { MUNICIPALITY_ROWS } from './municipalities.ts';

export interface ComparisonScheme {
  id: 'rar' | 'rbr';
  name: string;
  validFrom: number;
  /** Last year the scheme applies, inclusive; null = still in force. */
  validTo: number | null;
  /** False where memberships were inferred and not checked against the legal text. */
  verified: boolean;
  note: string;
}

export const COMPARISON_SCHEMES: readonly ComparisonScheme[] = [
  {
    id: 'rar',
    name: 'Regionale arbejdsmarkedsråd (RAR)',
    validFrom: 2015,
    validTo: 2024,
    verified: false,
    note:
      'Medlemskab udledt af landsdel (Viborg til RAR Østjylland); ikke kontrolleret mod bekendtgørelsen. ' +
      'Fordelingen 28/1/17/10/12/12/7/11 giver 98 kommuner.',
  },
  {
    id: 'rbr',
    name: 'Regionale beskæftigelsesråd',
    validFrom: 2025,
    validTo: null,
    verified: false,
    note:
      'Følger regionerne (§ 28 i lov om organisering og understøttelse af beskæftigelsesindsatsen). ' +
      'Bornholms placering under Hovedstaden er ikke bekræftet i lovteksten.',
  },
];

export interface ComparisonArea {
  id: string;
  scheme: ComparisonScheme['id'];
  name: string;
}

export const RAR_AREAS: readonly ComparisonArea[] = [
  { id: 'rar-hovedstaden', scheme: 'rar', name: 'RAR Hovedstaden' },
  { id: 'rar-sjaelland', scheme: 'rar', name: 'RAR Sjælland' },
  { id: 'rar-fyn', scheme: 'rar', name: 'RAR Fyn' },
  { id: 'rar-sydjylland', scheme: 'rar', name: 'RAR Sydjylland' },
  { id: 'rar-oestjylland', scheme: 'rar', name: 'RAR Østjylland' },
  { id: 'rar-vestjylland', scheme: 'rar', name: 'RAR Vestjylland' },
  { id: 'rar-nordjylland', scheme: 'rar', name: 'RAR Nordjylland' },
  { id: 'rar-bornholm', scheme: 'rar', name: 'RAR Bornholm' },
];

export interface Membership {
  municipality: string;
  /** Area id of the comparison area (a RAR id, or a region code from 2025). */
  area: string;
  validFrom: number;
  validTo: number | null;
  verified: boolean;
}

/** One row per municipality and scheme: the membership table. */
export const MEMBERSHIPS: readonly Membership[] = MUNICIPALITY_ROWS.flatMap((m) => [
  { municipality: m.code, area: m.rar2015, validFrom: 2015, validTo: 2024, verified: false },
  { municipality: m.code, area: m.regionCode, validFrom: 2025, validTo: null, verified: m.code !== '400' },
]);
