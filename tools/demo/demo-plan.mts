// What the demo holds: institutions, people, proposals of two editions, what became of
// them, and what happened after the awards — as plain data.
import credentials from './demo-credentials.json' with { type: 'json' };

/**
 * The one password of every demo account after its first sign-in. Demo only: it is printed
 * by `npm start` and written in the README, so it protects nothing. (In a JSON file, which
 * the browser tests of the demo read too.)
 */
export const DEMO_PASSWORD: string = credentials.password;

/** Where a proposal of the edition in progress is left: with the unit, the local admin or the ministry. */
export type ProposalTarget = 'draft' | 'submitted' | 'returned' | 'forwarded';

export interface DemoProposal {
  readonly title: string;
  readonly categoryId: 'health' | 'governance';
  /** `replication`: replicates an innovation of the past edition, named by its title. */
  readonly groupId?: 'general' | 'replication';
  readonly sourceTitle?: string;
  readonly target: ProposalTarget;
  readonly summary: string;
  readonly idea: string;
  /** The local admin's comment when the target is `returned`. */
  readonly returnComment?: string;
}

/**
 * A proposal of the past edition and how far it went: withdrawn by its unit after the
 * forward, failed at the administrative selection, or scored by the evaluators (`desk`,
 * the mean the two evaluators give) and, for the finalists, by the panel (`panel`). The
 * plenary turns the panel scores into tiers; the stage sizes below decide who advances.
 */
export interface PastProposal {
  readonly title: string;
  readonly categoryId: 'health' | 'governance';
  readonly summary: string;
  readonly idea: string;
  readonly fate:
    | { readonly kind: 'withdrawn' }
    | { readonly kind: 'failed-selection'; readonly note: string }
    | { readonly kind: 'scored'; readonly desk: number; readonly panel?: number };
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
  /** Its proposals in the edition in progress. */
  readonly proposals: readonly DemoProposal[];
  /** Its proposals in the past edition. */
  readonly pastProposals: readonly PastProposal[];
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
    pastProposals: [
      {
        title: 'Layanan Ambulans Gratis Kota Bandung',
        categoryId: 'health',
        summary:
          'Ambulans gratis 24 jam untuk warga yang dipanggil lewat satu nomor dan tiba dalam 15 menit.',
        idea: 'Pusat panggilan terpadu membagi tugas ke ambulans terdekat berdasarkan lokasi.',
        fate: { kind: 'scored', desk: 91, panel: 92 },
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
    pastProposals: [
      {
        title: 'Lahir Procot Pulang Bawa Akta',
        categoryId: 'governance',
        summary:
          'Bayi yang lahir di fasilitas kesehatan pulang bersama akta kelahiran, kartu keluarga baru dan kartu identitas anak.',
        idea: 'Bidan dan rumah sakit mengirim data kelahiran langsung ke dinas kependudukan pada hari persalinan.',
        fate: { kind: 'scored', desk: 93, panel: 95 },
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
    pastProposals: [
      {
        title: 'e-Health Puskesmas Surabaya',
        categoryId: 'health',
        summary:
          'Pendaftaran puskesmas dan rumah sakit daerah dari rumah dengan nomor antrean yang pasti.',
        idea: 'Satu akun warga untuk semua fasilitas kesehatan milik kota, dengan rujukan elektronik.',
        fate: { kind: 'scored', desk: 88, panel: 86 },
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
    pastProposals: [
      {
        title: 'Rekam Medis Elektronik Nasional',
        categoryId: 'health',
        summary:
          'Riwayat berobat pasien ikut berpindah antarfasilitas kesehatan dengan persetujuan pasien.',
        idea: 'Satu platform nasional menghubungkan sistem informasi rumah sakit dan puskesmas.',
        fate: { kind: 'scored', desk: 87, panel: 84 },
      },
    ],
  },
  {
    institutionId: 'inst_7371',
    label: 'Kota Makassar',
    localAdminVia: 'direct',
    localAdmin: {
      userId: 'ortala.makassar',
      name: 'Andi Nurhaliza',
      email: 'andi.nurhaliza@makassar.demo.kipp.local',
    },
    unit: 'Dinas Kesehatan',
    operator: {
      userId: 'upp.dinkes.makassar',
      name: 'Muhammad Ridwan',
      email: 'muhammad.ridwan@makassar.demo.kipp.local',
    },
    proposals: [],
    pastProposals: [
      {
        title: "Dottoro'ta Layanan Kesehatan di Rumah",
        categoryId: 'health',
        summary:
          'Dokter dan perawat puskesmas datang ke rumah warga yang menelepon, siang dan malam.',
        idea: 'Mobil layanan dengan dokter, perawat dan peralatan dasar siaga di setiap kecamatan.',
        fate: { kind: 'scored', desk: 90, panel: 90 },
      },
    ],
  },
  {
    institutionId: 'inst_3401',
    label: 'Kabupaten Kulon Progo',
    localAdminVia: 'direct',
    localAdmin: {
      userId: 'ortala.kulonprogo',
      name: 'Sri Wahyuni',
      email: 'sri.wahyuni@kulonprogo.demo.kipp.local',
    },
    unit: 'Dinas Kesehatan',
    operator: {
      userId: 'upp.dinkes.kulonprogo',
      name: 'Yoga Pratama',
      email: 'yoga.pratama@kulonprogo.demo.kipp.local',
    },
    proposals: [],
    pastProposals: [
      {
        title: 'Sistem Rujukan Terintegrasi Kulon Progo',
        categoryId: 'health',
        summary: 'Puskesmas memesan tempat di rumah sakit rujukan sebelum pasien berangkat.',
        idea: 'Papan ketersediaan tempat tidur bersama untuk semua rumah sakit di kabupaten.',
        fate: { kind: 'scored', desk: 80 },
      },
      {
        title: 'Bela Beli Produk Lokal Kulon Progo',
        categoryId: 'governance',
        summary: 'Pengadaan pemerintah daerah mengutamakan produk usaha kecil di kabupaten.',
        idea: 'Katalog daring produk lokal yang wajib dilihat sebelum membeli dari luar daerah.',
        fate: { kind: 'withdrawn' },
      },
    ],
  },
  {
    institutionId: 'inst_3211',
    label: 'Kabupaten Sumedang',
    localAdminVia: 'direct',
    localAdmin: {
      userId: 'ortala.sumedang',
      name: 'Dedi Supriadi',
      email: 'dedi.supriadi@sumedang.demo.kipp.local',
    },
    unit: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    operator: {
      userId: 'upp.dpmptsp.sumedang',
      name: 'Neng Kurniasih',
      email: 'neng.kurniasih@sumedang.demo.kipp.local',
    },
    proposals: [
      {
        title: 'Ambulans Gratis Sumedang',
        categoryId: 'health',
        groupId: 'replication',
        sourceTitle: 'Layanan Ambulans Gratis Kota Bandung',
        target: 'draft',
        summary:
          'Meniru layanan ambulans gratis Kota Bandung untuk desa-desa di lereng gunung Sumedang.',
        idea: '',
      },
    ],
    pastProposals: [
      {
        title: 'Perizinan Tanpa Tatap Muka Sumedang',
        categoryId: 'governance',
        summary: 'Izin usaha diurus daring.',
        idea: 'Formulir daring.',
        fate: {
          kind: 'failed-selection',
          note: 'Jawaban terlalu singkat untuk dinilai; bukti standar pelayanan tidak memuat inovasi ini.',
        },
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
    expertiseCategoryIds: ['health', 'governance'],
  },
  {
    role: 'evaluator',
    userId: 'dosen.unhas',
    name: 'Dr. Andi Makmur',
    email: 'andi.makmur@unhas.demo.kipp.local',
    affiliation: 'Universitas Hasanuddin',
    homeProvinceCode: '73',
    expertiseCategoryIds: ['health', 'governance'],
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

/**
 * The past edition's stage sizes: of the seven proposals scored, the five best at or above
 * the passing grade are finalists, three of them win (one outstanding).
 */
export const PAST_STAGE_SIZES = {
  shortlist: 6,
  finalistsGeneral: 5,
  finalistsSpecial: 0,
  winnersTop: 3,
  winnersOutstanding: 1,
  winnersReplicationTop: 0,
} as const;

/** A public objection against a finalist, filed in the window and dismissed on record. */
export const PAST_OBJECTION = {
  againstTitle: "Dottoro'ta Layanan Kesehatan di Rumah",
  name: 'Warga Makassar',
  email: 'warga.makassar@demo.kipp.local',
  grounds:
    'Menurut saya layanan ini baru berjalan di dua kecamatan, belum di seluruh kota seperti yang tertulis di proposal.',
  resolution:
    'Laporan verifikasi lapangan menunjukkan layanan berjalan di 15 kecamatan sejak 2023; keberatan tidak terbukti.',
} as const;

/** After the awards: one institution registers its replication of another's innovation. */
export interface DemoReplication {
  readonly adopter: string;
  readonly originTitle: string;
  readonly title: string;
  /** What the origin does: counter-sign, dispute (with a reason), or nothing yet. */
  readonly origin: 'countersign' | 'pending' | { readonly dispute: string };
  /** The adopter's status steps after `plan`. */
  readonly statusSteps: readonly ('in-progress' | 'implemented' | 'sustained')[];
}

export const DEMO_REPLICATIONS: readonly DemoReplication[] = [
  {
    adopter: 'Kota Surabaya',
    originTitle: 'Lahir Procot Pulang Bawa Akta',
    title: 'Lahir Procot Pulang Bawa Akta di Surabaya',
    origin: 'countersign',
    statusSteps: ['in-progress', 'implemented'],
  },
  {
    adopter: 'Kota Makassar',
    originTitle: 'Layanan Ambulans Gratis Kota Bandung',
    title: 'Ambulans Gratis Kota Makassar',
    origin: 'countersign',
    statusSteps: ['in-progress'],
  },
  {
    adopter: 'Kabupaten Kulon Progo',
    originTitle: 'Lahir Procot Pulang Bawa Akta',
    title: 'Akta Kelahiran dari Puskesmas Kulon Progo',
    origin: 'pending',
    statusSteps: [],
  },
  {
    adopter: 'Kabupaten Sumedang',
    originTitle: "Dottoro'ta Layanan Kesehatan di Rumah",
    title: 'Dokter ke Rumah Sumedang',
    origin: {
      dispute:
        'Kami belum pernah bekerja sama dengan Kabupaten Sumedang; mohon lampirkan nota kesepahaman yang ditandatangani kedua pihak.',
    },
    statusSteps: [],
  },
];

/** Visits (studi tiru) the origin records; the visitor confirms some. */
export const DEMO_VISITS: readonly {
  readonly originTitle: string;
  readonly visitor: string;
  readonly daysAgo: number;
  readonly purpose: string;
  readonly confirmed: boolean;
}[] = [
  {
    originTitle: 'Lahir Procot Pulang Bawa Akta',
    visitor: 'Kota Surabaya',
    daysAgo: 20,
    purpose: 'Studi tiru alur data kelahiran dari rumah sakit ke dinas kependudukan.',
    confirmed: true,
  },
  {
    originTitle: 'Layanan Ambulans Gratis Kota Bandung',
    visitor: 'Kota Makassar',
    daysAgo: 10,
    purpose: 'Melihat pusat panggilan dan pembagian tugas ambulans.',
    confirmed: false,
  },
];

/** Sustainability check-ins the units answer; the others stay open for the portal. */
export const DEMO_CHECK_IN_ANSWERS: readonly {
  readonly title: string;
  readonly running: boolean;
  readonly inBudget: boolean;
  readonly regulationInForce: boolean;
  readonly peopleServed?: number;
  readonly scaled?: boolean;
}[] = [
  {
    title: 'Lahir Procot Pulang Bawa Akta',
    running: true,
    inBudget: true,
    regulationInForce: true,
    peopleServed: 21_500,
    scaled: true,
  },
  {
    title: 'Layanan Ambulans Gratis Kota Bandung',
    running: true,
    inBudget: true,
    regulationInForce: true,
    peopleServed: 8_300,
  },
  {
    title: 'e-Health Puskesmas Surabaya',
    running: false,
    inBudget: false,
    regulationInForce: false,
  },
];
