import { countdown } from './deadline';
import { checkFile, formatBytes, likelyType } from './evidence-check';
import { filenameFromDisposition } from '../../api/download';
import { groupsFor, openEditions, validateNewProposal } from './new-proposal-form';
import {
  checkInOutcome,
  disputeReasonValid,
  nextStatuses,
  originActions,
  visitDateValid,
} from './replication-api';
import { parsePeopleServed } from './check-in-page';
import { todayInWit } from './visits-page';
import { editionFixture } from './testing-fixtures';

describe('deadline countdown', () => {
  it('should count whole days, hours and minutes left', () => {
    expect(countdown('2027-03-31T17:00:00Z', new Date('2027-03-29T15:30:30Z'))).toEqual({
      closed: false,
      days: 2,
      hours: 1,
      minutes: 29,
    });
  });

  it('should be closed from the close instant on', () => {
    expect(countdown('2027-03-31T17:00:00Z', new Date('2027-03-31T17:00:00Z')).closed).toBe(true);
    expect(countdown('2027-03-31T17:00:00Z', new Date('2027-04-01T00:00:00Z')).closed).toBe(true);
  });
});

describe('evidence files before upload', () => {
  const requirement = { allowedTypes: ['application/pdf'], maxSizeBytes: 1000 };

  it('should refuse empty, too large and wrong-type files', () => {
    expect(checkFile({ name: 'a.pdf', type: 'application/pdf', size: 0 }, requirement)).toEqual({
      kind: 'empty',
    });
    expect(checkFile({ name: 'a.pdf', type: 'application/pdf', size: 1001 }, requirement)).toEqual({
      kind: 'too-large',
      maxSizeBytes: 1000,
    });
    expect(checkFile({ name: 'a.png', type: 'image/png', size: 10 }, requirement)).toEqual({
      kind: 'type',
      allowedTypes: ['application/pdf'],
    });
  });

  it('should accept a fitting file, and leave an unknown type to the server', () => {
    expect(
      checkFile({ name: 'a.pdf', type: 'application/pdf', size: 1000 }, requirement),
    ).toBeNull();
    expect(checkFile({ name: 'scan', type: '', size: 10 }, requirement)).toBeNull();
    expect(likelyType({ name: 'FOTO.JPG', type: '' })).toBe('image/jpeg');
  });

  it("should show sizes in the person's language", () => {
    expect(formatBytes(2 * 1024 * 1024, 'id-ID')).toBe('2 MB');
    expect(formatBytes(1536, 'id-ID')).toBe('1,5 KB');
    expect(formatBytes(1536, 'en-GB')).toBe('1.5 KB');
  });
});

describe('downloaded file names', () => {
  it('should prefer the UTF-8 name and fall back to the quoted one', () => {
    expect(
      filenameFromDisposition(
        `attachment; filename="a.pdf"; filename*=UTF-8''Standar%20pelayanan%C3%A9.pdf`,
      ),
    ).toBe('Standar pelayanané.pdf');
    expect(filenameFromDisposition('attachment; filename="sk \\"final\\".pdf"')).toBe(
      'sk "final".pdf',
    );
    expect(filenameFromDisposition(null)).toBeNull();
  });
});

describe('a new draft', () => {
  it('should ask for every choice and a title of 3–300 characters', () => {
    expect(
      validateNewProposal({ editionId: '', groupId: '', categoryId: '', title: ' ab ' }),
    ).toEqual({
      editionId: 'required',
      groupId: 'required',
      categoryId: 'required',
      title: 'length',
    });
    expect(
      validateNewProposal({ editionId: 'e', groupId: 'g', categoryId: 'c', title: 'Judul' }),
    ).toEqual({});
  });

  it('should offer editions in submission and invitation-only groups to invited institutions only', () => {
    const open = editionFixture();
    const closed = editionFixture({ editionId: 'ed_2026', currentPhase: 'evaluation' });
    expect(openEditions([open, closed]).map((e) => e.editionId)).toEqual(['ed_2027']);
    expect(groupsFor(open, 'inst_3273').map((g) => g.groupId)).toEqual(['general', 'replication']);
    expect(groupsFor(open, 'inst_1').map((g) => g.groupId)).toEqual([
      'general',
      'replication',
      'special',
    ]);
  });
});

describe('replication rules as the portal offers them', () => {
  it('should offer one step on or stopped, and nothing after stopped', () => {
    expect(nextStatuses('plan')).toEqual(['in-progress', 'stopped']);
    expect(nextStatuses('implemented')).toEqual(['sustained', 'stopped']);
    expect(nextStatuses('sustained')).toEqual(['stopped']);
    expect(nextStatuses('stopped')).toEqual([]);
  });

  it('should let the origin counter-sign unless confirmed and dispute unless disputed', () => {
    expect(originActions('pending')).toEqual({ countersign: true, dispute: true });
    expect(originActions('confirmed')).toEqual({ countersign: false, dispute: true });
    expect(originActions('disputed')).toEqual({ countersign: true, dispute: false });
  });

  it('should want a dispute reason of 10–2000 characters', () => {
    expect(disputeReasonValid('  terlalu  ')).toBe(false);
    expect(disputeReasonValid('bukan replikasi kami')).toBe(true);
    expect(disputeReasonValid('x'.repeat(2001))).toBe(false);
  });

  it('should preview the check-in outcome replication records', () => {
    expect(checkInOutcome({ running: false, scaled: true })).toBe('stopped');
    expect(checkInOutcome({ running: true, scaled: true })).toBe('scaled');
    expect(checkInOutcome({ running: true })).toBe('active');
  });

  it('should read people served as a whole number or nothing', () => {
    expect(parsePeopleServed('')).toBeNull();
    expect(parsePeopleServed(' 1200 ')).toBe(1200);
    expect(parsePeopleServed('-3')).toBe('invalid');
    expect(parsePeopleServed('1.5')).toBe('invalid');
  });

  it('should refuse visit dates after today in WIT and impossible dates', () => {
    const today = todayInWit(new Date('2027-05-01T16:00:00Z'));
    expect(today).toBe('2027-05-02');
    expect(visitDateValid('2027-05-02', today)).toBe(true);
    expect(visitDateValid('2027-05-03', today)).toBe(false);
    expect(visitDateValid('2027-02-30', today)).toBe(false);
  });
});
