// Reads kept until the next write (src/db/read-memo.ts): on PGlite the session and a plan's head are not read
// again while nothing was written through the server's one connection; any write, also plain SQL, a failed
// statement or a rolled-back transaction, makes the next read ask again. On PostgreSQL nothing is kept.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReadOnlyStatement, memoUntilWrite } from '../../src/db/read-memo.ts';
import * as accounts from '../../src/db/repositories/accounts.ts';
import { planHead } from '../../src/db/repositories/plans.ts';
import { createTestDb, ENGINES, type TestDb } from '../helpers/db.ts';
import { createMunicipality, createPlan, createUser } from '../helpers/factories.ts';

describe('which statements change nothing', () => {
  it('reads and the start of a transaction; everything else counts as a write', () => {
    expect(isReadOnlyStatement('select "p"."municipality" from "plans" as "p"')).toBe(true);
    expect(isReadOnlyStatement('  SELECT 1')).toBe(true);
    expect(isReadOnlyStatement('begin')).toBe(true);
    expect(isReadOnlyStatement('select * from plans where id = $1 for update')).toBe(false);
    for (const w of [
      'insert into "plans" …',
      'update "plans" set …',
      'delete from "sessions" where …',
      'commit',
      'rollback',
      'with x as (delete from sessions returning *) select * from x',
      'COPY stage FROM STDIN',
      'TRUNCATE observations',
      'CREATE TEMP TABLE stage (…)',
      'SET temp_buffers = 1',
    ])
      expect(isReadOnlyStatement(w), w).toBe(false);
  });
});

describe.each(ENGINES)('reads kept until the next write on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  afterAll(async () => t?.cleanup());

  const counting = () => {
    let calls = 0;
    const read = memoUntilWrite(async (db, key) => {
      calls++;
      const r = await sql<{ n: string }>`SELECT count(*)::text AS n FROM plans WHERE title <> ${key}`.execute(
        db,
      );
      return r.rows[0]!.n;
    });
    return { read, calls: () => calls };
  };

  it('asks once while nothing is written (PGlite), every time on PostgreSQL', async () => {
    const { read, calls } = counting();
    const db = t.database.db;
    const a = await read(db, 'x');
    await sql`SELECT 1`.execute(db);
    const b = await read(db, 'x');
    expect(b).toBe(a);
    expect(calls()).toBe(engine === 'pglite' ? 1 : 2);
    // Another key is its own read.
    await read(db, 'y');
    expect(calls()).toBe(engine === 'pglite' ? 2 : 3);
  });

  it('asks again after a write in plain SQL, a failed statement and a rolled-back transaction', async () => {
    const { read, calls } = counting();
    const db = t.database.db;
    const m = await createMunicipality(t.services, '320');
    const before = Number(await read(db, 'x'));
    await createPlan(t.services, m, { kinds: [] });
    expect(Number(await read(db, 'x'))).toBe(before + 1);
    let n = calls();
    await sql`UPDATE plans SET title = title`.execute(db);
    await read(db, 'x');
    expect(calls()).toBe(n + 1);
    n = calls();
    await expect(sql`INSERT INTO plans (id) VALUES (NULL)`.execute(db)).rejects.toThrow();
    await read(db, 'x');
    expect(calls()).toBe(n + 1);
    n = calls();
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`DELETE FROM plan_versions`.execute(trx);
        throw new Error('tilbage');
      }),
    ).rejects.toThrow('tilbage');
    expect(Number(await read(db, 'x'))).toBe(before + 1);
    expect(calls()).toBe(n + 1);
  });

  it('never keeps a read made inside a transaction, nor a failed read', async () => {
    const db = t.database.db;
    let calls = 0;
    const read = memoUntilWrite(async (_db, key) => {
      calls++;
      if (key === 'fejl') throw new Error('læsning fejlede');
      return key;
    });
    await db.transaction().execute(async (trx) => {
      await read(trx, 'a');
      await read(trx, 'a');
    });
    expect(calls).toBe(2);
    await expect(read(db, 'fejl')).rejects.toThrow('læsning fejlede');
    await expect(read(db, 'fejl')).rejects.toThrow('læsning fejlede');
    expect(calls).toBe(4);
  });

  it("a plan's head follows a change made straight in the database at once", async () => {
    const db = t.database.db;
    const m = await createMunicipality(t.services, '320');
    const plan = await createPlan(t.services, m, { kinds: [] });
    const h1 = await planHead(db, plan.id);
    expect(h1?.status).toBe('udkast');
    await sql`UPDATE plans SET status = 'vedtaget' WHERE id = ${plan.id}`.execute(db);
    const h2 = await planHead(db, plan.id);
    expect(h2?.status).toBe('vedtaget');
    expect(h2?.version).not.toBe(h1?.version);
  });

  it('a session ends at once when deleted, its user disabled or at its expiry; a new role shows at once', async () => {
    const db = t.database.db;
    const u = await createUser(t.services, { roles: { '320': 'læser' } });
    const token = randomBytes(16).toString('hex');
    const idHash = createHash('sha256').update(token).digest('hex');
    const expiresAt = new Date(Date.now() + 3_600_000);
    await accounts.insertSession(db, { idHash, userId: u.id, csrfToken: 'c', expiresAt });
    const s1 = await accounts.sessionWithUser(db, idHash);
    expect(s1?.user.memberships).toEqual([{ municipality: '320', role: 'læser' }]);
    // A caller changing its copy does not change what the next request sees.
    s1!.user.memberships[0]!.role = 'administrator';
    expect((await accounts.sessionWithUser(db, idHash))?.user.memberships[0]?.role).toBe('læser');
    await sql`UPDATE memberships SET role = 'redaktør' WHERE user_id = ${u.id}`.execute(db);
    expect((await accounts.sessionWithUser(db, idHash))?.user.memberships[0]?.role).toBe('redaktør');
    // Expired by the clock, with nothing written in between.
    expect(await accounts.sessionWithUser(db, idHash, new Date(expiresAt.getTime() + 1))).toBeUndefined();
    expect(await accounts.sessionWithUser(db, idHash)).toBeDefined();
    await sql`UPDATE users SET disabled_at = now() WHERE id = ${u.id}`.execute(db);
    expect(await accounts.sessionWithUser(db, idHash)).toBeUndefined();
    await sql`UPDATE users SET disabled_at = NULL WHERE id = ${u.id}`.execute(db);
    expect(await accounts.sessionWithUser(db, idHash)).toBeDefined();
    await sql`DELETE FROM sessions WHERE id_hash = ${idHash}`.execute(db);
    expect(await accounts.sessionWithUser(db, idHash)).toBeUndefined();
  });
});
