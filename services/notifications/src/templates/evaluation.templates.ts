import type { TemplateDefinitions } from './template-source';

type EvaluationTemplates =
  | 'selection.decided'
  | 'assignment.created'
  | 'assignment.revoked'
  | 'scoring.reminder'
  | 'objection.filed'
  | 'objection.resolved'
  | 'interview.scheduled'
  | 'interview.confirmation-reminder';

export const EVALUATION_TEMPLATES: TemplateDefinitions<EvaluationTemplates> = {
  'selection.decided': {
    link: (params, links) => links.portal(['proposals', params.proposalId, 'selection']),
    texts: {
      id: {
        subject:
          'Hasil seleksi administrasi: proposal {{proposal title proposalId}} {{#if (eq outcome "pass")}}lolos{{else}}tidak lolos{{/if}}',
        body: `{{#if (eq outcome "pass")}}
Bersama ini kami sampaikan bahwa proposal {{proposal title proposalId}} dinyatakan lolos seleksi administrasi KIPP dan akan dilanjutkan ke tahap evaluasi desk oleh Tim Evaluasi.
{{else}}
Bersama ini kami sampaikan bahwa proposal {{proposal title proposalId}} dinyatakan tidak lolos seleksi administrasi KIPP.
{{/if}}
{{#if reasons}}

Hasil pemeriksaan:
{{#each reasons}}
- {{checkName check}}: {{#if (eq outcome "pass")}}memenuhi syarat{{else}}tidak memenuhi syarat{{/if}}{{#if note}} ({{note}}){{/if}}
{{/each}}
{{/if}}

Rincian keputusan dapat dilihat di KIPP.`,
        action: 'Lihat hasil seleksi',
      },
      en: {
        subject:
          'Administrative selection: proposal {{proposal title proposalId}} {{#if (eq outcome "pass")}}passed{{else}}did not pass{{/if}}',
        body: `{{#if (eq outcome "pass")}}
We are pleased to inform you that the proposal {{proposal title proposalId}} has passed the KIPP administrative selection and moves on to desk evaluation by the Evaluation Team.
{{else}}
We regret to inform you that the proposal {{proposal title proposalId}} did not pass the KIPP administrative selection.
{{/if}}
{{#if reasons}}

Checks:
{{#each reasons}}
- {{checkName check}}: {{#if (eq outcome "pass")}}met{{else}}not met{{/if}}{{#if note}} ({{note}}){{/if}}
{{/each}}
{{/if}}

The details of the decision are available in KIPP.`,
        action: 'View the selection result',
      },
    },
  },

  'assignment.created': {
    link: (params, links) => links.portal(['evaluation', 'assignments', params.assignmentId]),
    texts: {
      id: {
        subject: 'Penugasan evaluasi: proposal {{proposal title proposalId}}',
        body: `Anda ditugaskan sebagai evaluator (Tim Evaluasi) untuk menilai proposal {{proposal title proposalId}}{{#if editionName}} pada {{editionName}}{{/if}}.{{#if (eq reason "reassignment")}} Penugasan ini menggantikan evaluator sebelumnya yang tidak dapat melanjutkan penilaian.{{/if}}{{#if (eq reason "divergence")}} Penugasan ini merupakan penilaian tambahan karena nilai dari para evaluator sebelumnya berbeda cukup jauh.{{/if}}

{{#if dueAt}}Mohon selesaikan penilaian paling lambat {{time dueAt}}.{{else}}Mohon selesaikan penilaian sesuai jadwal evaluasi desk.{{/if}}

Apabila Anda memiliki konflik kepentingan dengan proposal ini, mohon segera menolak penugasan melalui KIPP agar proposal dapat dialihkan kepada evaluator lain.`,
        action: 'Buka penugasan',
      },
      en: {
        subject: 'Evaluation assignment: proposal {{proposal title proposalId}}',
        body: `You have been assigned as an evaluator (Evaluation Team) to score the proposal {{proposal title proposalId}}{{#if editionName}} in {{editionName}}{{/if}}.{{#if (eq reason "reassignment")}} You replace an evaluator who could not continue.{{/if}}{{#if (eq reason "divergence")}} This is an additional evaluation because the earlier evaluators' scores diverged widely.{{/if}}

{{#if dueAt}}Please complete your scoring by {{time dueAt}}.{{else}}Please complete your scoring within the desk evaluation schedule.{{/if}}

If you have a conflict of interest with this proposal, please decline the assignment in KIPP right away so that it can go to another evaluator.`,
        action: 'Open the assignment',
      },
    },
  },

  'assignment.revoked': {
    link: (params, links) => links.portal(['evaluation', 'assignments', params.assignmentId]),
    texts: {
      id: {
        subject: 'Penugasan evaluasi dibatalkan: proposal {{proposal title proposalId}}',
        body: `Penugasan Anda untuk menilai proposal {{proposal title proposalId}} telah dibatalkan.

Alasan: {{reason}}

Anda tidak perlu melanjutkan penilaian atas proposal ini. Terima kasih atas kesediaan Anda.`,
        action: 'Lihat penugasan',
      },
      en: {
        subject: 'Evaluation assignment withdrawn: proposal {{proposal title proposalId}}',
        body: `Your assignment to score the proposal {{proposal title proposalId}} has been withdrawn.

Reason: {{reason}}

You no longer need to score this proposal. Thank you for your availability.`,
        action: 'View the assignment',
      },
    },
  },

  'scoring.reminder': {
    link: (params, links) =>
      links.portal(['evaluation', 'assignments'], { edition: params.editionId }),
    texts: {
      id: {
        subject:
          'Pengingat: {{number openAssignments}} penilaian belum selesai, batas waktu {{time dueAt}}',
        body: `Anda masih memiliki {{number openAssignments}} penugasan penilaian{{#if editionName}} pada {{editionName}}{{/if}} yang belum diselesaikan. Batas waktu penilaian adalah {{time dueAt}}.

Mohon selesaikan dan kirimkan penilaian Anda sebelum batas waktu tersebut.`,
        action: 'Lihat penugasan saya',
      },
      en: {
        subject:
          'Reminder: {{plural openAssignments "evaluation" "evaluations"}} still open, due {{time dueAt}}',
        body: `You still have {{plural openAssignments "open assignment" "open assignments"}}{{#if editionName}} in {{editionName}}{{/if}}. Scoring is due by {{time dueAt}}.

Please complete and submit your scores before then.`,
        action: 'View my assignments',
      },
    },
  },

  'objection.filed': {
    link: (params, links) => links.portal(['proposals', params.proposalId, 'objections']),
    texts: {
      id: {
        subject: 'Sanggahan diajukan terhadap proposal {{proposal title proposalId}}',
        body: `Dalam masa sanggah KIPP, sebuah sanggahan telah diajukan terhadap proposal {{proposal title proposalId}} pada {{time filedAt}}, {{#if evidenceCount}}disertai {{number evidenceCount}} berkas bukti{{else}}tanpa berkas bukti{{/if}}.

Sanggahan ini akan ditelaah dan diputuskan oleh Sekretariat KIPP. Rincian sanggahan dapat dilihat di KIPP, dan keputusannya akan kami sampaikan kepada Anda.`,
        action: 'Lihat sanggahan',
      },
      en: {
        subject: 'Objection filed against proposal {{proposal title proposalId}}',
        body: `During the KIPP objection period, an objection was filed against the proposal {{proposal title proposalId}} on {{time filedAt}}, {{#if evidenceCount}}with {{plural evidenceCount "evidence file" "evidence files"}}{{else}}without evidence{{/if}}.

The KIPP Secretariat will review and decide on it. You can see the objection in KIPP, and we will let you know the decision.`,
        action: 'View the objection',
      },
    },
  },

  'objection.resolved': {
    link: (params, links) => links.portal(['proposals', params.proposalId, 'objections']),
    texts: {
      id: {
        subject: 'Keputusan atas sanggahan terhadap proposal {{proposal title proposalId}}',
        body: `Sekretariat KIPP telah memutuskan sanggahan terhadap proposal {{proposal title proposalId}}: sanggahan {{#if (eq outcome "upheld")}}diterima{{else}}ditolak{{/if}}.

Pertimbangan: {{reason}}

Keputusan ini tercatat dalam KIPP.`,
        action: 'Lihat keputusan',
      },
      en: {
        subject: 'Decision on the objection against proposal {{proposal title proposalId}}',
        body: `The KIPP Secretariat has decided on the objection against the proposal {{proposal title proposalId}}: the objection is {{#if (eq outcome "upheld")}}upheld{{else}}dismissed{{/if}}.

Grounds: {{reason}}

The decision is on record in KIPP.`,
        action: 'View the decision',
      },
    },
  },

  'interview.scheduled': {
    link: (params, links) => links.portal(['proposals', params.proposalId, 'interview']),
    texts: {
      id: {
        subject:
          '{{#if (eq change "moved")}}Perubahan jadwal{{else if (eq change "confirmed")}}Konfirmasi jadwal{{else if (eq change "released")}}Pembatalan jadwal{{else}}Jadwal{{/if}} presentasi dan wawancara: proposal {{proposal title proposalId}}',
        body: `{{#if (eq change "moved")}}
Jadwal presentasi dan wawancara proposal {{proposal title proposalId}} dengan Tim Panel Independen telah diubah menjadi {{time startsAt}}.
{{else if (eq change "confirmed")}}
Terima kasih. Kehadiran Anda pada presentasi dan wawancara proposal {{proposal title proposalId}} dengan Tim Panel Independen pada {{time startsAt}} telah dikonfirmasi.
{{else if (eq change "released")}}
Jadwal presentasi dan wawancara proposal {{proposal title proposalId}} pada {{time startsAt}} telah dibatalkan. Jadwal pengganti akan kami sampaikan melalui KIPP.
{{else}}
Sebagai finalis KIPP, proposal {{proposal title proposalId}} dijadwalkan untuk presentasi dan wawancara dengan Tim Panel Independen pada {{time startsAt}}.
{{/if}}
{{#unless (eq change "released")}}

Presentasi berlangsung {{number presentationMinutes}} menit, dilanjutkan wawancara {{number interviewMinutes}} menit. Mohon hadir tepat waktu.
{{/unless}}
{{#if (eq change "booked")}}

Mohon konfirmasi kehadiran paling lambat {{time confirmBy}} melalui KIPP.
{{/if}}
{{#if (eq change "moved")}}

Mohon konfirmasi kehadiran paling lambat {{time confirmBy}} melalui KIPP.
{{/if}}`,
        action: 'Lihat jadwal wawancara',
      },
      en: {
        subject:
          '{{#if (eq change "moved")}}Rescheduled: presentation and interview{{else if (eq change "confirmed")}}Confirmed: presentation and interview{{else if (eq change "released")}}Cancelled: presentation and interview{{else}}Presentation and interview schedule{{/if}} for proposal {{proposal title proposalId}}',
        body: `{{#if (eq change "moved")}}
The presentation and interview of the proposal {{proposal title proposalId}} before the Independent Panel has been moved to {{time startsAt}}.
{{else if (eq change "confirmed")}}
Thank you. Your attendance at the presentation and interview of the proposal {{proposal title proposalId}} before the Independent Panel on {{time startsAt}} is confirmed.
{{else if (eq change "released")}}
The presentation and interview of the proposal {{proposal title proposalId}} on {{time startsAt}} has been cancelled. We will send you a new time through KIPP.
{{else}}
As a KIPP finalist, the proposal {{proposal title proposalId}} is scheduled for a presentation and interview before the Independent Panel on {{time startsAt}}.
{{/if}}
{{#unless (eq change "released")}}

The presentation takes {{number presentationMinutes}} minutes, followed by a {{number interviewMinutes}}-minute interview. Please be on time.
{{/unless}}
{{#if (eq change "booked")}}

Please confirm your attendance in KIPP by {{time confirmBy}}.
{{/if}}
{{#if (eq change "moved")}}

Please confirm your attendance in KIPP by {{time confirmBy}}.
{{/if}}`,
        action: 'View the interview schedule',
      },
    },
  },

  'interview.confirmation-reminder': {
    link: (params, links) => links.portal(['proposals', params.proposalId, 'interview']),
    texts: {
      id: {
        subject:
          'Pengingat: mohon konfirmasi jadwal wawancara proposal {{proposal title proposalId}} paling lambat {{time confirmBy}}',
        body: `Jadwal presentasi dan wawancara proposal {{proposal title proposalId}} pada {{time startsAt}} belum dikonfirmasi.

Mohon konfirmasi kehadiran Anda melalui KIPP paling lambat {{time confirmBy}}. Apabila Anda berhalangan hadir, mohon segera menghubungi Sekretariat KIPP.`,
        action: 'Konfirmasi jadwal',
      },
      en: {
        subject:
          'Reminder: please confirm the interview of proposal {{proposal title proposalId}} by {{time confirmBy}}',
        body: `The presentation and interview of the proposal {{proposal title proposalId}} on {{time startsAt}} has not been confirmed yet.

Please confirm your attendance in KIPP by {{time confirmBy}}. If you cannot attend, please contact the KIPP Secretariat as soon as possible.`,
        action: 'Confirm the schedule',
      },
    },
  },
};
