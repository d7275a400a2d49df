// Administration: users of a municipality (invite, remove) and the audit trail.
import type { AuditTrail, UserList } from '@contract/plans.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, get } from '../api.ts';
import { isAdmin, ownMunicipality, useMe } from '../auth.tsx';
import { Field, RequiredNote } from '../components/Field.tsx';
import { collator, formatDate } from '../format.ts';
import { T } from '../texts.ts';
import { useAreas } from './Plans.tsx';

export function Admin() {
  const me = useMe();
  const areas = useAreas();
  const qc = useQueryClient();
  const mine = areas
    .filter((a) => a.kind === 'kommune' && isAdmin(me, a.id))
    .sort((a, b) => collator.compare(a.name, b.name));
  const [code, setCode] = useState<string>('');
  // The administrator's own municipality first (a system administrator without one starts at the top).
  const own = ownMunicipality(me, '', true);
  const chosen = code || (mine.some((m) => m.id === own) ? own : mine[0]?.id) || '';
  const users = useQuery({
    queryKey: ['users', chosen],
    enabled: !!chosen,
    queryFn: () => get<UserList>(`/municipalities/${chosen}/users`),
  });
  const audit = useQuery({
    queryKey: ['audit', chosen],
    enabled: !!chosen,
    queryFn: () => get<AuditTrail>(`/municipalities/${chosen}/audit`),
  });
  const [f, setF] = useState({ email: '', name: '', role: 'læser' });
  const [msg, setMsg] = useState<string | null>(null);
  if (!me.user) return <p>Du skal logge ind.</p>;
  if (mine.length === 0) return <p>Du er ikke administrator i nogen kommune.</p>;
  return (
    <section>
      <h1>{T.admin.title}</h1>
      <label>
        {T.plans.municipality}
        <select value={chosen} onChange={(e) => setCode(e.target.value)}>
          {mine.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <h2>{T.admin.users}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{T.admin.name}</th>
            <th scope="col">E-mail</th>
            <th scope="col">{T.admin.role}</th>
            <th scope="col">
              <span className="sr-only">Handling</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(users.data?.users ?? []).map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{u.role}</td>
              <td>
                <button
                  type="button"
                  className="secondary small"
                  onClick={async () => {
                    const where = mine.find((m) => m.id === chosen)?.name ?? chosen;
                    if (
                      !window.confirm(
                        `${u.name} (${u.email}) mister sin adgang til ${where} og logges ud. Brugerens tekster og revisionsspor bevares. Vil du fjerne brugeren?`,
                      )
                    )
                      return;
                    await api('DELETE', `/municipalities/${chosen}/users/${u.id}`);
                    qc.invalidateQueries({ queryKey: ['users', chosen] });
                  }}
                >
                  {T.admin.remove} <span className="sr-only">{u.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="panel"
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            const r = await api<{ password: string; note: string }>(
              'POST',
              `/municipalities/${chosen}/users`,
              f,
            );
            setMsg(`${T.admin.password}: ${r.password}. ${r.note}`);
            qc.invalidateQueries({ queryKey: ['users', chosen] });
          } catch (err) {
            setMsg((err as Error).message);
          }
        }}
      >
        <h3>{T.admin.invite}</h3>
        <RequiredNote />
        <div className="row">
          <Field label={T.admin.name} required>
            <input value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} required />
          </Field>
          <Field label="E-mail" required>
            <input
              type="email"
              value={f.email}
              onChange={(e) => setF({ ...f, email: e.target.value })}
              required
            />
          </Field>
          <label>
            {T.admin.role}
            <select value={f.role} onChange={(e) => setF({ ...f, role: e.target.value })}>
              <option value="læser">Læser</option>
              <option value="redaktør">Redaktør</option>
              <option value="administrator">Administrator</option>
            </select>
          </label>
        </div>
        <button type="submit">{T.admin.invite}</button>
        {msg ? <p role="status">{msg}</p> : null}
      </form>
      <h2>{T.admin.audit}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Tidspunkt</th>
            <th scope="col">Bruger</th>
            <th scope="col">Handling</th>
          </tr>
        </thead>
        <tbody>
          {(audit.data?.entries ?? []).map((a) => (
            <tr key={a.id}>
              <td>
                {formatDate(a.at)} {a.at.slice(11, 16)}
              </td>
              <td>{a.userLabel}</td>
              <td>
                {a.action} {a.entity} {a.entityId ? `#${a.entityId}` : ''}
                {a.before || a.after ? (
                  <details>
                    <summary>Før og efter</summary>
                    <pre className="small">{JSON.stringify({ før: a.before, efter: a.after }, null, 2)}</pre>
                  </details>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
