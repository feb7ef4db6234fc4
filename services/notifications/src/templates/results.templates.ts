import type { TemplateDefinitions } from './template-source';

type ResultsTemplates =
  'stage.result' | 'award.granted' | 'certificate.issued' | 'certificate.revoked';

export const RESULTS_TEMPLATES: TemplateDefinitions<ResultsTemplates> = {
  'stage.result': {
    link: (params, links) => links.portal(['proposals', params.proposalId, 'results']),
    texts: {
      id: {
        subject:
          'Hasil {{stageName stage}}: proposal {{proposal title proposalId}}{{#if advanced}} lolos ke tahap berikutnya{{/if}}',
        body: `{{#if advanced}}
Bersama ini kami sampaikan bahwa proposal {{proposal title proposalId}} dinyatakan lolos pada tahap {{stageName stage}} KIPP.
{{else}}
Bersama ini kami sampaikan bahwa proposal {{proposal title proposalId}} belum dapat melanjutkan ke tahap berikutnya setelah {{stageName stage}} KIPP.
{{/if}}
{{#if (isSet rank)}}

- Peringkat: {{number rank}}
{{#if (isSet score)}}
- Nilai: {{number score}}
{{/if}}
{{else if (isSet score)}}

- Nilai: {{number score}}
{{/if}}

{{#if advanced}}Informasi mengenai tahap berikutnya akan kami sampaikan melalui KIPP.{{else}}Terima kasih atas partisipasi dan upaya instansi Anda dalam meningkatkan kualitas pelayanan publik.{{/if}}`,
        action: 'Lihat hasil',
      },
      en: {
        subject:
          'Result of the {{stageName stage}}: proposal {{proposal title proposalId}}{{#if advanced}} advances to the next stage{{/if}}',
        body: `{{#if advanced}}
We are pleased to inform you that the proposal {{proposal title proposalId}} has passed the KIPP {{stageName stage}}.
{{else}}
We regret to inform you that the proposal {{proposal title proposalId}} does not advance beyond the KIPP {{stageName stage}}.
{{/if}}
{{#if (isSet rank)}}

- Rank: {{number rank}}
{{#if (isSet score)}}
- Score: {{number score}}
{{/if}}
{{else if (isSet score)}}

- Score: {{number score}}
{{/if}}

{{#if advanced}}We will send you information about the next stage through KIPP.{{else}}Thank you for your institution's participation and its efforts to improve public services.{{/if}}`,
        action: 'View the results',
      },
    },
  },

  'award.granted': {
    link: (params, links) => links.portal(['proposals', params.proposalId, 'results']),
    texts: {
      id: {
        subject:
          'Selamat! Proposal {{proposal title proposalId}} meraih predikat {{tierNames tiers}} KIPP {{year}}',
        body: `Dengan bangga kami sampaikan bahwa inovasi {{proposal title proposalId}} ditetapkan sebagai {{tierNames tiers}} Kompetisi Inovasi Pelayanan Publik (KIPP) tahun {{year}}, dengan peringkat {{number rank}}.

Penetapan ini akan dituangkan dalam Keputusan Menteri PANRB. Sertifikat penghargaan akan diterbitkan dan dapat diunduh melalui KIPP.

Selamat atas pencapaian ini. Semoga inovasi ini terus berkelanjutan dan direplikasi demi pelayanan publik yang lebih baik.`,
        action: 'Lihat hasil',
      },
      en: {
        subject:
          'Congratulations! Proposal {{proposal title proposalId}} is KIPP {{year}} {{tierNames tiers}}',
        body: `We are proud to inform you that the innovation {{proposal title proposalId}} has been named {{tierNames tiers}} of the {{year}} Public Service Innovation Competition (KIPP), ranked {{number rank}}.

The award will be set out in a decree of the Minister of Administrative and Bureaucratic Reform. Award certificates will be issued and can be downloaded from KIPP.

Congratulations on this achievement. We hope the innovation continues and is replicated for better public services.`,
        action: 'View the results',
      },
    },
  },

  'certificate.issued': {
    link: (params, links) => links.portal(['verify', params.verificationCode]),
    texts: {
      id: {
        subject:
          'Sertifikat {{tierName tier}} untuk proposal {{proposal title proposalId}} telah terbit',
        body: `Sertifikat penghargaan {{tierName tier}} untuk proposal {{proposal title proposalId}} telah diterbitkan.

Kode verifikasi: {{verificationCode}}

Siapa pun dapat memeriksa keaslian sertifikat ini melalui tautan verifikasi di bawah ini.`,
        action: 'Verifikasi sertifikat',
      },
      en: {
        subject: 'Certificate issued: {{tierName tier}} for proposal {{proposal title proposalId}}',
        body: `The {{tierName tier}} award certificate for the proposal {{proposal title proposalId}} has been issued.

Verification code: {{verificationCode}}

Anyone can check that the certificate is genuine using the verification link below.`,
        action: 'Verify the certificate',
      },
    },
  },

  'certificate.revoked': {
    link: (params, links) => links.portal(['proposals', params.proposalId, 'results']),
    texts: {
      id: {
        subject:
          'Sertifikat {{tierName tier}} untuk proposal {{proposal title proposalId}} dicabut',
        body: `Sertifikat penghargaan {{tierName tier}} untuk proposal {{proposal title proposalId}} telah dicabut.

Alasan: {{reason}}

{{#if replaced}}Sertifikat pengganti telah diterbitkan dan dapat dilihat melalui KIPP.{{else}}Sertifikat ini tidak berlaku lagi dan tidak dapat digunakan sebagai bukti penghargaan.{{/if}}`,
        action: 'Lihat hasil',
      },
      en: {
        subject:
          'Certificate revoked: {{tierName tier}} for proposal {{proposal title proposalId}}',
        body: `The {{tierName tier}} award certificate for the proposal {{proposal title proposalId}} has been revoked.

Reason: {{reason}}

{{#if replaced}}A replacement certificate has been issued and is available in KIPP.{{else}}The certificate is no longer valid and cannot be used as proof of the award.{{/if}}`,
        action: 'View the results',
      },
    },
  },
};
