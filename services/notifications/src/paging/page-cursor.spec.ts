import { ValidationError } from '@kipp/service-kit';
import { decodeCursor, encodeCursor, pageOf } from './page-cursor';

describe('page cursor', () => {
  it('should round-trip the creation time and id when encoded', () => {
    const cursor = { createdAt: new Date('2027-03-01T00:00:00.000Z'), id: 'n1:acct|1:inbox' };

    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('should reject a cursor it did not hand out', () => {
    expect(() => decodeCursor('bm9wZQ')).toThrow(ValidationError);
  });

  it('should answer a next cursor only when more items were found than asked for', () => {
    const at = new Date('2027-03-01T00:00:00.000Z');
    const found = [
      { _id: 'c', createdAt: at },
      { _id: 'b', createdAt: at },
      { _id: 'a', createdAt: at },
    ];

    expect(pageOf(found, 3).nextCursor).toBeNull();
    const page = pageOf(found, 2);
    expect(page.items.map((item) => item._id)).toEqual(['c', 'b']);
    expect(decodeCursor(page.nextCursor ?? '')).toEqual({ createdAt: at, id: 'b' });
  });
});
