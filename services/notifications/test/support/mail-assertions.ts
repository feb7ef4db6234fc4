import { eventually, type CapturedMail, type SmtpCapture } from '@kipp/testing';

/** Mail mentioning `marker` (a title, a code) in its subject or text, per recipient. */
export function mailsAbout(smtp: SmtpCapture, marker: string): Map<string, CapturedMail[]> {
  const byRecipient = new Map<string, CapturedMail[]>();
  for (const mail of smtp.mails) {
    if (!`${mail.subject}\n${mail.text}`.includes(marker)) continue;
    for (const to of mail.to) byRecipient.set(to, [...(byRecipient.get(to) ?? []), mail]);
  }
  return byRecipient;
}

/**
 * Waits until exactly `recipients` have one mail about `marker` each, and nobody else;
 * returns that mail per recipient.
 */
export async function expectOneMailEach(
  smtp: SmtpCapture,
  marker: string,
  recipients: readonly string[],
): Promise<Map<string, CapturedMail>> {
  return eventually(() => {
    const byRecipient = mailsAbout(smtp, marker);
    expect([...byRecipient.keys()].sort()).toEqual([...recipients].sort());
    for (const address of recipients) expect(byRecipient.get(address)).toHaveLength(1);
    return new Map([...byRecipient].map(([address, mails]) => [address, mails[0] as CapturedMail]));
  });
}
