// The logged-in user (or none), loaded once and refreshed after login and logout.
import type { Me } from '@contract/auth.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get, setCsrf } from './api.ts';

export type { Me };

export function useMe() {
  const q = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      const me = await get<Me>('/auth/me');
      setCsrf(me.csrfToken);
      return me;
    },
  });
  return q.data ?? { user: null, csrfToken: null };
}

export function useRefreshMe() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries();
}

export function canEdit(me: Me, municipality: string) {
  if (!me.user) return false;
  if (me.user.isSuperadmin) return true;
  const r = me.user.memberships.find((m) => m.municipality === municipality)?.role;
  return r === 'redaktør' || r === 'administrator';
}

/**
 * The municipality a page should start on: the user's own (the first where the user is administrator, else
 * the first membership); `fallback` for users without one (logged out, or a system administrator only).
 */
export function ownMunicipality(me: Me, fallback: string, adminOnly = false): string {
  const ms = me.user?.memberships ?? [];
  const admin = ms.find((m) => m.role === 'administrator');
  return (adminOnly ? admin : (admin ?? ms[0]))?.municipality ?? fallback;
}

export function isAdmin(me: Me, municipality: string) {
  if (!me.user) return false;
  return (
    me.user.isSuperadmin ||
    me.user.memberships.some((m) => m.municipality === municipality && m.role === 'administrator')
  );
}
