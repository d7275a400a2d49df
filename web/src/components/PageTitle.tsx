// The browser tab's title per page: "Faxe · Beskæftigelsesplan 2020-2021 · Måltavle".
import { useEffect } from 'react';
import { T } from '../texts.ts';

export function pageTitle(...parts: (string | null | undefined)[]): string {
  return [...parts.filter((p): p is string => !!p), T.appName].join(' · ');
}

/** Set while a page has a title of its own, so the layout's fallback (the page's heading) stays away. */
export const ownTitle = { current: false };

export function usePageTitle(...parts: (string | null | undefined)[]) {
  const ready = parts.some(Boolean);
  const title = pageTitle(...parts);
  useEffect(() => {
    if (!ready) return;
    ownTitle.current = true;
    document.title = title;
    return () => {
      ownTitle.current = false;
    };
  }, [title, ready]);
}
