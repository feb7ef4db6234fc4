import { confirmByOf, generateSlots, toInstant } from './slot-generation';

describe('slot generation', () => {
  it('should convert local WIB, WITA and WIT times to UTC when given a date and time', () => {
    expect(toInstant('2027-06-12', '09:00', 'WIB').toISOString()).toBe('2027-06-12T02:00:00.000Z');
    expect(toInstant('2027-06-12', '09:00', 'WITA').toISOString()).toBe('2027-06-12T01:00:00.000Z');
    expect(toInstant('2027-06-12', '08:00', 'WIT').toISOString()).toBe('2027-06-11T23:00:00.000Z');
  });

  it('should make back-to-back slots that fit before the end when the day does not divide evenly', () => {
    const slots = generateSlots(
      'ed',
      [{ date: '2027-06-12', start: '09:00', end: '10:10', timeZone: 'WIB' }],
      20,
      1,
    );
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      '2027-06-12T02:00:00.000Z',
      '2027-06-12T02:20:00.000Z',
      '2027-06-12T02:40:00.000Z',
    ]);
    expect(slots[2]!.endsAt.toISOString()).toBe('2027-06-12T03:00:00.000Z');
    expect(slots[0]!.slotId).toBe('slot_ed_202706120200_r1');
  });

  it('should make one slot per room at each start when there are several rooms', () => {
    const slots = generateSlots(
      'ed',
      [{ date: '2027-06-12', start: '09:00', end: '09:40', timeZone: 'WIB' }],
      20,
      2,
    );
    expect(slots.map((s) => [s.startsAt.toISOString().slice(11, 16), s.room])).toEqual([
      ['02:00', 1],
      ['02:00', 2],
      ['02:20', 1],
      ['02:20', 2],
    ]);
  });

  it('should make nothing when the day is shorter than one slot', () => {
    expect(
      generateSlots(
        'ed',
        [{ date: '2027-06-12', start: '09:00', end: '09:10', timeZone: 'WIT' }],
        20,
        1,
      ),
    ).toEqual([]);
  });

  it('should yield the same ids when the same day is generated twice', () => {
    const day = { date: '2027-06-12', start: '09:00', end: '12:00', timeZone: 'WITA' } as const;
    expect(generateSlots('ed', [day], 20, 3)).toEqual(generateSlots('ed', [day], 20, 3));
  });

  it('should put the confirmation deadline lead hours before the start', () => {
    expect(confirmByOf(new Date('2027-06-12T02:00:00Z'), 24).toISOString()).toBe(
      '2027-06-11T02:00:00.000Z',
    );
  });
});
