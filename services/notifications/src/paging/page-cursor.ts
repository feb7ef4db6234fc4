import { ValidationError } from '@kipp/service-kit';

/** Where a newest-first page ended: the last item's creation time and id (ties by id). */
export interface PageCursor {
  readonly createdAt: Date;
  readonly id: string;
}

export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`, 'utf8').toString(
    'base64url',
  );
}

/** 400 `VALIDATION_FAILED` for a cursor this service did not hand out. */
export function decodeCursor(raw: string): PageCursor {
  const decoded = Buffer.from(raw, 'base64url').toString('utf8');
  const separator = decoded.indexOf('|');
  const createdAt = new Date(decoded.slice(0, separator));
  const id = decoded.slice(separator + 1);
  if (separator < 0 || Number.isNaN(createdAt.getTime()) || id.length === 0) {
    throw new ValidationError([{ path: 'cursor', message: 'is not a cursor of this list' }]);
  }
  return { createdAt, id };
}

/** The filter for items strictly after `cursor` in newest-first order. */
export function afterCursor(cursor: PageCursor | null): Record<string, unknown> {
  if (!cursor) return {};
  return {
    $or: [
      { createdAt: { $lt: cursor.createdAt } },
      { createdAt: cursor.createdAt, _id: { $lt: cursor.id } },
    ],
  };
}

/** Splits one extra fetched item off into the next cursor. */
export function pageOf<T extends { _id: string; createdAt: Date }>(
  found: T[],
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const items = found.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      found.length > limit && last
        ? encodeCursor({ createdAt: last.createdAt, id: last._id })
        : null,
  };
}
