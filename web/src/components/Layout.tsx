import { NavLink, Outlet, useNavigate } from 'react-router';
import { api } from '../api.ts';
import { useMe, useRefreshMe } from '../auth.tsx';
import { T } from '../texts.ts';

export function Layout() {
  const me = useMe();
  const refresh = useRefreshMe();
  const nav = useNavigate();
  const adminOf = me.user?.isSuperadmin || me.user?.memberships.some((m) => m.role === 'administrator');
  return (
    <>
      <a className="skip" href="#main">
        {T.skipToContent}
      </a>
      <header className="top">
        <div className="brand">
          <NavLink to="/">{T.appName}</NavLink>
        </div>
        <nav aria-label="Hovedmenu">
          <ul>
            <li>
              <NavLink to="/">{T.nav.plans}</NavLink>
            </li>
            <li>
              <NavLink to="/benchmark">{T.nav.benchmark}</NavLink>
            </li>
            <li>
              <NavLink to="/ydelsesgrupper">{T.nav.benefitGroups}</NavLink>
            </li>
            <li>
              <NavLink to="/maal">Målkatalog</NavLink>
            </li>
            {adminOf ? (
              <li>
                <NavLink to="/administration">{T.nav.admin}</NavLink>
              </li>
            ) : null}
            {adminOf ? (
              <li>
                <NavLink to="/statistik">Statistik</NavLink>
              </li>
            ) : null}
            {me.user ? (
              <li>
                <NavLink to="/konto">{T.nav.account}</NavLink>
              </li>
            ) : null}
            <li>
              {me.user ? (
                <button
                  type="button"
                  className="linklike"
                  onClick={async () => {
                    await api('POST', '/auth/logout');
                    await refresh();
                    nav('/');
                  }}
                >
                  {T.nav.logout} ({me.user.name})
                </button>
              ) : (
                <NavLink to="/log-ind">{T.nav.login}</NavLink>
              )}
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="foot">
        <p>
          Statistik: Kilde: Jobindsats.dk, Styrelsen for Arbejdsmarked og Rekruttering (STAR) · Kilde:
          Danmarks Statistik (CC BY 4.0).
        </p>
      </footer>
    </>
  );
}
