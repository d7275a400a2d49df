// My account: who I am, my municipalities and roles, and changing my password.
import type { PasswordInput } from '@contract/auth.ts';
import type { Ok } from '@contract/common.ts';
import { useState } from 'react';
import { api } from '../api.ts';
import { useMe, useRefreshMe } from '../auth.tsx';
import { T } from '../texts.ts';

export function Account() {
  const me = useMe();
  const refresh = useRefreshMe();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  if (!me.user) return <p>Du skal logge ind.</p>;
  return (
    <section className="narrow">
      <h1>{T.nav.account}</h1>
      <p>
        {me.user.name} ({me.user.email})
      </p>
      <h2>Kommuner og roller</h2>
      <ul>
        {me.user.isSuperadmin ? <li>Systemadministrator (alle kommuner)</li> : null}
        {me.user.memberships.map((m) => (
          <li key={m.municipality}>
            {m.name}: {m.role}
          </li>
        ))}
      </ul>
      <h2>Skift adgangskode</h2>
      {me.mustChangePassword ? (
        <p className="note warn">
          Du er logget ind med en engangsadgangskode. Vælg din egen adgangskode her; indtil da kan du ikke
          bruge resten af Måltavle.
        </p>
      ) : null}
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await api<Ok>('POST', '/auth/password', { current, next } satisfies PasswordInput);
            setMsg({ ok: true, text: 'Adgangskoden er skiftet. Dine andre sessioner er logget ud.' });
            await refresh();
            setCurrent('');
            setNext('');
          } catch (err) {
            setMsg({ ok: false, text: (err as Error).message });
          }
        }}
      >
        <label>
          Nuværende adgangskode
          <input
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            required
          />
        </label>
        <label>
          Ny adgangskode (mindst 10 tegn)
          <input
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
            minLength={10}
            required
          />
        </label>
        {msg ? (
          <p role={msg.ok ? 'status' : 'alert'} className={msg.ok ? '' : 'error'}>
            {msg.text}
          </p>
        ) : null}
        <button type="submit">Skift adgangskode</button>
      </form>
    </section>
  );
}
