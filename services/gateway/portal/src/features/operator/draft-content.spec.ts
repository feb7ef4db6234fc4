import {
  changesSince,
  contentOf,
  countWords,
  differingFields,
  mergeContent,
} from './draft-content';
import { proposalFixture } from './testing-fixtures';

describe('draft content', () => {
  it('should count words as submissions does, whatever the spacing', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   ')).toBe(0);
    expect(countWords(' satu  dua\n\ttiga ')).toBe(3);
  });

  it('should send only the parts that changed since the server copy', () => {
    const base = contentOf(proposalFixture());
    const draft = {
      ...base,
      sections: { ...base.sections, summary: 'baru' },
      sdgTargets: ['3.8', '16.6'],
    };

    expect(changesSince(base, draft)).toEqual({
      sections: [{ sectionId: 'summary', text: 'baru' }],
      sdgTargets: ['3.8', '16.6'],
    });
    expect(changesSince(base, base)).toEqual({});
  });

  it('should send a cleared start date as null when it was removed', () => {
    const base = contentOf(proposalFixture());
    expect(changesSince(base, { ...base, innovationStartDate: null })).toEqual({
      innovationStartDate: null,
    });
  });

  it('should list differing parts in form order', () => {
    const mine = contentOf(proposalFixture());
    const theirs = {
      ...mine,
      title: 'Judul lain',
      sections: { ...mine.sections, 'innovative-idea': 'isi' },
      sourceInnovationIds: ['inv_1'],
    };
    expect(differingFields(mine, theirs)).toEqual([
      'title',
      'section:innovative-idea',
      'sourceInnovationIds',
    ]);
  });

  it('should merge part by part, keeping mine where nothing was chosen', () => {
    const mine = { ...contentOf(proposalFixture()), title: 'Judul saya' };
    const theirs = {
      ...mine,
      title: 'Judul mereka',
      sections: { summary: 'ringkasan mereka', 'innovative-idea': 'ide mereka' },
    };
    const merged = mergeContent(mine, theirs, { 'section:summary': 'theirs' });

    expect(merged.title).toBe('Judul saya');
    expect(merged.sections).toEqual({ summary: 'ringkasan mereka', 'innovative-idea': '' });
  });
});
