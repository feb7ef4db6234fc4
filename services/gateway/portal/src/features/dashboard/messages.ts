import { defineMessages } from '../../i18n';

export const dashboardMessages = defineMessages({
  id: {
    title: 'Beranda saya',
    greeting: 'Selamat datang di portal KIPP.',
    yourRoles: 'Peran Anda',
    institution: 'Institusi',
    areas: 'Area kerja Anda',
    everyone: 'Untuk semua pengguna',
    adminTitle: 'Admin Nasional',
    adminBody:
      'Edisi kompetisi, institusi dan akun, seleksi administrasi, penugasan, kalibrasi, finalis, sanggahan, wawancara, hasil dan ekspor.',
    adminLink: 'Buka area Admin Nasional',
    localAdminTitle: 'Admin Lokal',
    localAdminBody:
      'Akun unit, antrean telaah proposal (kembalikan atau teruskan), penggunaan kuota dan draf yang macet.',
    localAdminLink: 'Buka area Admin Lokal',
    operatorTitle: 'Operator Unit',
    operatorBody:
      'Proposal saya, penyusunan dan bukti, pengiriman ke admin lokal, kunjungan, replikasi dan laporan keberlanjutan.',
    operatorLink: 'Buka area Operator Unit',
    evaluatorTitle: 'Evaluasi dan panel',
    evaluatorBody:
      'Proposal yang ditugaskan, formulir penilaian, konflik kepentingan dan jadwal wawancara.',
    evaluatorLink: 'Buka area evaluasi',
    inboxTitle: 'Notifikasi',
    inboxBody: (unread: number, awaiting: number) =>
      `${unread} belum dibaca` + (awaiting > 0 ? `, ${awaiting} menunggu konfirmasi` : ''),
    inboxLink: 'Buka kotak masuk',
    profileTitle: 'Profil',
    profileBody: 'Akun, kata sandi, verifikasi dua langkah dan preferensi notifikasi.',
    profileLink: 'Buka profil',
    homeTitle: 'Portal KIPP',
    homeBody:
      'Kompetisi Inovasi Pelayanan Publik dan Sistem Informasi Inovasi Pelayanan Publik (SINOVIK). Masuk untuk mengelola proposal, penilaian dan administrasi kompetisi.',
    signIn: 'Masuk',
  },
  en: {
    title: 'My dashboard',
    greeting: 'Welcome to the KIPP portal.',
    yourRoles: 'Your roles',
    institution: 'Institution',
    areas: 'Your work areas',
    everyone: 'For everyone',
    adminTitle: 'National admin',
    adminBody:
      'Competition editions, institutions and accounts, administrative selection, assignment, calibration, finalists, objections, interviews, results and exports.',
    adminLink: 'Open the national admin area',
    localAdminTitle: 'Local admin',
    localAdminBody:
      'Unit accounts, the proposal review queue (return or forward), quota use and stuck drafts.',
    localAdminLink: 'Open the local admin area',
    operatorTitle: 'Unit operator',
    operatorBody:
      'My proposals, drafting and evidence, submitting to the local admin, visits, replications and sustainability check-ins.',
    operatorLink: 'Open the unit operator area',
    evaluatorTitle: 'Evaluation and panel',
    evaluatorBody:
      'Assigned proposals, the scoring form, conflicts of interest and the interview schedule.',
    evaluatorLink: 'Open the evaluation area',
    inboxTitle: 'Notifications',
    inboxBody: (unread: number, awaiting: number) =>
      `${unread} unread` + (awaiting > 0 ? `, ${awaiting} awaiting acknowledgement` : ''),
    inboxLink: 'Open the inbox',
    profileTitle: 'Profile',
    profileBody: 'Account, password, two-step verification and notification preferences.',
    profileLink: 'Open the profile',
    homeTitle: 'KIPP portal',
    homeBody:
      'The Public Service Innovation Competition and its information system (SINOVIK). Sign in to manage proposals, evaluation and the competition.',
    signIn: 'Sign in',
  },
});
