import type { TemplateDefinitions } from './template-source';

/** Written by the national admin in both languages; the body is plain text. */
export const BROADCAST_TEMPLATES: TemplateDefinitions<'broadcast'> = {
  broadcast: {
    link: (_, links, context) =>
      context.inboxMessageId
        ? links.portal(['inbox', context.inboxMessageId])
        : links.portal(['inbox']),
    texts: {
      id: { subject: '{{subject.id}}', body: '{{body.id}}', action: 'Buka di kotak masuk KIPP' },
      en: { subject: '{{subject.en}}', body: '{{body.en}}', action: 'Open in your KIPP inbox' },
    },
  },
};
