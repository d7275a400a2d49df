// The HTTP contract of logging in and out, who is logged in, the password change and the login options
// (src/server/routes/auth.ts).
import { z } from 'zod';
import { ROLES, type Role } from '../domain/roles.ts';
import { Id, redirectAnswer } from './common.ts';

export { ROLES, type Role };

// ---------------------------------------------------------------- requests

export const LoginInput = z.object({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(1000),
});
export type LoginInput = z.infer<typeof LoginInput>;
export const PasswordInput = z.object({ current: z.string().max(1000), next: z.string().max(1000) });
export type PasswordInput = z.infer<typeof PasswordInput>;

// ---------------------------------------------------------------- answers

/** A role in a municipality, with the municipality's name. */
export const Membership = z.object({ municipality: z.string(), role: z.enum(ROLES), name: z.string() });
export type Membership = z.infer<typeof Membership>;

/** The logged-in user as the app sees it (never the password hash or the session's id). */
export const SessionUser = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  isSuperadmin: z.boolean(),
  memberships: z.array(Membership),
});
export type SessionUser = z.infer<typeof SessionUser>;

/** Who is logged in (or nobody) and the CSRF token every change must carry. */
export const Me = z.object({
  user: SessionUser.nullable(),
  csrfToken: z.string().nullable(),
  /** Logged in with a one-time password that must be changed first. */
  mustChangePassword: z.boolean().optional(),
});
export type Me = z.infer<typeof Me>;

export const LoginOptions = z.object({
  oidc: z.object({ label: z.string(), start: z.string() }).nullable(),
});
export type LoginOptions = z.infer<typeof LoginOptions>;

export const SsoRedirect = redirectAnswer('Videre til SSO-udbyderen');
export const SsoReturn = redirectAnswer(
  'Tilbage til appen: forsiden, eller /log-ind?fejl=… når login blev afvist',
);
