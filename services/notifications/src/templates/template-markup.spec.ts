import { bodyToHtml, escapeAttribute, tidyText } from './template-markup';

const P = '<p style="margin:0 0 16px;">';
const UL = '<ul style="margin:0 0 16px;padding-left:24px;">';
const LI = '<li style="margin:0 0 4px;">';
const A = (url: string) =>
  `<a href="${url}" style="color:#9b1c1c;word-break:break-all;">${url}</a>`;

describe('bodyToHtml', () => {
  it('should make paragraphs of blank-line separated blocks and breaks of single newlines', () => {
    expect(bodyToHtml('one\ntwo\n\nthree')).toBe(`${P}one<br>two</p>\n${P}three</p>`);
  });

  it('should make a list of the "- " lines, even after a lead-in line', () => {
    expect(bodyToHtml('Checks:\n- a\n- b\nafter')).toBe(
      [`${P}Checks:</p>`, `${UL}${LI}a</li>${LI}b</li></ul>`, `${P}after</p>`].join('\n'),
    );
  });

  it('should link URLs without swallowing quotes or closing punctuation', () => {
    expect(bodyToHtml('See &quot;https://kipp.go.id/a&quot; or (https://kipp.go.id/b).')).toBe(
      `${P}See &quot;${A('https://kipp.go.id/a')}&quot; or (${A('https://kipp.go.id/b')}).</p>`,
    );
  });

  it('should not link what is not a web address', () => {
    expect(bodyToHtml('javascript:alert(1) ftp://x')).toBe(`${P}javascript:alert(1) ftp://x</p>`);
  });
});

describe('tidyText', () => {
  it('should drop trailing spaces, extra blank lines and blank edges', () => {
    expect(tidyText('\n\na  \n\n\n\nb\r\nc\n\n')).toBe('a\n\nb\nc');
  });
});

describe('escapeAttribute', () => {
  it('should escape what HTML needs and leave URLs readable', () => {
    expect(escapeAttribute(`https://x/?a=1&b="2"<'>`)).toBe(
      'https://x/?a=1&amp;b=&quot;2&quot;&lt;&#39;&gt;',
    );
  });
});
