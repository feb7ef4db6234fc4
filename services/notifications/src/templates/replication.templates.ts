import type { TemplateDefinitions } from './template-source';

type ReplicationTemplates =
  'replication.countersign-requested' | 'check-in.due' | 'check-in.overdue';

export const REPLICATION_TEMPLATES: TemplateDefinitions<ReplicationTemplates> = {
  'replication.countersign-requested': {
    link: (params, links) => links.portal(['replications', params.replicationId]),
    texts: {
      id: {
        subject: 'Permohonan konfirmasi replikasi inovasi “{{innovationTitle}}”',
        body: `{{#if adopterInstitutionName}}{{adopterInstitutionName}}{{else}}Sebuah instansi{{/if}} mencatat replikasi “{{replicationTitle}}” yang mengadopsi inovasi “{{innovationTitle}}” dari instansi Anda.

Mohon periksa data replikasi tersebut dan berikan konfirmasi (tanda tangan bersama) apabila data tersebut benar{{#if respondBy}}, paling lambat {{time respondBy}}{{/if}}. Replikasi yang telah dikonfirmasi tercatat dalam statistik difusi inovasi KIPP.`,
        action: 'Tinjau replikasi',
      },
      en: {
        subject: 'Counter-signature requested: replication of “{{innovationTitle}}”',
        body: `{{#if adopterInstitutionName}}{{adopterInstitutionName}}{{else}}An institution{{/if}} has recorded the replication “{{replicationTitle}}”, which adopts your institution's innovation “{{innovationTitle}}”.

Please check the replication and counter-sign it if it is correct{{#if respondBy}}, by {{time respondBy}}{{/if}}. Confirmed replications count in the KIPP innovation diffusion statistics.`,
        action: 'Review the replication',
      },
    },
  },

  'check-in.due': {
    link: (params, links) =>
      links.portal(['innovations', params.innovationId, 'check-ins', params.checkInId]),
    texts: {
      id: {
        subject:
          'Laporan keberlanjutan inovasi “{{innovationTitle}}” periode ke-{{period}} jatuh tempo {{time dueAt}}',
        body: `Laporan keberlanjutan inovasi “{{innovationTitle}}” untuk periode ke-{{period}} perlu disampaikan paling lambat {{time dueAt}}.

Laporan ini memuat status inovasi (masih berjalan, diperluas, atau berhenti), dukungan anggaran, dan regulasi yang berlaku, serta membantu Kementerian PANRB memantau keberlanjutan inovasi pelayanan publik.`,
        action: 'Isi laporan keberlanjutan',
      },
      en: {
        subject:
          'Sustainability check-in for “{{innovationTitle}}” (period {{period}}) due {{time dueAt}}',
        body: `The sustainability check-in of the innovation “{{innovationTitle}}” for period {{period}} is due by {{time dueAt}}.

It records whether the innovation is active, scaled up or stopped, whether it is funded in the budget and whether its regulation is in force; it helps KemenPAN-RB follow the sustainability of public service innovations.`,
        action: 'Fill in the check-in',
      },
    },
  },

  'check-in.overdue': {
    link: (params, links) =>
      links.portal(['innovations', params.innovationId, 'check-ins', params.checkInId]),
    texts: {
      id: {
        subject:
          'Laporan keberlanjutan inovasi “{{innovationTitle}}” periode ke-{{period}} melewati batas waktu',
        body: `Laporan keberlanjutan inovasi “{{innovationTitle}}” untuk periode ke-{{period}} telah melewati batas waktu {{time dueAt}} dan belum kami terima.

Mohon segera sampaikan laporan tersebut melalui KIPP.`,
        action: 'Isi laporan keberlanjutan',
      },
      en: {
        subject: 'Overdue: sustainability check-in for “{{innovationTitle}}” (period {{period}})',
        body: `The sustainability check-in of the innovation “{{innovationTitle}}” for period {{period}} was due by {{time dueAt}} and has not been received yet.

Please submit it in KIPP as soon as possible.`,
        action: 'Fill in the check-in',
      },
    },
  },
};
