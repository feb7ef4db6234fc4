import type { Category } from '../notification/catalogue';
import type { LocalizedText } from '../notification/contract-types';

/** How the preferences page names each category. */
export const CATEGORY_NAMES: Readonly<Record<Category, LocalizedText>> = {
  account: { id: 'Akun dan akses', en: 'Account and access' },
  selection: { id: 'Seleksi administrasi', en: 'Administrative selection' },
  assignment: { id: 'Penugasan penilaian', en: 'Evaluation assignments' },
  objection: { id: 'Sanggahan', en: 'Objections' },
  interview: { id: 'Wawancara', en: 'Interviews' },
  results: { id: 'Hasil dan sertifikat', en: 'Results and certificates' },
  digest: { id: 'Ringkasan harian', en: 'Daily digest' },
  proposal: { id: 'Perkembangan proposal', en: 'Proposal updates' },
  reminder: { id: 'Pengingat tenggat', en: 'Deadline reminders' },
  replication: { id: 'Replikasi inovasi', en: 'Innovation replication' },
  sustainability: { id: 'Pemantauan keberlanjutan', en: 'Sustainability check-ins' },
  broadcast: { id: 'Pengumuman', en: 'Announcements' },
};
