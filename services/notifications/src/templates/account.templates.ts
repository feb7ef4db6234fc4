import type { TemplateDefinitions } from './template-source';

type AccountTemplates =
  'account.welcome' | 'account.password-reset' | 'local-admin-request.decided';

export const ACCOUNT_TEMPLATES: TemplateDefinitions<AccountTemplates> = {
  'account.welcome': {
    link: (_, links) => links.portal(['sign-in']),
    texts: {
      id: {
        subject: 'Selamat datang di KIPP: akun Anda telah dibuat',
        body: `Akun Anda pada sistem Kompetisi Inovasi Pelayanan Publik (KIPP) telah dibuat{{#if institutionName}} untuk {{institutionName}}{{/if}}.{{#if roles}} Anda terdaftar sebagai {{roleNames roles}}.{{/if}}

ID pengguna Anda: {{userId}}

Kata sandi sementara tidak dikirim melalui email ini; Anda menerimanya langsung dari pihak yang membuatkan akun Anda (Admin Lokal instansi Anda atau Sekretariat KIPP).{{#if mustChangePassword}} Saat masuk pertama kali, Anda akan diminta mengganti kata sandi sementara itu dengan kata sandi baru yang hanya Anda ketahui.{{/if}}

Jangan memberikan kata sandi Anda kepada siapa pun, termasuk kepada pihak yang mengatasnamakan Sekretariat KIPP.`,
        action: 'Masuk ke KIPP',
      },
      en: {
        subject: 'Welcome to KIPP: your account has been created',
        body: `Your account in the Public Service Innovation Competition (KIPP) system has been created{{#if institutionName}} for {{institutionName}}{{/if}}.{{#if roles}} You are registered as {{roleNames roles}}.{{/if}}

Your user ID: {{userId}}

Your temporary password is not sent in this email; you receive it directly from whoever created your account (your institution's local admin or the KIPP Secretariat).{{#if mustChangePassword}} When you sign in for the first time, you will be asked to replace it with a new password that only you know.{{/if}}

Never share your password with anyone, including people who claim to act for the KIPP Secretariat.`,
        action: 'Sign in to KIPP',
      },
    },
  },

  'account.password-reset': {
    link: (params, links) => links.resetLink(params.sealedLink),
    texts: {
      id: {
        subject: 'Atur ulang kata sandi akun KIPP Anda',
        body: `Kami menerima permintaan untuk mengatur ulang kata sandi akun KIPP Anda.

Gunakan tautan di bawah ini untuk membuat kata sandi baru. Tautan ini berlaku sampai {{time expiresAt}} dan hanya dapat digunakan satu kali.

Jika Anda tidak meminta pengaturan ulang kata sandi, abaikan email ini; kata sandi Anda tidak akan berubah.`,
        action: 'Atur ulang kata sandi',
      },
      en: {
        subject: 'Reset the password of your KIPP account',
        body: `We received a request to reset the password of your KIPP account.

Use the link below to choose a new password. It is valid until {{time expiresAt}} and can be used only once.

If you did not ask for a password reset, please ignore this email; your password stays unchanged.`,
        action: 'Reset password',
      },
    },
  },

  'local-admin-request.decided': {
    link: (_, links) => links.portal(['sign-in']),
    texts: {
      id: {
        subject:
          '{{#if (eq decision "approved")}}Permohonan Admin Lokal disetujui{{else}}Permohonan Admin Lokal tidak disetujui{{/if}}{{#if institutionName}}: {{institutionName}}{{/if}}',
        body: `{{#if (eq decision "approved")}}
Permohonan penetapan {{candidateName}} sebagai Admin Lokal{{#if institutionName}} {{institutionName}}{{/if}} telah disetujui oleh Sekretariat KIPP.

Admin Lokal dapat masuk ke KIPP untuk membuat akun unit pelayanan, meninjau proposal, dan meneruskannya kepada Kementerian PANRB.
{{else}}
Permohonan penetapan {{candidateName}} sebagai Admin Lokal{{#if institutionName}} {{institutionName}}{{/if}} tidak dapat disetujui oleh Sekretariat KIPP.
{{#if reason}}

Alasan: {{reason}}
{{/if}}

Permohonan dapat diajukan kembali setelah data yang diperlukan dilengkapi atau diperbaiki.
{{/if}}`,
        action: 'Masuk ke KIPP',
      },
      en: {
        subject:
          '{{#if (eq decision "approved")}}Local admin request approved{{else}}Local admin request not approved{{/if}}{{#if institutionName}}: {{institutionName}}{{/if}}',
        body: `{{#if (eq decision "approved")}}
The request to appoint {{candidateName}} as local admin{{#if institutionName}} of {{institutionName}}{{/if}} has been approved by the KIPP Secretariat.

The local admin can now sign in to KIPP to create service unit accounts, review proposals and forward them to the Ministry of Administrative and Bureaucratic Reform (KemenPAN-RB).
{{else}}
The request to appoint {{candidateName}} as local admin{{#if institutionName}} of {{institutionName}}{{/if}} could not be approved by the KIPP Secretariat.
{{#if reason}}

Reason: {{reason}}
{{/if}}

A new request can be made once the required information has been completed or corrected.
{{/if}}`,
        action: 'Sign in to KIPP',
      },
    },
  },
};
