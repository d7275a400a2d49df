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
    opts?: { csrf?: boolean; headers?: Record<string, string> },
  ): Promise<{ status: number; body: Json }>;
}

/** A login over HTTP: its answer, and a client that sends the session cookie and the CSRF token. */
export interface LoggedIn extends Client {
  status: number;
  body: Json;
  /** The session cookie's value ('' when the login was refused). */
  cookie: string;
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

/**
 * The one login helper of the server tests: logs in with an email and a password and returns the answer and
 * a client with the session (`opts.csrf: false` leaves the CSRF token out, `opts.headers` adds headers).
 * A refused login is returned, not thrown, for tests about refusals; `as` and `loginAs` throw.
 */
export async function login(app: FastifyInstance, email: string, password: string): Promise<LoggedIn> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  const cookie = res.cookies.find((c) => c.name === 'maaltavle_session')?.value ?? '';
  const body = res.body ? safeJson(res.body) : null;
  const csrf = (body as { csrfToken?: string } | null)?.csrfToken ?? '';
  return {
    status: res.statusCode,
    body,
    cookie,
    async req(method, url, payload, opts = {}) {
      const r = await app.inject({
        method: method as 'GET',
        url,
        cookies: { maaltavle_session: cookie },
        headers: { ...(opts.csrf === false ? {} : { 'x-csrf-token': csrf }), ...opts.headers },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
      return { status: r.statusCode, body: r.body ? safeJson(r.body) : null };
    },
  };
}

/** Logs a seeded user in (test/helpers/app.ts USERS); throws when refused. */
export async function as(app: FastifyInstance, user: UserKey): Promise<Client> {
  const c = await login(app, USERS[user].email, PASSWORD);
  if (c.status !== 200) throw new Error(`login failed for ${user}: ${JSON.stringify(c.body)}`);
  return c;
}
