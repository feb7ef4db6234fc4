import type { TemplateDefinitions } from './template-source';

type ProposalTemplates =
  | 'proposal.returned'
  | 'proposal.forwarded'
  | 'proposal.withdrawn'
  | 'proposal.stalled'
  | 'proposal.nudged'
  | 'deadline.reminder';

export const PROPOSAL_TEMPLATES: TemplateDefinitions<ProposalTemplates> = {
  'proposal.returned': {
    link: (params, links) => links.portal(['proposals', params.proposalId]),
    texts: {
      id: {
        subject: 'Proposal {{proposal title proposalId}} dikembalikan untuk diperbaiki',
        body: `Proposal {{proposal title proposalId}} dikembalikan oleh Admin Lokal untuk diperbaiki sebelum diteruskan kepada Kementerian PANRB.

Catatan Admin Lokal:
{{comment}}

Mohon perbaiki proposal sesuai catatan tersebut dan ajukan kembali sebelum pengajuan ditutup.`,
        action: 'Buka proposal',
      },
      en: {
        subject: 'Proposal {{proposal title proposalId}} returned for revision',
        body: `Your local admin returned the proposal {{proposal title proposalId}} for revision before it is forwarded to KemenPAN-RB.

Comments from the local admin:
{{comment}}

Please revise the proposal accordingly and submit it again before submissions close.`,
        action: 'Open the proposal',
      },
    },
  },

  'proposal.forwarded': {
    link: (params, links) => links.portal(['proposals', params.proposalId]),
    texts: {
      id: {
        subject: 'Proposal {{proposal title proposalId}} telah diteruskan kepada Kementerian PANRB',
        body: `Proposal {{proposal title proposalId}} telah diteruskan oleh Admin Lokal kepada Kementerian PANRB pada {{time forwardedAt}} dan selanjutnya akan mengikuti seleksi administrasi.

Proposal yang telah diteruskan tidak dapat diubah lagi. Hasil seleksi administrasi akan kami sampaikan melalui KIPP.`,
        action: 'Lihat proposal',
      },
      en: {
        subject: 'Proposal {{proposal title proposalId}} forwarded to KemenPAN-RB',
        body: `Your local admin forwarded the proposal {{proposal title proposalId}} to KemenPAN-RB on {{time forwardedAt}}; it now goes to administrative selection.

A forwarded proposal can no longer be edited. We will let you know the outcome of the administrative selection through KIPP.`,
        action: 'View the proposal',
      },
    },
  },

  'proposal.withdrawn': {
    link: (params, links) => links.portal(['proposals', params.proposalId]),
    texts: {
      id: {
        subject: 'Proposal {{proposal title proposalId}} telah ditarik',
        body: `Proposal {{proposal title proposalId}} telah ditarik pada {{time withdrawnAt}}{{#if wasForwarded}} setelah diteruskan kepada Kementerian PANRB, sehingga tidak lagi mengikuti seleksi KIPP{{/if}}.

Jika penarikan ini tidak sesuai dengan yang Anda harapkan, mohon segera menghubungi Admin Lokal instansi Anda.`,
        action: 'Lihat proposal',
      },
      en: {
        subject: 'Proposal {{proposal title proposalId}} withdrawn',
        body: `The proposal {{proposal title proposalId}} was withdrawn on {{time withdrawnAt}}{{#if wasForwarded}} after it had been forwarded to KemenPAN-RB, so it no longer takes part in the KIPP selection{{/if}}.

If you did not expect this, please contact your institution's local admin without delay.`,
        action: 'View the proposal',
      },
    },
  },

  'proposal.stalled': {
    link: (params, links) => links.portal(['proposals', params.proposalId]),
    texts: {
      id: {
        subject:
          'Pengingat: proposal {{proposal title proposalId}} belum diteruskan, pengajuan ditutup {{within threshold}}',
        body: `{{#if (eq sittingWith "unit")}}Proposal {{proposal title proposalId}} masih disusun oleh unit pelayanan sejak {{time since}} dan belum diajukan untuk ditinjau Admin Lokal.{{else}}Proposal {{proposal title proposalId}} menunggu tinjauan Admin Lokal sejak {{time since}} dan belum diteruskan kepada Kementerian PANRB.{{/if}}

Pengajuan proposal ditutup pada {{time closesAt}} ({{within threshold}}). Proposal yang belum diteruskan sampai batas waktu tersebut tidak dapat mengikuti KIPP.`,
        action: 'Buka proposal',
      },
      en: {
        subject:
          'Reminder: proposal {{proposal title proposalId}} not yet forwarded, submissions close {{within threshold}}',
        body: `{{#if (eq sittingWith "unit")}}The proposal {{proposal title proposalId}} has been with the service unit since {{time since}} and has not yet been submitted for the local admin's review.{{else}}The proposal {{proposal title proposalId}} has been awaiting the local admin's review since {{time since}} and has not yet been forwarded to KemenPAN-RB.{{/if}}

Submissions close on {{time closesAt}} ({{within threshold}}). A proposal that has not been forwarded by then cannot take part in KIPP.`,
        action: 'Open the proposal',
      },
    },
  },

  'proposal.nudged': {
    link: (params, links) => links.portal(['proposals', params.proposalId]),
    texts: {
      id: {
        subject: 'Pengingat dari Admin Lokal: proposal {{proposal title proposalId}}',
        body: `Admin Lokal instansi Anda mengingatkan bahwa proposal {{proposal title proposalId}} masih berada di unit pelayanan dan belum diajukan untuk ditinjau.{{#if message}}

Pesan Admin Lokal:
“{{message}}”{{/if}}

{{#if closesAt}}Pengajuan proposal ditutup pada {{time closesAt}}. {{/if}}Mohon lengkapi proposal dan ajukan kepada Admin Lokal sebelum pengajuan ditutup.`,
        action: 'Buka proposal',
      },
      en: {
        subject: 'A reminder from your local admin: proposal {{proposal title proposalId}}',
        body: `Your institution's local admin reminds you that the proposal {{proposal title proposalId}} is still with the service unit and has not yet been submitted for review.{{#if message}}

Message from the local admin:
“{{message}}”{{/if}}

{{#if closesAt}}Submissions close on {{time closesAt}}. {{/if}}Please complete the proposal and submit it to the local admin before submissions close.`,
        action: 'Open the proposal',
      },
    },
  },

  'deadline.reminder': {
    link: (params, links) => links.portal(['institution', 'drafts'], { edition: params.editionId }),
    texts: {
      id: {
        subject:
          'Pengingat: pengajuan proposal {{edition editionName}} ditutup {{within threshold}}',
        body: `Pengajuan proposal {{edition editionName}} ditutup pada {{time closesAt}} ({{within threshold}}).

Instansi Anda masih memiliki proposal yang belum diteruskan kepada Kementerian PANRB. Mohon tinjau proposal tersebut dan teruskan yang telah siap sebelum batas waktu; setelah pengajuan ditutup, proposal tidak dapat diteruskan lagi.`,
        action: 'Lihat proposal yang belum diteruskan',
      },
      en: {
        subject: 'Reminder: {{edition editionName}} submissions close {{within threshold}}',
        body: `Submissions for {{edition editionName}} close on {{time closesAt}} ({{within threshold}}).

Your institution still has proposals that have not been forwarded to KemenPAN-RB. Please review them and forward those that are ready before the deadline; after the close, proposals can no longer be forwarded.`,
        action: 'View proposals not yet forwarded',
      },
    },
  },
};
