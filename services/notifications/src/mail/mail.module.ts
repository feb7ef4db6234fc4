import { Module, type DynamicModule } from '@nestjs/common';
import { MailTransport, type SmtpOptions } from './mail.transport';

@Module({})
export class MailModule {
  static register(options: SmtpOptions): DynamicModule {
    return {
      module: MailModule,
      // One pooled transport for the process, used by the dispatcher.
      global: true,
      providers: [{ provide: MailTransport, useFactory: () => MailTransport.connect(options) }],
      exports: [MailTransport],
    };
  }
}
