import type { Category } from '../notification/catalogue';
import type { Locale } from '../notification/contract-types';

/** The fixed wording around every message, per language. */
export interface LayoutPhrases {
  readonly brand: string;
  readonly greeting: string;
  readonly linkFallback: string;
  readonly ackTitle: string;
  readonly ackBody: string;
  readonly ackAction: string;
  readonly closing: string;
  readonly signature: string;
  readonly mandatory: string;
  readonly optOut: string;
  readonly digest: string;
  readonly preferences: string;
}

export const LAYOUT_PHRASES: Readonly<Record<Locale, LayoutPhrases>> = {
  id: {
    brand: 'KIPP · Kompetisi Inovasi Pelayanan Publik',
    greeting: 'Yth.',
    linkFallback: 'Jika tombol di atas tidak berfungsi, salin tautan berikut ke peramban Anda:',
    ackTitle: 'Mohon konfirmasi penerimaan pemberitahuan ini.',
    ackBody:
      'Pemberitahuan ini bersifat resmi. Mohon konfirmasi bahwa Anda telah menerimanya melalui tautan berikut; Sekretariat KIPP mencatat waktu konfirmasi Anda.',
    ackAction: 'Konfirmasi penerimaan',
    closing: 'Hormat kami,',
    signature: 'Sekretariat KIPP',
    mandatory:
      'Pemberitahuan ini bersifat wajib sehingga tetap dikirim apa pun pengaturan notifikasi Anda.',
    optOut: 'Anda dapat berhenti menerima pemberitahuan jenis ini melalui pengaturan notifikasi.',
    digest:
      'Anda dapat mengubah pilihan ringkasan harian atau jenis pemberitahuan yang Anda terima melalui pengaturan notifikasi.',
    preferences: 'Pengaturan notifikasi',
  },
  en: {
    brand: 'KIPP · Public Service Innovation Competition',
    greeting: 'Dear',
    linkFallback: 'If the button does not work, copy this link into your browser:',
    ackTitle: 'Please acknowledge this notice.',
    ackBody:
      'This is an official notice. Please confirm that you have received it using the link below; the KIPP Secretariat records when you did.',
    ackAction: 'Acknowledge receipt',
    closing: 'Kind regards,',
    signature: 'KIPP Secretariat',
    mandatory: 'This notice is mandatory, so it is sent whatever your notification settings.',
    optOut: 'You can opt out of this kind of notification in your notification settings.',
    digest:
      'You can change your daily digest choice, or which notifications you receive, in your notification settings.',
    preferences: 'Notification settings',
  },
};

/** Why someone receives a message of a category (the footer's first sentence). */
export const CATEGORY_REASONS: Readonly<Record<Category, Readonly<Record<Locale, string>>>> = {
  account: {
    id: 'Anda menerima pesan ini karena berkaitan dengan akun KIPP Anda.',
    en: 'You receive this message because it concerns your KIPP account.',
  },
  proposal: {
    id: 'Anda menerima pesan ini karena Anda menangani proposal ini sebagai unit pelayanan atau Admin Lokal.',
    en: 'You receive this message because you work on this proposal as its service unit or local admin.',
  },
  reminder: {
    id: 'Anda menerima pesan ini karena Anda memiliki tenggat waktu KIPP yang akan segera berakhir.',
    en: 'You receive this message because you have a KIPP deadline coming up.',
  },
  selection: {
    id: 'Anda menerima pesan ini karena proposal instansi Anda mengikuti seleksi administrasi KIPP.',
    en: "You receive this message because your institution's proposal is in KIPP's administrative selection.",
  },
  assignment: {
    id: 'Anda menerima pesan ini karena Anda terdaftar sebagai evaluator (Tim Evaluasi) KIPP.',
    en: 'You receive this message because you are a KIPP evaluator (Evaluation Team).',
  },
  objection: {
    id: 'Anda menerima pesan ini karena Anda terkait dengan sanggahan atas proposal KIPP.',
    en: 'You receive this message because you are involved in an objection to a KIPP proposal.',
  },
  interview: {
    id: 'Anda menerima pesan ini karena proposal instansi Anda terpilih sebagai finalis KIPP.',
    en: "You receive this message because your institution's proposal is a KIPP finalist.",
  },
  results: {
    id: 'Anda menerima pesan ini karena proposal instansi Anda mengikuti KIPP.',
    en: "You receive this message because your institution's proposal takes part in KIPP.",
  },
  digest: {
    id: 'Anda menerima pesan ini karena Anda memilih ringkasan harian untuk pemberitahuan yang tidak mendesak.',
    en: 'You receive this message because you chose a daily digest for non-urgent notifications.',
  },
  replication: {
    id: 'Anda menerima pesan ini karena instansi Anda terlibat dalam replikasi inovasi yang tercatat di KIPP.',
    en: 'You receive this message because your institution is part of an innovation replication recorded in KIPP.',
  },
  sustainability: {
    id: 'Anda menerima pesan ini karena inovasi instansi Anda tercatat dalam basis data inovasi KIPP.',
    en: "You receive this message because your institution's innovation is in the KIPP innovation database.",
  },
  broadcast: {
    id: 'Anda menerima pesan ini karena Anda termasuk penerima pengumuman Sekretariat KIPP.',
    en: 'You receive this message because you are among the recipients of a KIPP Secretariat announcement.',
  },
};

/**
 * The plain-text layout. Context: locale, phrases, subject, recipientName, body (rendered),
 * link, action, ackLink, reason and settingsNote (the footer), preferencesUrl.
 */
export const TEXT_LAYOUT = `{{phrases.greeting}} {{recipientName}},

{{body}}

{{#if link}}
{{action}}:
{{link}}

{{/if}}
{{#if ackLink}}
{{phrases.ackTitle}}
{{phrases.ackBody}}
{{ackLink}}

{{/if}}
{{phrases.closing}}
{{phrases.signature}}

--
{{reason}} {{settingsNote}}
{{phrases.preferences}}: {{preferencesUrl}}
`;

const BUTTON =
  'display:inline-block;padding:12px 24px;background-color:#9b1c1c;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:4px;';

/** The HTML layout: simple, inline-styled, one column; `body` arrives as HTML. */
export const HTML_LAYOUT = `<!DOCTYPE html>
<html lang="{{locale}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6;">
<div role="article" aria-label="{{subject}}" lang="{{locale}}" style="max-width:600px;margin:0 auto;padding:24px;background-color:#ffffff;color:#1f2937;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;">
<p style="margin:0 0 16px;color:#9b1c1c;font-size:14px;font-weight:bold;">{{phrases.brand}}</p>
<h1 style="margin:0 0 24px;color:#111827;font-size:22px;line-height:1.3;">{{subject}}</h1>
<p style="margin:0 0 16px;">{{phrases.greeting}} {{recipientName}},</p>
{{{body}}}
{{#if link}}
<p style="margin:24px 0;"><a href="{{url link}}" style="${BUTTON}">{{action}}</a></p>
<p style="margin:0 0 16px;color:#4b5563;font-size:13px;">{{phrases.linkFallback}}<br><a href="{{url link}}" style="color:#9b1c1c;word-break:break-all;">{{url link}}</a></p>
{{/if}}
{{#if ackLink}}
<div style="margin:24px 0;padding:16px;border-left:4px solid #b45309;background-color:#fffbeb;">
<p style="margin:0 0 8px;font-weight:bold;">{{phrases.ackTitle}}</p>
<p style="margin:0 0 16px;">{{phrases.ackBody}}</p>
<p style="margin:0;"><a href="{{url ackLink}}" style="${BUTTON}">{{phrases.ackAction}}</a></p>
</div>
{{/if}}
<p style="margin:24px 0 0;">{{phrases.closing}}<br>{{phrases.signature}}</p>
<hr style="margin:32px 0 16px;border:none;border-top:1px solid #e5e7eb;">
<p style="margin:0;color:#6b7280;font-size:12px;">{{reason}} {{settingsNote}} <a href="{{url preferencesUrl}}" style="color:#6b7280;">{{phrases.preferences}}</a></p>
</div>
</body>
</html>
`;
