// An app with accounts for route tests: a system administrator, and users with roles in Faxe (320) and
// Fredericia (607). `as(user)` logs in and returns a client that sends the session cookie and CSRF token.
import { hash } from '@node-rs/argon2';
import type { FastifyInstance } from 'fastify';
import { insertUser, setMembership } from '../../src/db/repositories/accounts.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Services } from '../../src/services/index.ts';

export const PASSWORD = 'rigtig-hemmelig-1';
export const USERS = {
  admin: {
    email: 'admin@test',
    super: true,
    roles: [] as [string, 'administrator' | 'redaktør' | 'læser'][],
  },
  faxeRedaktoer: {
    email: 'redaktoer@faxe.test',
    super: false,
    roles: [['320', 'redaktør']] as [string, 'redaktør'][],
  },
  faxeLaeser: { email: 'laeser@faxe.test', super: false, roles: [['320', 'læser']] as [string, 'læser'][] },
  faxeAdmin: {
    email: 'admin@faxe.test',
    super: false,
    roles: [['320', 'administrator']] as [string, 'administrator'][],
  },
  fredericia: {
    email: 'redaktoer@fredericia.test',
    super: false,
    roles: [['607', 'redaktør']] as [string, 'redaktør'][],
  },
};
export type UserKey = keyof typeof USERS;

export async function seedUsers(services: Services) {
  const h = await hash(PASSWORD);
  for (const [name, u] of Object.entries(USERS)) {
    const id = await insertUser(services.database.db, {
      email: u.email,
      name,
      passwordHash: h,
      isSuperadmin: u.super,
    });
    for (const [m, r] of u.roles) await setMembership(services.database.db, id, m, r);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
type Json = any;

export interface Client {
  req(
    method: string,
    url: string,
    body?: unknown,
    opts?: { csrf?: boolean },
  ): Promise<{ status: number; body: Json }>;
}

export async function appWithUsers(services: Services, loginLimit = 1000): Promise<FastifyInstance> {
  return buildApp({ services, loginLimit });
}

export function anonymous(app: FastifyInstance): Client {
  return {
    async req(method, url, body) {
      const res = await app.inject({
        method: method as 'GET',
        url,
        ...(body !== undefined ? { payload: body as object } : {}),
      });
      return { status: res.statusCode, body: res.body ? safeJson(res.body) : null };
    },
  };
}

function safeJson(s: string) {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

export async function as(app: FastifyInstance, user: UserKey): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: USERS[user].email, password: PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login failed for ${user}: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'maaltavle_session')!;
  const csrf = res.json().csrfToken as string;
  return {
    async req(method, url, body, opts = {}) {
      const r = await app.inject({
        method: method as 'GET',
        url,
        cookies: { maaltavle_session: cookie.value },
        headers: opts.csrf === false ? {} : { 'x-csrf-token': csrf },
        ...(body !== undefined ? { payload: body as object } : {}),
      });
      return { status: r.statusCode, body: r.body ? safeJson(r.body) : null };
    },
  };
}
