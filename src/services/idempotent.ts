// Idempotent creates: with a key (the client's Idempotency-Key header, one per form submission), a
// repeated request answers with what the first one created instead of creating a copy.
import type { Transaction } from 'kysely';
import { claimCreateKey, recordCreated } from '../db/repositories/idempotency.ts';
import type { DB } from '../db/schema.ts';
import { conflict } from './errors.ts';

export async function createOnce<T extends { id: string | number }>(
  trx: Transaction<DB>,
  key: string | undefined,
  userId: string,
  entity: string,
  find: (id: string) => Promise<T | undefined>,
  create: () => Promise<T>,
): Promise<T> {
  if (!key) return create();
  const earlier = await claimCreateKey(trx, key, userId, entity);
  if (earlier === null) {
    const made = await create();
    await recordCreated(trx, key, String(made.id));
    return made;
  }
  const found = earlier.entityId ? await find(earlier.entityId) : undefined;
  if (!found)
    throw conflict('Forespørgslen er allerede sendt én gang. Genindlæs siden for at se resultatet.', {});
  return found;
}

/** The key from a request's headers: a short opaque string, or none. */
export function idempotencyKey(headers: Record<string, string | string[] | undefined>): string | undefined {
  const v = headers['idempotency-key'];
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.length <= 200 ? s : undefined;
}
