// What a new password must be: at least 10 characters, not one of ~49.000 common passwords (the list
// packaged in @zxcvbn-ts/language-common), not mostly one character, and not the user's own e-mail.
import { dictionary } from '@zxcvbn-ts/language-common';

const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 200;

let common: Set<string> | undefined;
const commonPasswords = () => {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
};

/** The Danish reason a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email = ''): string | null {
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH) return `Adgangskoden skal være mindst ${MIN_PASSWORD_LENGTH} tegn.`;
  if (chars.length > MAX_PASSWORD_LENGTH) return `Adgangskoden må højst være ${MAX_PASSWORD_LENGTH} tegn.`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower))
    return 'Adgangskoden er en af de mest brugte adgangskoder. Vælg en, der er sværere at gætte.';
  if (new Set(chars).size < 4) return 'Adgangskoden skal bestå af flere forskellige tegn.';
  const local = email.toLowerCase().split('@')[0] ?? '';
  if (local.length >= 4 && lower.includes(local)) return 'Adgangskoden må ikke indeholde dit brugernavn.';
  return null;
}
