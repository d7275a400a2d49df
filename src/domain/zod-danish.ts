// One Danish error map for every zod schema (API requests, indicator settings): each message a user can
// meet is Danish and says what is allowed, e.g. "skal være højst 98" rather than "Too big: expected …".
// Schemas with their own message (`.min(1, 'Titlen skal udfyldes')`) keep it.
import { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

const nf = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 6 });
const num = (n: number | bigint) => (typeof n === 'bigint' ? nf.format(Number(n)) : nf.format(n));

const TYPE_NAMES: Record<string, string> = {
  string: 'en tekst',
  number: 'et tal',
  int: 'et helt tal',
  bigint: 'et helt tal',
  boolean: 'sand eller falsk (true/false)',
  array: 'en liste',
  object: 'et objekt',
  date: 'en dato',
  null: 'tom (null)',
};

const FORMAT_NAMES: Record<string, string> = {
  email: 'en e-mailadresse',
  url: 'en webadresse',
  date: 'en dato (ÅÅÅÅ-MM-DD)',
  datetime: 'et tidspunkt (ISO 8601)',
  uuid: 'et UUID',
};

function sizeText(origin: string, bound: number | bigint, kind: 'min' | 'max', inclusive: boolean): string {
  const word = kind === 'min' ? (inclusive ? 'mindst' : 'over') : inclusive ? 'højst' : 'under';
  switch (origin) {
    case 'string':
      if (kind === 'min' && inclusive && Number(bound) === 1) return 'skal udfyldes';
      return `skal være ${word} ${num(bound)} tegn`;
    case 'array':
    case 'set':
      return `skal have ${word} ${num(bound)} ${Number(bound) === 1 ? 'element' : 'elementer'}`;
    case 'date':
      return `skal være ${word} ${String(bound)}`;
    default:
      return `skal være ${word} ${num(bound)}`;
  }
}

/** The Danish text of one zod issue (without the field name). */
function danishIssueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'skal angives';
      const expected = TYPE_NAMES[issue.expected] ?? 'en anden type';
      if (issue.expected === 'number' && typeof issue.input === 'number')
        return Number.isNaN(issue.input) ? 'skal være et tal' : 'skal være et endeligt tal';
      return `skal være ${expected}`;
    }
    case 'too_big':
      return sizeText(issue.origin, issue.maximum, 'max', issue.inclusive ?? true);
    case 'too_small':
      return sizeText(issue.origin, issue.minimum, 'min', issue.inclusive ?? true);
    case 'invalid_format':
      if (issue.format === 'regex') return 'har ikke det tilladte format';
      return `skal være ${FORMAT_NAMES[issue.format] ?? 'i det rigtige format'}`;
    case 'not_multiple_of':
      return `skal gå op i ${num(Number(issue.divisor))}`;
    case 'unrecognized_keys':
      return `ukendt felt: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'har ikke en af de tilladte former';
    case 'invalid_key':
      return 'har en ugyldig nøgle';
    case 'invalid_element':
      return 'har et ugyldigt element';
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v));
      if (values.length === 1) return `skal være ${values[0]}`;
      return values.length <= 12
        ? `skal være en af: ${values.join(', ')}`
        : 'er ikke en af de tilladte værdier';
    }
    default:
      return 'er ugyldig';
  }
}

let installed = false;
/** Makes the Danish map zod's global error map (idempotent). */
export function installDanishZodErrors(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: (issue) => danishIssueMessage(issue) });
}
