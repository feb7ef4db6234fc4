import { SigningKeyPublishedV1 } from '@kipp/contracts';
import { eventually, TopicReader } from '@kipp/testing';
import { startRegistrationApp, type RegistrationTestApp } from './registration-test-app';

describe('registration service', () => {
  let service: RegistrationTestApp;
  let reader: TopicReader;

  beforeAll(async () => {
    service = await startRegistrationApp();
    reader = await TopicReader.start([service.topics.topicOf(SigningKeyPublishedV1)]);
  });

  afterAll(async () => {
    await reader.stop();
    await service.close();
  });

  it('should publish its signing key as JWKS and as an event, without private parts', async () => {
    const jwks = await service.http().get('/.well-known/jwks.json').expect(200);
    const keys = (jwks.body as { keys: Record<string, unknown>[] }).keys;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(keys[0]).not.toHaveProperty('d');

    await eventually(() => {
      const published = reader
        .on(service.topics.topicOf(SigningKeyPublishedV1))
        .map((m) => m.value ?? '')
        .filter((value) => value.includes(String(keys[0]?.['kid'])));
      expect(published).toHaveLength(1);
      expect(published[0]).not.toContain('"d"');
      expect(published[0]).not.toContain('PRIVATE KEY');
    });
  });
});
