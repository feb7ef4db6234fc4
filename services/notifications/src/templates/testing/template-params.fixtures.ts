import { DEVELOPMENT_ONLY_RESET_SEALING_KEY } from '@kipp/config';
import { seal, sealingKeyFromBase64, type SealingKey } from '@kipp/service-kit';
import type { TemplateId, TemplateParams } from '../../notification/catalogue';
import type { RenderContext } from '../template-renderer';

/** The development reset key, as the default configuration names it. */
export const FIXTURE_RESET_SEALING_KEY: SealingKey = sealingKeyFromBase64(
  'dev-reset-1',
  DEVELOPMENT_ONLY_RESET_SEALING_KEY,
);

/** The reset link the password-reset fixture carries (sealed). */
export const FIXTURE_RESET_LINK = 'http://127.0.0.1:3000/reset-password?token=rst_4f9a2c';

export const FIXTURE_PORTAL_URL = 'http://127.0.0.1:3000';

/** Valid parameters for every template, for tests anywhere in the service. */
export const TEMPLATE_PARAMS_FIXTURES: { readonly [T in TemplateId]: TemplateParams[T] } = {
  'account.welcome': {
    userId: 'acct_7c21',
    roles: ['local_admin', 'unit_operator'],
    institutionName: 'Pemerintah Kota Bandung',
    mustChangePassword: true,
  },
  'account.password-reset': {
    sealedLink: seal(FIXTURE_RESET_LINK, FIXTURE_RESET_SEALING_KEY),
    expiresAt: '2027-03-31T16:59:59.000Z',
  },
  'local-admin-request.decided': {
    decision: 'rejected',
    reason: 'Surat penugasan belum ditandatangani pejabat yang berwenang.',
    institutionName: 'Pemerintah Kabupaten Banyuwangi',
    candidateName: 'Siti Rahmawati',
  },
  'proposal.returned': {
    proposalId: 'prop_8d1e',
    title: 'Layanan Administrasi Kependudukan Keliling',
    comment: 'Lengkapi bukti SK inovator.\nRingkasan melebihi 200 kata.',
  },
  'proposal.forwarded': {
    proposalId: 'prop_8d1e',
    title: 'Layanan Administrasi Kependudukan Keliling',
    forwardedAt: '2027-03-20T02:30:00.000Z',
  },
  'proposal.withdrawn': {
    proposalId: 'prop_8d1e',
    title: null,
    wasForwarded: true,
    withdrawnAt: '2027-03-22T08:00:00.000Z',
  },
  'proposal.stalled': {
    proposalId: 'prop_8d1e',
    title: 'Layanan Administrasi Kependudukan Keliling',
    sittingWith: 'local_admin',
    since: '2027-03-10T03:00:00.000Z',
    closesAt: '2027-03-31T16:59:59.000Z',
    threshold: '3d',
  },
  'proposal.nudged': {
    proposalId: 'prop_8d1e',
    title: 'Layanan Administrasi Kependudukan Keliling',
    message: 'Mohon lengkapi bagian keberlanjutan dan unggah SK inovator minggu ini.',
    closesAt: '2027-03-31T16:59:59.000Z',
  },
  'deadline.reminder': {
    editionId: 'ed_2027',
    editionName: 'KIPP 2027',
    closesAt: '2027-03-31T16:59:59.000Z',
    threshold: '7d',
  },
  'selection.decided': {
    proposalId: 'prop_8d1e',
    title: 'Layanan Administrasi Kependudukan Keliling',
    outcome: 'fail',
    reasons: [
      { check: 'innovation-age', outcome: 'fail', note: '0 tahun pada saat penutupan; minimal 1' },
      { check: 'completeness', outcome: 'pass', note: '' },
      { check: 'custom-check', outcome: 'pass', note: '' },
    ],
  },
  'assignment.created': {
    assignmentId: 'asg_19b0',
    proposalId: 'prop_8d1e',
    title: 'Layanan Administrasi Kependudukan Keliling',
    editionName: 'KIPP 2027',
    reason: 'reassignment',
    dueAt: '2027-05-15T16:59:59.000Z',
  },
  'assignment.revoked': {
    assignmentId: 'asg_19b0',
    proposalId: 'prop_8d1e',
    title: null,
    reason: 'Proposal ditarik oleh instansi pengusul.',
  },
  'scoring.reminder': {
    editionId: 'ed_2027',
    editionName: 'KIPP 2027',
    dueAt: '2027-05-15T16:59:59.000Z',
    openAssignments: 4,
  },
  'objection.filed': {
    objectionId: 'obj_5a3c',
    proposalId: 'prop_8d1e',
    title: 'Layanan Administrasi Kependudukan Keliling',
    evidenceCount: 2,
    filedAt: '2027-06-02T04:15:00.000Z',
  },
  'objection.resolved': {
    objectionId: 'obj_5a3c',
    proposalId: 'prop_8d1e',
    title: 'Layanan Administrasi Kependudukan Keliling',
    outcome: 'dismissed',
    reason: 'Bukti yang diajukan tidak menunjukkan bahwa inovasi belum berjalan.',
  },
  'interview.scheduled': {
    proposalId: 'prop_8d1e',
    title: 'Layanan Administrasi Kependudukan Keliling',
    slotId: 'slot_0912',
    change: 'booked',
    startsAt: '2027-07-01T02:00:00.000Z',
    presentationMinutes: 7,
    interviewMinutes: 13,
    confirmBy: '2027-06-28T09:00:00.000Z',
  },
  'interview.confirmation-reminder': {
    proposalId: 'prop_8d1e',
    title: 'Layanan Administrasi Kependudukan Keliling',
    slotId: 'slot_0912',
    startsAt: '2027-07-01T02:00:00.000Z',
    confirmBy: '2027-06-28T09:00:00.000Z',
  },
  'stage.result': {
    proposalId: 'prop_8d1e',
    title: 'Layanan Administrasi Kependudukan Keliling',
    editionId: 'ed_2027',
    stage: 'desk',
    advanced: true,
    rank: 12,
    score: 87.5,
  },
  'award.granted': {
    proposalId: 'prop_8d1e',
    title: 'Layanan Administrasi Kependudukan Keliling',
    editionId: 'ed_2027',
    year: 2027,
    tiers: ['finalist', 'top'],
    rank: 7,
  },
  'certificate.issued': {
    certificateId: 'cert_77aa',
    proposalId: 'prop_8d1e',
    title: 'Layanan Administrasi Kependudukan Keliling',
    tier: 'top',
    verificationCode: 'KIPP-2027-7XQ4',
  },
  'certificate.revoked': {
    certificateId: 'cert_77aa',
    proposalId: 'prop_8d1e',
    title: 'Layanan Administrasi Kependudukan Keliling',
    tier: 'outstanding',
    reason: 'Diterbitkan dengan nama instansi yang keliru.',
    replaced: true,
  },
  'replication.countersign-requested': {
    replicationId: 'rep_31f0',
    innovationId: 'inn_0c8d',
    innovationTitle: 'Layanan Administrasi Kependudukan Keliling',
    replicationTitle: 'Adminduk Keliling Kabupaten Sleman',
    adopterInstitutionName: 'Pemerintah Kabupaten Sleman',
    respondBy: '2027-09-30T16:59:59.000Z',
  },
  'check-in.due': {
    checkInId: 'chk_2028_1',
    innovationId: 'inn_0c8d',
    innovationTitle: 'Layanan Administrasi Kependudukan Keliling',
    period: 1,
    dueAt: '2028-06-30T16:59:59.000Z',
  },
  'check-in.overdue': {
    checkInId: 'chk_2028_1',
    innovationId: 'inn_0c8d',
    innovationTitle: 'Layanan Administrasi Kependudukan Keliling',
    period: 1,
    dueAt: '2028-06-30T16:59:59.000Z',
  },
  broadcast: {
    subject: {
      id: 'Perpanjangan masa pengajuan KIPP 2027',
      en: 'KIPP 2027 submission period extended',
    },
    body: {
      id: 'Masa pengajuan proposal diperpanjang sampai 7 April 2027.\n\nSilakan hubungi Sekretariat KIPP bila ada pertanyaan.',
      en: 'The submission period is extended to 7 April 2027.\n\nPlease contact the KIPP Secretariat with any questions.',
    },
  },
  digest: {
    items: [
      {
        template: 'proposal.forwarded',
        subject: 'Proposal “Layanan Administrasi Kependudukan Keliling” telah diteruskan',
        link: 'http://127.0.0.1:3000/proposals/prop_8d1e',
        createdAt: '2027-03-20T02:30:00.000Z',
      },
      {
        template: 'check-in.due',
        subject: 'Laporan keberlanjutan jatuh tempo',
        link: null,
        createdAt: '2027-03-20T05:00:00.000Z',
      },
    ],
  },
};

/** A context to render fixtures in (Bahasa Indonesia, WIB, no acknowledgement). */
export const FIXTURE_RENDER_CONTEXT: RenderContext = {
  locale: 'id',
  timeZone: 'WIB',
  recipientName: 'Budi Santoso',
  inboxMessageId: 'msg_1',
  requiresAck: false,
};
