import { defineMessages } from '../i18n';

/** Role names and the guard's texts. */
export const authMessages = defineMessages({
  id: {
    national_admin: 'Admin Nasional',
    local_admin: 'Admin Lokal',
    unit_operator: 'Operator Unit',
    evaluator: 'Tim Evaluasi',
    panelist: 'Tim Panel Independen',
    restoring: 'Memulihkan sesi…',
    forbiddenTitle: 'Akses ditolak',
    forbiddenBody: 'Halaman ini tidak tersedia untuk peran Anda.',
  },
  en: {
    national_admin: 'National admin',
    local_admin: 'Local admin',
    unit_operator: 'Unit operator',
    evaluator: 'Evaluator',
    panelist: 'Independent panelist',
    restoring: 'Restoring your session…',
    forbiddenTitle: 'Access denied',
    forbiddenBody: 'This page is not available to your role.',
  },
});
