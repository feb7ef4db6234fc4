import { defineMessages } from '../../../i18n';

/** Texts shared by the national admin's pages. */
export const adminMessages = defineMessages({
  id: {
    area: 'Administrasi nasional',
    home: 'Beranda admin',
    downloading: (name: string) => `Mengunduh ${name}`,
    downloaded: (name: string) => `${name} telah diunduh.`,
    loading: 'Memuat…',
    retry: 'Coba lagi',
    yes: 'Ya',
    no: 'Tidak',
    none: '–',
    editionsLink: 'Edisi',
    backToEdition: 'Kembali ke edisi',
  },
  en: {
    area: 'National administration',
    home: 'Admin home',
    downloading: (name: string) => `Downloading ${name}`,
    downloaded: (name: string) => `${name} has been downloaded.`,
    loading: 'Loading…',
    retry: 'Try again',
    yes: 'Yes',
    no: 'No',
    none: '–',
    editionsLink: 'Editions',
    backToEdition: 'Back to the edition',
  },
});
