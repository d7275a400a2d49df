// The logged-in user (or none), loaded once and refreshed after login and logout.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get, setCsrf } from './api.ts';

export interface Me {
  user: null | {
    id: string;
    email: string;
    name: string;
    isSuperadmin: boolean;
    memberships: { municipality: string; role: string; name: string }[];
  };
  csrfToken: string | null;
}

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

export function isAdmin(me: Me, municipality: string) {
  if (!me.user) return false;
  return (
    me.user.isSuperadmin ||
    me.user.memberships.some((m) => m.municipality === municipality && m.role === 'administrator')
  );
}
