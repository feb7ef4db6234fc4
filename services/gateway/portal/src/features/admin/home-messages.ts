import { defineMessages } from '../../i18n';

export const homeMessages = defineMessages({
  id: {
    title: 'Administrasi nasional',
    intro: 'Susun edisi, jalankan evaluasi, terbitkan hasil, dan kirim pengumuman.',
    editionsTitle: 'Edisi kompetisi',
    editionsBody:
      'Buat atau salin edisi; kategori, kelompok, kuota, formulir, kalender, ukuran tahap, rubrik; terbitkan dan pindahkan tahap.',
    editionsLink: 'Kelola edisi',
    broadcastsTitle: 'Pengumuman',
    broadcastsBody:
      'Kirim pengumuman dalam dua bahasa kepada peran, jenis instansi, atau provinsi tertentu dan pantau pengirimannya.',
    broadcastsLink: 'Kelola pengumuman',
    evaluationTitle: 'Evaluasi per edisi',
    evaluationCaption: 'Edisi terbit dan halaman evaluasinya',
    colEdition: 'Edisi',
    colLinks: 'Halaman',
    noPublished: 'Belum ada edisi yang terbit.',
  },
  en: {
    title: 'National administration',
    intro: 'Set up editions, run the evaluation, publish results and send announcements.',
    editionsTitle: 'Competition editions',
    editionsBody:
      'Create or copy an edition; categories, groups, quotas, form, calendar, stage sizes, rubric; publish and move phases.',
    editionsLink: 'Manage editions',
    broadcastsTitle: 'Announcements',
    broadcastsBody:
      'Send announcements in both languages to chosen roles, institution types or provinces and follow their delivery.',
    broadcastsLink: 'Manage announcements',
    evaluationTitle: 'Evaluation by edition',
    evaluationCaption: 'Published editions and their evaluation pages',
    colEdition: 'Edition',
    colLinks: 'Pages',
    noPublished: 'No edition has been published yet.',
  },
});
