// Input bounds taken from the SQL types, shared by request schemas and services: ids are bigint
// (bigserial), positions and revisions integer (int4), dates real calendar dates. A value beyond them is
// a Danish 400 at the edge, never a database error (500).
import { z } from 'zod';

const INT4_MAX = 2_147_483_647;
const INT4_MIN = -2_147_483_648;
const BIGINT_MAX = 9_223_372_036_854_775_807n;

/** An id in a path: digits only, 1 … 2^63−1 (PostgreSQL bigint). */
export const dbId = z
  .string()
  .regex(/^\d{1,19}$/, 'skal være et id (et positivt helt tal)')
  .refine((s) => {
    if (!/^\d{1,19}$/.test(s)) return true; // the format message above says it
    const n = BigInt(s);
    return n >= 1n && n <= BIGINT_MAX;
  }, 'er ikke et gyldigt id (1 til 9.223.372.036.854.775.807)');

/** An integer column (int4). */
export const int4 = () => z.number().int().min(INT4_MIN).max(INT4_MAX);

/** Whether "YYYY-MM-DD" is a date on the calendar (2021-02-30 is not). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** A calendar date "YYYY-MM-DD" (PostgreSQL date), refused in Danish when it does not exist. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'skal være en dato (ÅÅÅÅ-MM-DD)')
  .refine(isRealDate, 'er ikke en dato, der findes');
