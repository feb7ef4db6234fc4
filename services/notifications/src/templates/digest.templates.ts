import type { TemplateDefinitions } from './template-source';

/** A day's non-urgent messages of one recipient, each by its subject and link. */
export const DIGEST_TEMPLATES: TemplateDefinitions<'digest'> = {
  digest: {
    link: (_, links) => links.portal(['inbox']),
    texts: {
      id: {
        subject: 'Ringkasan harian KIPP: {{number (count items)}} pemberitahuan',
        body: `Berikut ringkasan pemberitahuan KIPP untuk Anda yang tidak mendesak:

{{#each items}}
- {{subject}} ({{time createdAt}}){{#if link}}: {{link}}{{/if}}
{{/each}}

Semua pemberitahuan dapat dibaca di kotak masuk KIPP.`,
        action: 'Buka kotak masuk',
      },
      en: {
        subject: 'Your KIPP daily digest: {{plural (count items) "notification" "notifications"}}',
        body: `Here is a summary of your non-urgent KIPP notifications:

{{#each items}}
- {{subject}} ({{time createdAt}}){{#if link}}: {{link}}{{/if}}
{{/each}}

You can read every notification in your KIPP inbox.`,
        action: 'Open your inbox',
      },
    },
  },
};
