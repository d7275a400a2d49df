import { useEffect } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api.ts';
import { useMe, useRefreshMe } from '../auth.tsx';
import { T } from '../texts.ts';
import { ownTitle, pageTitle } from './PageTitle.tsx';

/** Labels every body cell with its column header, so a table can be shown as stacked rows on a narrow screen. */
function labelCells(root: HTMLElement) {
  for (const table of root.querySelectorAll('table')) {
    const heads = [...table.querySelectorAll('thead tr:last-child th')].map(
      (th) => th.textContent?.trim() ?? '',
    );
    if (!heads.length) continue;
    for (const tr of table.querySelectorAll('tbody tr')) {
      [...tr.children].forEach((cell, i) => {
        const label = (tr.children.length === heads.length ? heads[i] : '') ?? '';
        if (cell.getAttribute('data-label') !== label) cell.setAttribute('data-label', label);
      });
    }
  }
}

/** Keeps table cells labelled as pages render and change. */
function useStackedTables() {
  useEffect(() => {
    const main = document.getElementById('main');
    if (!main) return;
    labelCells(main);
    const obs = new MutationObserver(() => labelCells(main));
    obs.observe(main, { childList: true, subtree: true, characterData: true });
    return () => obs.disconnect();
  }, []);
}

/**
 * The tab's title: fixed pages by their path; other pages set their own (usePageTitle), and until they do,
 * or if they don't, the page's main heading is used ("Status april 2021 · Måltavle").
 */
function useDefaultTitle() {
  const { pathname } = useLocation();
  useEffect(() => {
    const fixed: Record<string, string> = {
      '/': T.plans.title,
      '/log-ind': T.login.title,
      '/benchmark': T.nav.benchmark,
      '/ydelsesgrupper': T.nav.benefitGroups,
      '/administration': T.nav.admin,
      '/konto': T.nav.account,
    };
    const main = document.getElementById('main');
    const apply = () => {
      if (ownTitle.current) return;
      const h1 = main?.querySelector('h1')?.textContent?.trim();
      const part = fixed[pathname] ?? h1;
      document.title = part ? pageTitle(part) : T.appName;
    };
    apply();
    if (!main) return;
    const obs = new MutationObserver(apply);
    obs.observe(main, { childList: true, subtree: true, characterData: true });
    return () => obs.disconnect();
  }, [pathname]);
}

export function Layout() {
  const me = useMe();
  const refresh = useRefreshMe();
  const nav = useNavigate();
  const { pathname } = useLocation();
  useStackedTables();
  useDefaultTitle();
  // A one-time password must be changed first: the server refuses everything else until then.
  useEffect(() => {
    if (me.mustChangePassword && pathname !== '/konto') nav('/konto');
  }, [me.mustChangePassword, pathname, nav]);
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
      {me.mustChangePassword ? (
        <p className="banner" role="status">
          Du er logget ind med en engangsadgangskode. Vælg din egen adgangskode under "Min konto", før du
          fortsætter.
        </p>
      ) : null}
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
