import { ASSIGNMENT_CHANGES } from '@kipp/contracts';
import { endsAssignment, supersedes } from './reader-grant';

const at = (iso: string) => new Date(iso);

describe('supersedes', () => {
  const stored = {
    publicationId: 'pub_ed_2027_finalists_1',
    publishedAt: at('2027-06-01T03:00:00Z'),
  };

  it('should let a later publication win when its publishedAt is later', () => {
    const later = {
      publicationId: 'pub_ed_2027_finalists_2',
      publishedAt: at('2027-06-02T03:00:00Z'),
    };
    expect(supersedes(later, stored)).toBe(true);
    expect(supersedes(stored, later)).toBe(false);
  });

  it('should let the time decide over the id when the two disagree', () => {
    const olderWithHigherId = {
      publicationId: 'pub_ed_2027_finalists_9',
      publishedAt: at('2027-05-30T03:00:00Z'),
    };
    expect(supersedes(olderWithHigherId, stored)).toBe(false);
  });

  it('should compare instants, not their spelling, when the offsets differ', () => {
    const sameInstantInWib = { ...stored, publishedAt: at('2027-06-01T10:00:00+07:00') };
    const laterInWib = {
      publicationId: 'pub_ed_2027_finalists_0',
      publishedAt: at('2027-06-01T10:00:01+07:00'),
    };
    expect(supersedes(sameInstantInWib, stored)).toBe(false);
    expect(supersedes(laterInWib, stored)).toBe(true);
  });

  it('should break a tie on publishedAt by the higher publication version when ids end in numbers', () => {
    const tenth = { publicationId: 'pub_ed_2027_finalists_10', publishedAt: stored.publishedAt };
    const ninth = { publicationId: 'pub_ed_2027_finalists_9', publishedAt: stored.publishedAt };
    expect(supersedes(tenth, ninth)).toBe(true);
    expect(supersedes(ninth, tenth)).toBe(false);
  });

  it('should change nothing when the stored publication is delivered again', () => {
    expect(supersedes({ ...stored }, stored)).toBe(false);
  });

  it('should order ids that differ only in case the same way every time when time ties', () => {
    const upper = { publicationId: 'pub_A', publishedAt: stored.publishedAt };
    const lower = { publicationId: 'pub_a', publishedAt: stored.publishedAt };
    expect(supersedes(upper, lower)).not.toBe(supersedes(lower, upper));
  });
});

describe('endsAssignment', () => {
  it('should end the grant when the assignment is declined, recused or revoked', () => {
    expect(ASSIGNMENT_CHANGES.filter(endsAssignment)).toEqual(['declined', 'recused', 'revoked']);
  });

  it('should keep the grant when the assignment is completed', () => {
    expect(endsAssignment('completed')).toBe(false);
  });
});
