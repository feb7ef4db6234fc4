import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';

/** Collects a download's body as bytes, whatever its content type. */
function binary(response: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** `POST /proposals/:proposalId/evidence/:evidenceId` with the file as the multipart field. */
export function uploadEvidence(
  app: INestApplication<App>,
  token: string,
  proposalId: string,
  file: Buffer,
  {
    filename = 'standar-pelayanan.pdf',
    contentType = 'application/pdf',
    evidenceId = 'service-standard',
  } = {},
): request.Test {
  return request(app.getHttpServer())
    .post(`/proposals/${proposalId}/evidence/${evidenceId}`)
    .set('authorization', `Bearer ${token}`)
    .attach('file', file, { filename, contentType });
}

/** `GET /proposals/:proposalId/evidence/:fileId`; the body is a Buffer, errors included. */
export function downloadEvidence(
  app: INestApplication<App>,
  token: string,
  proposalId: string,
  fileId: string,
): request.Test {
  return request(app.getHttpServer())
    .get(`/proposals/${proposalId}/evidence/${fileId}`)
    .set('authorization', `Bearer ${token}`)
    .buffer(true)
    .parse(binary);
}
