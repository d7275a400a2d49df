import type { LoginInput, LoginOptions, Me } from '@contract/auth.ts';
import { ssoErrorText } from '@domain/sso-errors.ts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, get } from '../api.ts';
import { useRefreshMe } from '../auth.tsx';
import { FormError } from '../components/useFormSubmit.tsx';
import { T } from '../texts.ts';

export function Login() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [params] = useSearchParams();
  // Only a known reason from the link is shown, as our own Danish text (never text from the link).
  const [error, setError] = useState<string | null>(ssoErrorText(params.get('fejl')));
  const config = useQuery({
    queryKey: ['auth-config'],
    queryFn: () => get<LoginOptions>('/auth/config'),
  }).data;
  const refresh = useRefreshMe();
  const nav = useNavigate();
  return (
    <section className="narrow">
      <h1>{T.login.title}</h1>
      {config?.oidc ? (
        <p>
          <a className="button" href={config.oidc.start}>
            {config.oidc.label}
          </a>
        </p>
      ) : null}
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          try {
            await api<Me>('POST', '/auth/login', { email, password } satisfies LoginInput);
            await refresh();
            nav('/');
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      >
        <label>
          {T.login.email}
          <input
            name="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </label>
        <label>
          {T.login.password}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <FormError error={error} />
        <button type="submit">{T.login.submit}</button>
      </form>
    </section>
  );
}
