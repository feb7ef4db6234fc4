import { useEffect, useState } from 'react';
import { useMessages } from '../i18n';
import type { TotpOffer } from './sign-in-api';
import { signInMessages } from './sign-in-messages';

/** The secret grouped in fours, as authenticator apps show it and people type it. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/** An SVG QR code as a data: URL (the CSP allows data: images, not inline markup). */
async function qrDataUrl(text: string): Promise<string> {
  const { toString } = await import('qrcode');
  const svg = await toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** What to put into the authenticator app: the secret and otpauth link as text, and a QR code. */
export function TotpOfferDetails({ offer }: { offer: TotpOffer }) {
  const t = useMessages(signInMessages);
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    qrDataUrl(offer.otpauthUri).then(
      (url) => {
        if (current) setQr(url);
      },
      () => {
        // The QR code is a convenience: the secret and link below are enough.
      },
    );
    return () => {
      current = false;
    };
  }, [offer.otpauthUri]);
  return (
    <div className="totp-offer">
      {qr ? <img src={qr} alt={t.qrCode} width={200} height={200} className="totp-qr" /> : null}
      <dl>
        <dt>{t.secret}</dt>
        <dd>
          <code className="totp-secret" data-secret={offer.secret}>
            {groupSecret(offer.secret)}
          </code>
        </dd>
        <dt>{t.otpauthUri}</dt>
        <dd>
          <code className="totp-uri">{offer.otpauthUri}</code>
        </dd>
      </dl>
    </div>
  );
}
