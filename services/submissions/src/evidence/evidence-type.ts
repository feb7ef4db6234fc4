import type { EvidenceContentType } from './evidence-storage';

export const EXTENSION_OF: Readonly<Record<EvidenceContentType, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};
