// What the demo holds: institutions, people and proposals, as plain data.

/**
 * The one password of every demo account after its first sign-in. Demo only: it is printed
 * by `npm start` and written in the README, so it protects nothing.
 */
export const DEMO_PASSWORD = 'Demo-Kipp#2027!';

export type ProposalTarget = 'draft' | 'submitted' | 'returned' | 'forwarded';

export interface DemoProposal {
  readonly title: string;
  readonly categoryId: 'health' | 'governance';
  readonly target: ProposalTarget;
  readonly summary: string;
  readonly idea: string;
  /** The local admin's comment when the target is `returned`. */
  readonly returnComment?: string;
}

export interface DemoPerson {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
}

export interface DemoInstitution {
  /** A region seeded from the registry (`inst_<code without dot>`) or a new ministry. */
  readonly institutionId?: string;
  readonly ministry?: { readonly code: string; readonly name: string };
  readonly label: string;
  /** `request`: the institution asks in the app and the secretariat approves; `direct`: the secretariat provisions. */
  readonly localAdminVia: 'request' | 'direct';
  readonly localAdmin: DemoPerson;
  readonly unit: string;
  readonly operator: DemoPerson;
  readonly proposals: readonly DemoProposal[];
}

export interface DemoReviewer extends DemoPerson {
  readonly role: 'evaluator' | 'panelist';
  readonly affiliation: string;
  readonly homeProvinceCode: string;
  readonly expertiseCategoryIds: readonly string[];
}

export const DEMO_INSTITUTIONS: readonly DemoInstitution[] = [
  {
    institutionId: 'inst_3273',
    label: 'Kota Bandung',
    localAdminVia: 'request',
    localAdmin: {
      userId: 'ortala.bandung',
      name: 'Rina Kusuma',
      email: 'rina.kusuma@bandung.demo.kipp.local',
    },
    unit: 'Dinas Kesehatan',
    operator: {
      userId: 'upp.dinkes.bandung',
      name: 'Siti Rahmawati',
      email: 'siti.rahmawati@bandung.demo.kipp.local',
    },
    proposals: [
      {
        title: 'Posyandu Digital Kota Bandung',
        categoryId: 'health',
        target: 'forwarded',
        summary:
          'Layanan posyandu terintegrasi untuk ibu dan anak di seluruh kelurahan Kota Bandung.',
        idea: 'Pencatatan tumbuh kembang anak secara daring dengan pengingat imunisasi lewat pesan singkat.',
      },
      {
        title: 'Konseling Kesehatan Jiwa Daring',
        categoryId: 'health',
        target: 'draft',
        summary: 'Konseling psikolog puskesmas lewat video untuk remaja dan pekerja.',
        idea: '',
      },
    ],
  },
  {
    institutionId: 'inst_3510',
    label: 'Kabupaten Banyuwangi',
    localAdminVia: 'request',
    localAdmin: {
      userId: 'ortala.banyuwangi',
      name: 'Bambang Hartono',
      email: 'bambang.hartono@banyuwangi.demo.kipp.local',
    },
    unit: 'Dinas Kependudukan dan Pencatatan Sipil',
    operator: {
      userId: 'upp.dukcapil.banyuwangi',
      name: 'Dewi Lestari',
      email: 'dewi.lestari@banyuwangi.demo.kipp.local',
    },
    proposals: [
      {
        title: 'Smart Kampung Banyuwangi',
        categoryId: 'governance',
        target: 'forwarded',
        summary: 'Layanan administrasi kependudukan dan perizinan langsung dari kantor desa.',
        idea: 'Setiap desa terhubung serat optik dan melayani dokumen kependudukan tanpa ke kota.',
      },
      {
        title: 'Jemput Bola Adminduk Desa Terpencil',
        categoryId: 'governance',
        target: 'returned',
        summary: 'Petugas keliling merekam KTP elektronik warga lanjut usia dan difabel.',
        idea: 'Mobil layanan terjadwal mendatangi dusun yang jauh dari kecamatan.',
        returnComment:
          'Mohon lengkapi data jumlah warga terlayani per tahun dan lampirkan SK tim pelaksana.',
      },
    ],
  },
  {
    institutionId: 'inst_3578',
    label: 'Kota Surabaya',
    localAdminVia: 'direct',
    localAdmin: {
      userId: 'ortala.surabaya',
      name: 'Agus Santoso',
      email: 'agus.santoso@surabaya.demo.kipp.local',
    },
    unit: 'Dinas Komunikasi dan Informatika',
    operator: {
      userId: 'upp.diskominfo.surabaya',
      name: 'Putri Wulandari',
      email: 'putri.wulandari@surabaya.demo.kipp.local',
    },
    proposals: [
      {
        title: 'Surabaya Single Window Perizinan',
        categoryId: 'governance',
        target: 'submitted',
        summary: 'Semua izin usaha kecil diurus dalam satu aplikasi dengan tenggat yang jelas.',
        idea: 'Satu formulir daring membagikan berkas ke setiap dinas teknis dan melacak statusnya.',
      },
    ],
  },
  {
    ministry: { code: 'KL-KEMENKES', name: 'Kementerian Kesehatan' },
    label: 'Kementerian Kesehatan',
    localAdminVia: 'direct',
    localAdmin: {
      userId: 'ortala.kemenkes',
      name: 'Hendra Wijaya',
      email: 'hendra.wijaya@kemenkes.demo.kipp.local',
    },
    unit: 'Direktorat Jenderal Pelayanan Kesehatan',
    operator: {
      userId: 'upp.yankes.kemenkes',
      name: 'Maya Anggraini',
      email: 'maya.anggraini@kemenkes.demo.kipp.local',
    },
    proposals: [
      {
        title: 'Telemedisin Puskesmas Terpencil',
        categoryId: 'health',
        target: 'draft',
        summary: 'Dokter spesialis rumah sakit rujukan mendampingi puskesmas di daerah 3T.',
        idea: '',
      },
    ],
  },
];

export const DEMO_REVIEWERS: readonly DemoReviewer[] = [
  {
    role: 'evaluator',
    userId: 'dosen.ugm',
    name: 'Dr. Ahmad Fauzi',
    email: 'ahmad.fauzi@ugm.demo.kipp.local',
    affiliation: 'Universitas Gadjah Mada',
    homeProvinceCode: '34',
    expertiseCategoryIds: ['health', 'governance'],
  },
  {
    role: 'evaluator',
    userId: 'dosen.ui',
    name: 'Dr. Lestari Handayani',
    email: 'lestari.handayani@ui.demo.kipp.local',
    affiliation: 'Universitas Indonesia',
    homeProvinceCode: '31',
    expertiseCategoryIds: ['health'],
  },
  {
    role: 'evaluator',
    userId: 'dosen.unhas',
    name: 'Dr. Andi Makmur',
    email: 'andi.makmur@unhas.demo.kipp.local',
    affiliation: 'Universitas Hasanuddin',
    homeProvinceCode: '73',
    expertiseCategoryIds: ['governance'],
  },
  {
    role: 'panelist',
    userId: 'panel.lan',
    name: 'Prof. Nurul Hidayah',
    email: 'nurul.hidayah@lan.demo.kipp.local',
    affiliation: 'Lembaga Administrasi Negara',
    homeProvinceCode: '31',
    expertiseCategoryIds: ['health', 'governance'],
  },
];
