import { portalLinkPatternOf } from '@kipp/contracts';
import { seal, sealingKeyFromBase64 } from '@kipp/service-kit';
import { TEMPLATE_IDS, type TemplateId, type TemplateParams } from '../notification/catalogue';
import type { Locale } from '../notification/contract-types';
import { HandlebarsTemplateRenderer } from './handlebars-template-renderer';
import type { RenderContext } from './template-renderer';
import { UnrenderableMessageError } from './template.errors';
import {
  FIXTURE_PORTAL_URL,
  FIXTURE_RENDER_CONTEXT,
  FIXTURE_RESET_LINK,
  FIXTURE_RESET_SEALING_KEY,
  TEMPLATE_PARAMS_FIXTURES,
} from './testing/template-params.fixtures';

const renderer = new HandlebarsTemplateRenderer({
  portalUrl: `${FIXTURE_PORTAL_URL}/`,
  resetSealingKeys: [FIXTURE_RESET_SEALING_KEY],
});

function render<T extends TemplateId>(
  template: T,
  params: TemplateParams[T] = TEMPLATE_PARAMS_FIXTURES[template],
  context: Partial<RenderContext> = {},
) {
  return renderer.render(template, params, { ...FIXTURE_RENDER_CONTEXT, ...context });
}

const portal = (path: string) => `${FIXTURE_PORTAL_URL}${path}`;

/** Where each fixture's message points. */
const EXPECTED_LINKS: Readonly<Record<TemplateId, string>> = {
  'account.welcome': portal('/sign-in'),
  'account.password-reset': FIXTURE_RESET_LINK,
  'local-admin-request.decided': portal('/sign-in'),
  'proposal.returned': portal('/proposals/prop_8d1e'),
  'proposal.forwarded': portal('/proposals/prop_8d1e'),
  'proposal.withdrawn': portal('/proposals/prop_8d1e'),
  'proposal.stalled': portal('/proposals/prop_8d1e'),
  'proposal.nudged': portal('/proposals/prop_8d1e'),
  'deadline.reminder': portal('/institution/drafts?edition=ed_2027'),
  'selection.decided': portal('/proposals/prop_8d1e/selection'),
  'assignment.created': portal('/evaluation/assignments/asg_19b0'),
  'assignment.revoked': portal('/evaluation/assignments/asg_19b0'),
  'scoring.reminder': portal('/evaluation/assignments?edition=ed_2027'),
  'objection.filed': portal('/proposals/prop_8d1e/objections'),
  'objection.resolved': portal('/proposals/prop_8d1e/objections'),
  'interview.scheduled': portal('/proposals/prop_8d1e/interview'),
  'interview.confirmation-reminder': portal('/proposals/prop_8d1e/interview'),
  'stage.result': portal('/proposals/prop_8d1e/results'),
  'award.granted': portal('/proposals/prop_8d1e/results'),
  'certificate.issued': portal('/verify/KIPP-2027-7XQ4'),
  'certificate.revoked': portal('/proposals/prop_8d1e/results'),
  'replication.countersign-requested': portal('/replications/rep_31f0'),
  'check-in.due': portal('/innovations/inn_0c8d/check-ins/chk_2028_1'),
  'check-in.overdue': portal('/innovations/inn_0c8d/check-ins/chk_2028_1'),
  broadcast: portal('/inbox/msg_1'),
  digest: portal('/inbox'),
};

const LOCALES: readonly Locale[] = ['id', 'en'];
const EVERY_VARIANT = TEMPLATE_IDS.flatMap((template) =>
  LOCALES.map((locale) => [template, locale] as const),
);

describe('HandlebarsTemplateRenderer', () => {
  describe.each(EVERY_VARIANT)('%s in %s', (template, locale) => {
    const message = render(template, TEMPLATE_PARAMS_FIXTURES[template], { locale });

    it('should render a subject, a plain text and an HTML document', () => {
      expect(message.subject.trim()).not.toBe('');
      expect(message.subject).not.toContain('\n');
      expect(message.text.trim().length).toBeGreaterThan(message.subject.length);
      expect(message.html).toMatch(new RegExp(`^<!DOCTYPE html>\\n<html lang="${locale}">`));
    });

    it('should point to its portal page in the link, the text and the HTML', () => {
      expect(message.link).toBe(EXPECTED_LINKS[template]);
      expect(message.text).toContain(EXPECTED_LINKS[template]);
      expect(message.html).toContain(`href="${EXPECTED_LINKS[template]}"`);
    });

    it('should link only to pages the portal has promised to keep', () => {
      const portalLinks = [...message.text.matchAll(/https?:\/\/\S+/g)]
        .map(([url]) => url)
        .filter((url) => url.startsWith(FIXTURE_PORTAL_URL))
        .map((url) => new URL(url).pathname);
      expect(portalLinks.length).toBeGreaterThan(0);
      const unknown = portalLinks.filter((path) => portalLinkPatternOf(path) === null);
      expect(unknown).toEqual([]);
    });

    it('should leave nothing unrendered', () => {
      for (const part of [message.subject, message.text, message.html]) {
        expect(part).not.toMatch(/undefined|null|NaN|\[object|\{\{|\}\}/);
      }
    });

    it('should greet the recipient and sign as the Secretariat, in the language', () => {
      const [greeting, signature] =
        locale === 'id'
          ? ['Yth. Budi Santoso,', 'Sekretariat KIPP']
          : ['Dear Budi Santoso,', 'KIPP Secretariat'];
      expect(message.text.startsWith(greeting)).toBe(true);
      expect(message.text).toContain(signature);
      expect(message.html).toContain(greeting);
    });

    it('should link to the notification settings in the footer', () => {
      expect(message.text).toContain(portal('/settings/notifications'));
      expect(message.html).toContain(`href="${portal('/settings/notifications')}"`);
    });
  });

  describe('branches', () => {
    const f = TEMPLATE_PARAMS_FIXTURES;
    /** The other side of every condition the fixtures do not take. */
    const variants: { [T in TemplateId]?: Partial<TemplateParams[T]>[] } = {
      'account.welcome': [{ institutionName: null, mustChangePassword: false, roles: [] }],
      'local-admin-request.decided': [
        { decision: 'approved', reason: null, institutionName: null },
        { decision: 'rejected', reason: null },
      ],
      'proposal.withdrawn': [{ wasForwarded: false, title: 'Judul' }],
      'proposal.stalled': [{ sittingWith: 'unit', threshold: '3h' }],
      'proposal.nudged': [{ message: null, closesAt: null, title: null }],
      'deadline.reminder': [{ editionName: null, threshold: '1d' }],
      'selection.decided': [{ outcome: 'pass', reasons: [] }],
      'assignment.created': [
        { reason: 'initial', dueAt: null, editionName: null, title: null },
        { reason: 'divergence' },
      ],
      'scoring.reminder': [{ openAssignments: 1, editionName: null }],
      'objection.filed': [{ evidenceCount: 0 }, { evidenceCount: 1 }],
      'objection.resolved': [{ outcome: 'upheld' }],
      'interview.scheduled': [{ change: 'moved' }, { change: 'confirmed' }, { change: 'released' }],
      'stage.result': [
        { stage: 'shortlist', advanced: false, rank: null, score: null },
        { stage: 'finalists', rank: 3, score: null },
        { stage: 'final', rank: null, score: 91.25 },
      ],
      'award.granted': [{ tiers: ['outstanding'], rank: 1 }],
      'certificate.revoked': [{ replaced: false, tier: 'finalist' }],
      'replication.countersign-requested': [{ adopterInstitutionName: null, respondBy: null }],
      digest: [{ items: [] }],
    };
    const cases = Object.entries(variants).flatMap(([template, list]) =>
      (list as object[]).flatMap((variant, index) =>
        LOCALES.map((locale) => [template as TemplateId, index, locale, variant] as const),
      ),
    );

    it.each(cases)(
      'should render %s variant %i in %s cleanly',
      (template, _index, locale, variant) => {
        const params = { ...f[template], ...variant };
        const message = render(template, params, { locale });
        expect(message.link).not.toBeNull();
        for (const part of [message.subject, message.text, message.html]) {
          expect(part).not.toMatch(/undefined|null|NaN|\[object|\{\{|\}\}| {2}|\s[.,]/);
        }
      },
    );

    it('should say what changed in an interview schedule', () => {
      const moved = { ...f['interview.scheduled'], change: 'moved' as const };
      expect(render('interview.scheduled', moved).subject).toMatch(/^Perubahan jadwal/);
      const released = { ...f['interview.scheduled'], change: 'released' as const };
      const text = render('interview.scheduled', released, { locale: 'en' }).text;
      expect(text).toContain('has been cancelled');
      expect(text).not.toContain('Please confirm your attendance');
    });
  });

  describe('times', () => {
    const closesAt = '2027-03-31T16:59:59Z';
    const params = { ...TEMPLATE_PARAMS_FIXTURES['deadline.reminder'], closesAt };

    it.each([
      ['id', 'WIB', '31 Maret 2027 pukul 23.59 WIB'],
      ['id', 'WITA', '1 April 2027 pukul 00.59 WITA'],
      ['id', 'WIT', '1 April 2027 pukul 01.59 WIT'],
      ['en', 'WIB', '31 March 2027, 23:59 WIB'],
      ['en', 'WITA', '1 April 2027, 00:59 WITA'],
      ['en', 'WIT', '1 April 2027, 01:59 WIT'],
    ] as const)('should show the close in %s for %s as %j', (locale, timeZone, shown) => {
      const message = render('deadline.reminder', params, { locale, timeZone });
      expect(message.text).toContain(shown);
      expect(message.html).toContain(shown);
    });

    it('should name a threshold in words', () => {
      expect(render('deadline.reminder').subject).toBe(
        'Pengingat: pengajuan proposal KIPP 2027 ditutup 7 hari lagi',
      );
      const inThreeHours = { ...params, threshold: '3h' };
      expect(render('deadline.reminder', inThreeHours, { locale: 'en' }).subject).toBe(
        'Reminder: KIPP 2027 submissions close in 3 hours',
      );
    });
  });

  describe('user content', () => {
    const comment = '<script>alert(1)</script>\nSee "section 2" & fix it.';
    const returned = { ...TEMPLATE_PARAMS_FIXTURES['proposal.returned'], comment };

    it('should escape it in HTML and keep it verbatim in the plain text', () => {
      const message = render('proposal.returned', returned);
      expect(message.text).toContain(comment);
      expect(message.html).not.toContain('<script>');
      expect(message.html).toContain(
        '&lt;script&gt;alert(1)&lt;/script&gt;<br>See &quot;section 2&quot; &amp; fix it.',
      );
    });

    it('should escape titles in the HTML heading and the subject stays plain', () => {
      const params = { ...returned, title: 'Cepat & <Tepat>' };
      const message = render('proposal.returned', params, { locale: 'en' });
      expect(message.subject).toBe('Proposal “Cepat & <Tepat>” returned for revision');
      expect(message.html).toContain(
        '<h1 style="margin:0 0 24px;color:#111827;font-size:22px;line-height:1.3;">Proposal “Cepat &amp; &lt;Tepat&gt;” returned for revision</h1>',
      );
    });

    it('should quote the local admin’s message of a nudge, escaped in HTML, and leave it out when none', () => {
      const nudged = TEMPLATE_PARAMS_FIXTURES['proposal.nudged'];
      const withMessage = render('proposal.nudged', {
        ...nudged,
        message: 'Segera <b>unggah</b> SK',
      });
      expect(withMessage.text).toContain('Pesan Admin Lokal:\n“Segera <b>unggah</b> SK”');
      expect(withMessage.html).toContain('“Segera &lt;b&gt;unggah&lt;/b&gt; SK”');
      const english = render('proposal.nudged', undefined, { locale: 'en' });
      expect(english.text).toContain(`Message from the local admin:\n“${nudged.message}”`);
      const without = render('proposal.nudged', { ...nudged, message: null });
      expect(without.text).not.toContain('Pesan Admin Lokal');
    });

    it('should keep the paragraphs and line breaks of a broadcast and escape its markup', () => {
      const body =
        'Yth. peserta,\n\nBatas <b>diperpanjang</b>.\nLihat https://kipp.go.id/info?a=1&b=2.';
      const message = render('broadcast', {
        subject: { id: 'Pengumuman', en: 'Announcement' },
        body: { id: body, en: 'Notice' },
      });
      expect(message.subject).toBe('Pengumuman');
      expect(message.text).toContain(body);
      expect(message.html).toContain('<p style="margin:0 0 16px;">Yth. peserta,</p>');
      expect(message.html).toContain(
        'Batas &lt;b&gt;diperpanjang&lt;/b&gt;.<br>Lihat <a href="https://kipp.go.id/info?a&#x3D;1&amp;b&#x3D;2"',
      );
    });

    it('should name a proposal whose title is unknown by its id', () => {
      const message = render('assignment.revoked', undefined, { locale: 'en' });
      expect(message.subject).toBe('Evaluation assignment withdrawn: proposal prop_8d1e');
    });

    it('should URL-encode the parts of a link', () => {
      const params = { ...TEMPLATE_PARAMS_FIXTURES['proposal.returned'], proposalId: 'a/b c?' };
      expect(render('proposal.returned', params).link).toBe(portal('/proposals/a%2Fb%20c%3F'));
    });
  });

  describe('labels', () => {
    it('should name award tiers in each language', () => {
      expect(render('award.granted').text).toContain(
        'ditetapkan sebagai Finalis Top 99 dan Top 45',
      );
      expect(render('award.granted', undefined, { locale: 'en' }).text).toContain(
        'named Top 99 finalist and Top 45',
      );
      const revoked = render('certificate.revoked');
      expect(revoked.subject).toContain('Sertifikat Terpuji');
      const replication = {
        ...TEMPLATE_PARAMS_FIXTURES['certificate.issued'],
        tier: 'replication-top' as const,
      };
      expect(render('certificate.issued', replication, { locale: 'en' }).subject).toContain(
        'Top 5 replication',
      );
    });

    it('should name selection checks, and show an unknown one as given', () => {
      const message = render('selection.decided');
      expect(message.text).toContain('- Usia inovasi: tidak memenuhi syarat (0 tahun');
      expect(message.text).toContain('- Kelengkapan dokumen: memenuhi syarat');
      expect(message.text).toContain('- custom-check: memenuhi syarat');
      expect(message.html).toContain(
        '<li style="margin:0 0 4px;">Usia inovasi: tidak memenuhi syarat',
      );
    });

    it('should name stages and roles', () => {
      expect(render('stage.result', undefined, { locale: 'en' }).subject).toBe(
        'Result of the desk evaluation: proposal “Layanan Administrasi Kependudukan Keliling” advances to the next stage',
      );
      expect(render('account.welcome').text).toContain(
        'Anda terdaftar sebagai Admin Lokal dan Operator Unit Pelayanan.',
      );
    });

    it('should show a score of 0 and leave out what is unknown', () => {
      const params = {
        ...TEMPLATE_PARAMS_FIXTURES['stage.result'],
        rank: null,
        score: 0,
        advanced: false,
      };
      const message = render('stage.result', params);
      expect(message.text).toContain('- Nilai: 0');
      expect(message.text).not.toContain('Peringkat');
    });
  });

  describe('password reset', () => {
    it('should point to the unsealed link', () => {
      const message = render('account.password-reset');
      expect(message.link).toBe(FIXTURE_RESET_LINK);
      expect(message.text).toContain(FIXTURE_RESET_LINK);
      expect(message.html).toContain(`href="${FIXTURE_RESET_LINK}"`);
    });

    it('should refuse for good a seal that was tampered with', () => {
      const { sealedLink } = TEMPLATE_PARAMS_FIXTURES['account.password-reset'];
      const tampered = { ...sealedLink, ciphertext: `A${sealedLink.ciphertext.slice(1)}` };
      const params = {
        ...TEMPLATE_PARAMS_FIXTURES['account.password-reset'],
        sealedLink: tampered,
      };
      expect(() => render('account.password-reset', params)).toThrow(UnrenderableMessageError);
    });

    it('should refuse a seal made with a key it does not hold', () => {
      const other = sealingKeyFromBase64('other-1', Buffer.alloc(32, 7).toString('base64'));
      const params = {
        ...TEMPLATE_PARAMS_FIXTURES['account.password-reset'],
        sealedLink: seal(FIXTURE_RESET_LINK, other),
      };
      expect(() => render('account.password-reset', params)).toThrow(UnrenderableMessageError);
    });

    it('should refuse a sealed value that is not a web link', () => {
      const params = {
        ...TEMPLATE_PARAMS_FIXTURES['account.password-reset'],
        sealedLink: seal('javascript:alert(1)', FIXTURE_RESET_SEALING_KEY),
      };
      expect(() => render('account.password-reset', params)).toThrow(UnrenderableMessageError);
    });
  });

  it('should refuse params that miss a field, naming the template', () => {
    const { comment: _comment, ...withoutComment } = TEMPLATE_PARAMS_FIXTURES['proposal.returned'];
    const params = withoutComment as TemplateParams['proposal.returned'];
    expect(() => render('proposal.returned', params)).toThrow(
      expect.objectContaining({
        name: 'UnrenderableMessageError',
        template: 'proposal.returned',
      }) as Error,
    );
  });

  describe('acknowledgement', () => {
    it.each([
      ['id', 'Mohon konfirmasi penerimaan pemberitahuan ini.'],
      ['en', 'Please acknowledge this notice.'],
    ] as const)('should ask for it in %s when the notice requires it', (locale, ask) => {
      const message = render('interview.scheduled', undefined, {
        locale,
        requiresAck: true,
        inboxMessageId: 'msg 42',
      });
      expect(message.text).toContain(ask);
      expect(message.text).toContain(portal('/inbox/msg%2042'));
      expect(message.html).toContain(ask);
      expect(message.html).toContain(`href="${portal('/inbox/msg%2042')}"`);
    });

    it('should not ask when the notice does not require it or has no inbox copy', () => {
      for (const context of [
        { requiresAck: false, inboxMessageId: 'msg_1' },
        { requiresAck: true, inboxMessageId: null },
      ]) {
        const message = render('interview.scheduled', undefined, context);
        expect(message.text).not.toContain('Mohon konfirmasi penerimaan');
        expect(message.text).not.toContain('/inbox/');
        expect(message.html).not.toContain('Mohon konfirmasi penerimaan');
      }
    });
  });

  describe('footer', () => {
    it('should offer the opt-out for optional categories only', () => {
      expect(render('proposal.forwarded').text).toContain(
        'Anda dapat berhenti menerima pemberitahuan jenis ini',
      );
      expect(render('selection.decided').text).toContain('bersifat wajib');
      expect(render('selection.decided').text).not.toContain('berhenti menerima');
    });

    it("should follow a broadcast's own mandatory flag", () => {
      expect(render('broadcast', undefined, { locale: 'en' }).text).toContain('You can opt out');
      const mandatory = render('broadcast', undefined, { locale: 'en', mandatory: true });
      expect(mandatory.text).toContain('This notice is mandatory');
    });

    it('should point a broadcast without an inbox copy to the inbox', () => {
      expect(render('broadcast', undefined, { inboxMessageId: null }).link).toBe(portal('/inbox'));
    });
  });

  it('should list every digest item by subject and link', () => {
    const message = render('digest', undefined, { locale: 'en' });
    expect(message.subject).toBe('Your KIPP daily digest: 2 notifications');
    expect(message.text).toContain(
      '- Proposal “Layanan Administrasi Kependudukan Keliling” telah diteruskan (20 March 2027, 09:30 WIB): http://127.0.0.1:3000/proposals/prop_8d1e',
    );
    expect(message.text).toContain(
      '- Laporan keberlanjutan jatuh tempo (20 March 2027, 12:00 WIB)\n',
    );
    expect(message.html).toContain('<a href="http://127.0.0.1:3000/proposals/prop_8d1e"');
    expect(message.text).toContain('daily digest choice');
  });
});
