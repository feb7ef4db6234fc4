import { Test } from '@nestjs/testing';
import { loadNotificationsConfig } from '../config/notifications.config';
import { HandlebarsTemplateRenderer } from './handlebars-template-renderer';
import { TemplateRenderer } from './template-renderer';
import { TemplatesModule } from './templates.module';
import { FIXTURE_RESET_LINK, TEMPLATE_PARAMS_FIXTURES } from './testing/template-params.fixtures';

describe('TemplatesModule', () => {
  it('should provide a renderer that opens reset links with the configured key', async () => {
    const config = loadNotificationsConfig({ PORTAL_URL: 'https://kipp.menpan.go.id' });
    const moduleRef = await Test.createTestingModule({
      imports: [TemplatesModule.register(config)],
    }).compile();
    const renderer = moduleRef.get(TemplateRenderer);
    expect(renderer).toBeInstanceOf(HandlebarsTemplateRenderer);

    const context = {
      locale: 'id',
      timeZone: 'WIB',
      recipientName: 'Budi',
      inboxMessageId: null,
      requiresAck: false,
    } as const;
    const reset = TEMPLATE_PARAMS_FIXTURES['account.password-reset'];
    expect(renderer.render('account.password-reset', reset, context).link).toBe(FIXTURE_RESET_LINK);
    const welcome = TEMPLATE_PARAMS_FIXTURES['account.welcome'];
    expect(renderer.render('account.welcome', welcome, context).link).toBe(
      'https://kipp.menpan.go.id/sign-in',
    );
    await moduleRef.close();
  });
});
