// Issue 9 item 7: a municipality's administrator manages only that municipality's roles. Removing a role
// never ends the sessions of a superadmin or of a user with roles elsewhere, and the invite answer looks
// the same whether or not the e-mail already has an account.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appWithUsers, as, type Client, login, seedUsers, USERS } from '../helpers/app.ts';
import { createTestDb, ENGINES, type TestDb } from '../helpers/db.ts';

describe.each(ENGINES)('administrator scope on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let faxeAdmin: Client;
  let superadmin: Client;
  let fredericia: Client;

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedUsers(t.services);
    app = await appWithUsers(t.services);
    faxeAdmin = await as(app, 'faxeAdmin');
    superadmin = await as(app, 'admin');
    fredericia = await as(app, 'fredericia');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('the invite answer has the same shape for a new and an existing e-mail', async () => {
    const fresh = await faxeAdmin.req('POST', '/api/v1/municipalities/320/users', {
      email: 'helt-ny@faxe.test',
      name: 'Helt Ny',
      role: 'læser',
    });
    const existing = await faxeAdmin.req('POST', '/api/v1/municipalities/320/users', {
      email: USERS.admin.email,
      name: 'Hvem som helst',
      role: 'læser',
    });
    expect(fresh.status).toBe(201);
    expect(existing.status).toBe(201);
    expect(Object.keys(existing.body).sort()).toEqual(Object.keys(fresh.body).sort());
    expect(typeof existing.body.password).toBe('string');
    expect(existing.body.note).toBe(fresh.body.note);
  });

  it("removing a role in Faxe leaves a superadmin's and another municipality's user's sessions alone", async () => {
    const superId = (await superadmin.req('GET', '/api/v1/auth/me')).body.user.id;
    const fredId = (await fredericia.req('GET', '/api/v1/auth/me')).body.user.id;
    // Both get a role in Faxe here (not relying on another test having invited them).
    await faxeAdmin.req('POST', '/api/v1/municipalities/320/users', {
      email: USERS.admin.email,
      name: 'x',
      role: 'læser',
    });
    await faxeAdmin.req('POST', '/api/v1/municipalities/320/users', {
      email: USERS.fredericia.email,
      name: 'x',
      role: 'læser',
    });
    expect((await faxeAdmin.req('DELETE', `/api/v1/municipalities/320/users/${superId}`)).status).toBe(200);
    expect((await faxeAdmin.req('DELETE', `/api/v1/municipalities/320/users/${fredId}`)).status).toBe(200);
    expect((await superadmin.req('GET', '/api/v1/auth/me')).body.user?.email).toBe(USERS.admin.email);
    const me = (await fredericia.req('GET', '/api/v1/auth/me')).body.user;
    expect(me?.email).toBe(USERS.fredericia.email);
    expect(me.memberships).toEqual([{ municipality: '607', role: 'redaktør', name: 'Fredericia' }]);
  });

  it('a Faxe administrator cannot remove a user who has no role in Faxe', async () => {
    const fredId = (await fredericia.req('GET', '/api/v1/auth/me')).body.user.id;
    expect((await faxeAdmin.req('DELETE', `/api/v1/municipalities/320/users/${fredId}`)).status).toBe(404);
    expect((await faxeAdmin.req('DELETE', `/api/v1/municipalities/607/users/${fredId}`)).status).toBe(403);
    expect((await fredericia.req('GET', '/api/v1/auth/me')).body.user?.email).toBe(USERS.fredericia.email);
  });

  it('a user whose last role is removed is logged out', async () => {
    const r = await faxeAdmin.req('POST', '/api/v1/municipalities/320/users', {
      email: 'sidste@faxe.test',
      name: 'Sidste Rolle',
      role: 'læser',
    });
    const last = await login(app, 'sidste@faxe.test', r.body.password);
    const me = async () => (await last.req('GET', '/api/v1/auth/me')).body;
    expect((await me()).user?.email).toBe('sidste@faxe.test');
    expect((await faxeAdmin.req('DELETE', `/api/v1/municipalities/320/users/${r.body.userId}`)).status).toBe(
      200,
    );
    expect((await me()).user).toBeNull();
  });
});
