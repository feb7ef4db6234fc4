import { z } from 'zod';
import type { TemplateId, TemplateParams } from '../notification/catalogue';
import type { MessageDocument } from '../notification/message.schema';
import type { NoticeDocument } from '../notification/notice.schema';
import type { TemplateRenderer } from '../templates/template-renderer';

export const inboxItemView = z.object({
  id: z.string(),
  noticeId: z.string(),
  template: z.string(),
  category: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  requiresAck: z.boolean(),
  acknowledgedAt: z.string().nullable(),
});
export type InboxItemView = z.infer<typeof inboxItemView>;

/** An inbox message rendered in its recipient's language and time zone. */
export function toInboxItem(message: MessageDocument, renderer: TemplateRenderer): InboxItemView {
  const rendered = renderer.render(
    message.template,
    message.params as unknown as TemplateParams[TemplateId],
    {
      locale: message.recipient.locale,
      timeZone: message.recipient.timeZone,
      recipientName: message.recipient.name,
      inboxMessageId: message._id,
      requiresAck: message.requiresAck,
      mandatory: message.mandatory,
    },
  );
  return {
    id: message._id,
    noticeId: message.noticeId,
    template: message.template,
    category: message.category,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    link: rendered.link,
    createdAt: message.createdAt.toISOString(),
    readAt: message.readAt?.toISOString() ?? null,
    requiresAck: message.requiresAck,
    acknowledgedAt: message.acknowledgedAt?.toISOString() ?? null,
  };
}

/** A notice's subject in both languages, as its sender lists it (times in WIB). */
export function noticeTitle(
  notice: Pick<NoticeDocument, 'template' | 'params' | 'requiresAck'>,
  renderer: TemplateRenderer,
): { id: string; en: string } {
  const subjectIn = (locale: 'id' | 'en') =>
    renderer.render(notice.template, notice.params as unknown as TemplateParams[TemplateId], {
      locale,
      timeZone: 'WIB',
      recipientName: '',
      inboxMessageId: null,
      requiresAck: notice.requiresAck,
    }).subject;
  return { id: subjectIn('id'), en: subjectIn('en') };
}
