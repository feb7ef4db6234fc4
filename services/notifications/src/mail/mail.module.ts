import { Module, type DynamicModule } from '@nestjs/common';
import { MailTransport, type SmtpOptions } from './mail.transport';

@Module({})
export class MailModule {
  static register(options: SmtpOptions): DynamicModule {
    return {
      module: MailModule,
      providers: [{ provide: MailTransport, useFactory: () => MailTransport.connect(options) }],
      exports: [MailTransport],
    };
  }
}
