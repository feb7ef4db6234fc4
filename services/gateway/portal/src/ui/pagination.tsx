import { useMessages } from '../i18n';
import { uiMessages } from './messages';

/** The pages to offer: first, last, and two around the current one, with gaps as null. */
export function pageWindow(page: number, pages: number): (number | null)[] {
  const wanted = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2]);
  const list = [...wanted].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of list) {
    const previous = out[out.length - 1];
    if (typeof previous === 'number' && p - previous > 1) out.push(null);
    out.push(p);
  }
  return out;
}

/** Page navigation for lists the server pages (`page`, `pageSize`, `total`). */
export function Pagination({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const t = useMessages(uiMessages);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t.pagination}>
      <p className="visually-hidden" aria-live="polite">
        {t.pageOf(page, pages)}
      </p>
      <ul>
        <li>
          <button
            type="button"
            className="button button-secondary"
            disabled={page <= 1}
            onClick={() => onPage(page - 1)}
          >
            {t.previous}
          </button>
        </li>
        {pageWindow(page, pages).map((p, index) =>
          p === null ? (
            <li key={`gap-${index}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              <button
                type="button"
                className="button button-secondary"
                aria-label={t.page(p)}
                aria-current={p === page ? 'page' : undefined}
                onClick={() => onPage(p)}
              >
                {p}
              </button>
            </li>
          ),
        )}
        <li>
          <button
            type="button"
            className="button button-secondary"
            disabled={page >= pages}
            onClick={() => onPage(page + 1)}
          >
            {t.next}
          </button>
        </li>
      </ul>
    </nav>
  );
}
