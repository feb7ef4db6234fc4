import { useEffect } from 'react';

const SITE = 'KIPP · SINOVIK';

/** Sets the window title for the page ("<page> · KIPP · SINOVIK"). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ${SITE}`;
  }, [title]);
}
