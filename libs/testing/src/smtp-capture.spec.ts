import nodemailer from 'nodemailer';
import { SmtpCapture } from './smtp-capture';

describe('SmtpCapture', () => {
  it('should keep a mail sent to it over real SMTP', async () => {
    const smtp = await SmtpCapture.start();
    try {
      const transport = nodemailer.createTransport({
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        ignoreTLS: true,
      });
      await transport.sendMail({
        from: 'sekretariat@kipp.test',
        to: 'admin@bandung.test',
        subject: 'Selamat datang',
        text: 'Halo',
        html: '<p>Halo</p>',
      });
      expect(smtp.to('admin@bandung.test')).toEqual([
        expect.objectContaining({
          from: 'sekretariat@kipp.test',
          subject: 'Selamat datang',
          text: 'Halo',
        }),
      ]);
    } finally {
      await smtp.stop();
    }
  });
});
