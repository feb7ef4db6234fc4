import { defineMessages } from '../../../i18n';

export const exportMessages = defineMessages({
  id: {
    title: 'Ekspor data',
    intro: 'Setiap ekspor yang disediakan layanan, sebagai unduhan CSV, JSON, atau PDF.',
    editionTitle: 'Hasil edisi',
    editionHint: 'Tersedia setelah hasil akhir edisi terbit.',
    edition: 'Edisi',
    chooseEdition: 'Pilih edisi',
    openDataTitle: 'Data terbuka basis data inovasi',
    openDataHint: 'Semua inovasi yang terbit, dengan lisensinya.',
    openDataCsv: 'Inovasi (CSV)',
    openDataJson: 'Inovasi (JSON)',
  },
  en: {
    title: 'Data exports',
    intro: 'Every export the services offer, as CSV, JSON or PDF downloads.',
    editionTitle: 'Edition results',
    editionHint: "Available once the edition's final results are published.",
    edition: 'Edition',
    chooseEdition: 'Choose an edition',
    openDataTitle: 'Open data of the innovation database',
    openDataHint: 'Every published innovation, with its licence.',
    openDataCsv: 'Innovations (CSV)',
    openDataJson: 'Innovations (JSON)',
  },
});
