export const CERTIFICATE_OPTIONS = Symbol('CERTIFICATE_OPTIONS');

export interface CertificateOptions {
  /** The portal's public origin; QR codes point at `<it>/verify/<code>`. */
  readonly publicBaseUrl: string;
  readonly verifyRateLimit: number;
  readonly verifyRateWindowSeconds: number;
}
