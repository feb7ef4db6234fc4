import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { Test } from 'supertest';
import {
  AccountCreatedV1,
  AccountDeactivatedV1,
  AccountReactivatedV1,
  AccountRoleGrantedV1,
  LocalAdminRequestDecidedV1,
  type EventDescriptor,
} from '@kipp/contracts';
import { eventually, TopicReader, uniqueName } from '@kipp/testing';
import { startRegistrationApp, type RegistrationTestApp } from './registration-test-app';

interface AccountBody {
  accountId: string;
  userId: string;
  email: string;
  roles: string[];
  institutionId: string | null;
  unitId: string | null;
  status: string;
  mustChangePassword: boolean;
}

interface Provisioned {
  account: AccountBody;
  initialPassword: string;
}

interface Envelope {
  payload: Record<string, unknown> & { accountId?: string; requestId?: string };
}

const ACCOUNT_TOPICS = [
  AccountCreatedV1,
  AccountRoleGrantedV1,
  AccountDeactivatedV1,
  AccountReactivatedV1,
  LocalAdminRequestDecidedV1,
] as const;

const PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n',
  'latin1',
);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);

describe('account administration', () => {
  let service: RegistrationTestApp;
  let reader: TopicReader;
  let connection: Connection;
  let national: Record<string, string>;

  beforeAll(async () => {
    service = await startRegistrationApp();
    reader = await TopicReader.start(ACCOUNT_TOPICS.map((event) => service.topics.topicOf(event)));
    connection = service.app.get<Connection>(getConnectionToken());
    national = await service.issuer.headers(['national_admin']);
  });

  afterAll(async () => {
    await reader.stop();
    await service.close();
  });

  const http = () => service.http();

  const eventsOf = (
    descriptor: EventDescriptor,
    match: (payload: Envelope['payload']) => boolean,
  ) =>
    reader
      .on(service.topics.topicOf(descriptor))
      .map((message) => JSON.parse(message.value ?? '{}') as Envelope)
      .filter((event) => match(event.payload));

  const rawEventsAbout = (id: string) =>
    ACCOUNT_TOPICS.flatMap((descriptor) => reader.on(service.topics.topicOf(descriptor)))
      .map((message) => message.value ?? '')
      .filter((value) => value.includes(id));

  async function registerInstitution(): Promise<string> {
    const code = uniqueName('K').replace('_', '').toUpperCase();
    const response = await http()
      .post('/institutions')
      .set(national)
      .send({ code, name: `Kementerian ${code}`, type: 'ministry' })
      .expect(201);
    return (response.body as { institutionId: string }).institutionId;
  }

  async function createAccount(
    headers: Record<string, string>,
    body: Record<string, unknown>,
  ): Promise<Provisioned> {
    const response = await http().post('/accounts').set(headers).send(body);
    expect({ status: response.status, body: response.body as unknown }).toMatchObject({
      status: 201,
    });
    return response.body as Provisioned;
  }

  async function createUnit(headers: Record<string, string>, institutionId: string, name: string) {
    const response = await http()
      .post(`/institutions/${institutionId}/units`)
      .set(headers)
      .send({ name })
      .expect(201);
    return (response.body as { unitId: string }).unitId;
  }

  /** An institution with its local admin (as a token) and one unit operator. */
  async function institutionWithStaff() {
    const institutionId = await registerInstitution();
    const localAdmin = await createAccount(national, {
      role: 'local_admin',
      userId: uniqueName('ortala'),
      name: 'Budi Santoso',
      email: `${uniqueName('budi')}@example.go.id`,
      institutionId,
    });
    const localAdminHeaders = await service.issuer.headers(['local_admin'], {
      accountId: localAdmin.account.accountId,
      institutionId,
    });
    const unitId = await createUnit(localAdminHeaders, institutionId, `Dinas ${uniqueName('u')}`);
    const operator = await createAccount(localAdminHeaders, {
      role: 'unit_operator',
      userId: uniqueName('upp'),
      name: 'Siti Rahmawati',
      email: `${uniqueName('siti')}@example.go.id`,
      locale: 'en',
      institutionId,
      unitId,
    });
    return { institutionId, localAdmin, localAdminHeaders, unitId, operator };
  }

  function expectNoPasswordMaterial(values: string[], password: string) {
    for (const value of values) {
      expect(value).not.toContain('passwordHash');
      expect(value).not.toContain('$argon2');
      expect(value).not.toContain(password);
    }
  }

  describe('provisioning', () => {
    it('should create a local admin with a first password shown once and an event without password material', async () => {
      const institutionId = await registerInstitution();
      const created = await createAccount(national, {
        role: 'local_admin',
        userId: uniqueName('Ortala.Kemenkes'),
        name: 'Rina Wulandari',
        email: 'Rina.Wulandari@Kemkes.go.id',
        locale: 'id',
        institutionId,
      });

      expect(created.initialPassword).toHaveLength(20);
      expect(created.account).toMatchObject({
        roles: ['local_admin'],
        institutionId,
        status: 'active',
        mustChangePassword: true,
        email: 'rina.wulandari@kemkes.go.id',
      });
      expect(JSON.stringify(created.account)).not.toContain('argon2');

      await eventually(() =>
        expect(
          eventsOf(AccountCreatedV1, (p) => p.accountId === created.account.accountId),
        ).toHaveLength(1),
      );
      const [event] = eventsOf(AccountCreatedV1, (p) => p.accountId === created.account.accountId);
      expect(event?.payload).toMatchObject({
        email: 'rina.wulandari@kemkes.go.id',
        locale: 'id',
        roles: ['local_admin'],
        institutionId,
        mustChangePassword: true,
        reviewerProfile: null,
      });
      expectNoPasswordMaterial(rawEventsAbout(created.account.accountId), created.initialPassword);

      const listed = await http()
        .get('/accounts')
        .query({ institutionId })
        .set(national)
        .expect(200);
      expect(JSON.stringify(listed.body)).not.toContain(created.initialPassword);
    });

    it('should refuse a user id that is taken with 409 USER_ID_TAKEN', async () => {
      const userId = uniqueName('panel');
      const body = {
        role: 'panelist',
        userId,
        name: 'Prof. Andi',
        email: 'andi@ui.ac.id',
        reviewerProfile: { affiliation: 'Universitas Indonesia', homeProvinceCode: '31' },
      };
      await createAccount(national, body);
      const again = await http()
        .post('/accounts')
        .set(national)
        .send({ ...body, userId: userId.toUpperCase() })
        .expect(409);
      expect(again.body).toMatchObject({ error: { code: 'USER_ID_TAKEN' } });
    });

    it('should require a reviewer profile for an evaluator and an institution for a local admin', async () => {
      const response = await http()
        .post('/accounts')
        .set(national)
        .send({ role: 'evaluator', userId: uniqueName('te'), name: 'X', email: 'x@ugm.ac.id' })
        .expect(400);
      expect(response.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      await http()
        .post('/accounts')
        .set(national)
        .send({ role: 'local_admin', userId: uniqueName('la'), name: 'Y', email: 'y@x.go.id' })
        .expect(400);
    });

    it('should let a local admin create a unit operator only in a unit of its own institution', async () => {
      const { institutionId, localAdminHeaders, operator, unitId } = await institutionWithStaff();
      expect(operator.account).toMatchObject({
        roles: ['unit_operator'],
        institutionId,
        unitId,
        mustChangePassword: true,
      });

      const unknownUnit = await http()
        .post('/accounts')
        .set(localAdminHeaders)
        .send({
          role: 'unit_operator',
          userId: uniqueName('upp'),
          name: 'Z',
          email: 'z@x.go.id',
          institutionId,
          unitId: 'unit_missing',
        })
        .expect(404);
      expect(unknownUnit.body).toMatchObject({ error: { code: 'UNIT_NOT_FOUND' } });

      const sameName = await http()
        .post(`/institutions/${institutionId}/units`)
        .set(localAdminHeaders)
        .send({ name: 'Dinas Kesehatan' });
      expect(sameName.status).toBe(201);
      const duplicate = await http()
        .post(`/institutions/${institutionId}/units`)
        .set(localAdminHeaders)
        .send({ name: 'dinas  kesehatan' })
        .expect(409);
      expect(duplicate.body).toMatchObject({ error: { code: 'UNIT_NAME_TAKEN' } });
    });
  });

  describe('authorization', () => {
    it('should keep a local admin from escalating or leaving its institution', async () => {
      const own = await institutionWithStaff();
      const other = await institutionWithStaff();
      const attempts: [string, Test, number, string][] = [
        [
          'create an evaluator',
          http()
            .post('/accounts')
            .set(own.localAdminHeaders)
            .send({
              role: 'evaluator',
              userId: uniqueName('te'),
              name: 'E',
              email: 'e@ui.ac.id',
              reviewerProfile: { affiliation: 'UI' },
            }),
          403,
          'ROLE_NOT_ASSIGNABLE',
        ],
        [
          'create another local admin',
          http()
            .post('/accounts')
            .set(own.localAdminHeaders)
            .send({
              role: 'local_admin',
              userId: uniqueName('la'),
              name: 'L',
              email: 'l@x.go.id',
              institutionId: own.institutionId,
            }),
          403,
          'ROLE_NOT_ASSIGNABLE',
        ],
        [
          'create a national admin',
          http()
            .post('/accounts')
            .set(own.localAdminHeaders)
            .send({
              role: 'national_admin',
              userId: uniqueName('na'),
              name: 'N',
              email: 'n@x.go.id',
            }),
          403,
          'ROLE_NOT_ASSIGNABLE',
        ],
        [
          'grant itself national_admin',
          http()
            .post(`/accounts/${own.localAdmin.account.accountId}/roles`)
            .set(own.localAdminHeaders)
            .send({ role: 'national_admin' }),
          403,
          'AUTH_FORBIDDEN',
        ],
        [
          'create a unit operator in another institution',
          http()
            .post('/accounts')
            .set(own.localAdminHeaders)
            .send({
              role: 'unit_operator',
              userId: uniqueName('upp'),
              name: 'U',
              email: 'u@x.go.id',
              institutionId: other.institutionId,
              unitId: other.unitId,
            }),
          403,
          'AUTH_FORBIDDEN',
        ],
        [
          'create a unit in another institution',
          http()
            .post(`/institutions/${other.institutionId}/units`)
            .set(own.localAdminHeaders)
            .send({ name: 'Dinas Lain' }),
          403,
          'AUTH_FORBIDDEN',
        ],
        [
          'deactivate an account of another institution',
          http()
            .post(`/accounts/${other.operator.account.accountId}/deactivation`)
            .set(own.localAdminHeaders)
            .send({ reason: 'not mine' }),
          403,
          'AUTH_FORBIDDEN',
        ],
        [
          'reset a password in another institution',
          http()
            .post(`/accounts/${other.operator.account.accountId}/password-reset`)
            .set(own.localAdminHeaders),
          403,
          'AUTH_FORBIDDEN',
        ],
        [
          'read the history of another institution',
          http()
            .get(`/accounts/${other.operator.account.accountId}/history`)
            .set(own.localAdminHeaders),
          403,
          'AUTH_FORBIDDEN',
        ],
        [
          'deactivate itself',
          http()
            .post(`/accounts/${own.localAdmin.account.accountId}/deactivation`)
            .set(own.localAdminHeaders)
            .send({ reason: 'leaving' }),
          403,
          'SELF_CHANGE_FORBIDDEN',
        ],
        [
          'import evaluators',
          http()
            .post('/accounts/evaluator-imports')
            .set(own.localAdminHeaders)
            .send({ csv: 'userId\n' }),
          403,
          'AUTH_FORBIDDEN',
        ],
        [
          'list local-admin requests',
          http().get('/local-admin-requests').set(own.localAdminHeaders),
          403,
          'AUTH_FORBIDDEN',
        ],
      ];
      for (const [what, attempt, status, code] of attempts) {
        const response = await attempt;
        expect({ what, status: response.status, body: response.body as unknown }).toMatchObject({
          what,
          status,
          body: { error: { code } },
        });
      }

      // A second local admin of the same institution is a peer, not a subordinate.
      const peer = await createAccount(national, {
        role: 'local_admin',
        userId: uniqueName('peer'),
        name: 'Peer',
        email: 'peer@x.go.id',
        institutionId: own.institutionId,
      });
      await http()
        .post(`/accounts/${peer.account.accountId}/deactivation`)
        .set(own.localAdminHeaders)
        .send({ reason: 'rivalry' })
        .expect(403);

      // Its own institution's unit operator it may deactivate.
      await http()
        .post(`/accounts/${own.operator.account.accountId}/deactivation`)
        .set(own.localAdminHeaders)
        .send({ reason: 'moved to another office' })
        .expect(200);
    });

    it('should let no unit operator, evaluator or panelist administer accounts', async () => {
      const { institutionId, unitId, operator } = await institutionWithStaff();
      for (const role of ['unit_operator', 'evaluator', 'panelist'] as const) {
        const headers = await service.issuer.headers([role], { institutionId, unitId });
        const responses = await Promise.all([
          http()
            .post('/accounts')
            .set(headers)
            .send({
              role: 'unit_operator',
              userId: uniqueName('x'),
              name: 'X',
              email: 'x@x.go.id',
              institutionId,
              unitId,
            }),
          http().get('/accounts').set(headers),
          http()
            .post(`/accounts/${operator.account.accountId}/deactivation`)
            .set(headers)
            .send({ reason: 'because' }),
          http()
            .post(`/accounts/${operator.account.accountId}/roles`)
            .set(headers)
            .send({ role: 'national_admin' }),
        ]);
        expect({ role, statuses: responses.map((r) => r.status) }).toEqual({
          role,
          statuses: [403, 403, 403, 403],
        });
      }
    });

    it('should keep a national admin from changing its own roles or status', async () => {
      const me = await createAccount(national, {
        role: 'national_admin',
        userId: uniqueName('sekretariat'),
        name: 'Sekretariat',
        email: 'sekretariat@menpan.go.id',
      });
      const myself = await service.issuer.headers(['national_admin'], {
        accountId: me.account.accountId,
      });
      const grant = await http()
        .post(`/accounts/${me.account.accountId}/roles`)
        .set(myself)
        .send({ role: 'evaluator', reviewerProfile: { affiliation: 'KemenPAN-RB' } })
        .expect(403);
      expect(grant.body).toMatchObject({ error: { code: 'SELF_CHANGE_FORBIDDEN' } });
      await http()
        .post(`/accounts/${me.account.accountId}/deactivation`)
        .set(myself)
        .send({ reason: 'test' })
        .expect(403);
    });

    it('should show a local admin only its own institution in the account list', async () => {
      const own = await institutionWithStaff();
      await institutionWithStaff();
      const response = await http()
        .get('/accounts')
        .query({ institutionId: 'inst_someone_else' })
        .set(own.localAdminHeaders)
        .expect(200);
      const items = (response.body as { items: AccountBody[] }).items;
      expect(items.length).toBeGreaterThanOrEqual(2);
      expect(new Set(items.map((item) => item.institutionId))).toEqual(
        new Set([own.institutionId]),
      );

      const all = await http().get('/accounts').query({ role: 'unit_operator' }).set(national);
      const institutions = new Set(
        (all.body as { items: AccountBody[] }).items.map((item) => item.institutionId),
      );
      expect(institutions.size).toBeGreaterThanOrEqual(2);
    });
  });

  describe('changes on record', () => {
    it('should stop and restore sign-in when deactivated and reactivated, once each, with events and history', async () => {
      const { operator, localAdminHeaders, localAdmin, institutionId } =
        await institutionWithStaff();
      const accountId = operator.account.accountId;
      const signIn = () =>
        http()
          .post('/sessions')
          .send({ userId: operator.account.userId, password: operator.initialPassword });
      expect((await signIn()).body).toMatchObject({ status: 'password_change_required' });

      const deactivated = await http()
        .post(`/accounts/${accountId}/deactivation`)
        .set(localAdminHeaders)
        .send({ reason: 'Pindah tugas' })
        .expect(200);
      expect(deactivated.body).toMatchObject({ status: 'deactivated' });
      const twice = await http()
        .post(`/accounts/${accountId}/deactivation`)
        .set(localAdminHeaders)
        .send({ reason: 'Pindah tugas' })
        .expect(409);
      expect(twice.body).toMatchObject({ error: { code: 'ACCOUNT_ALREADY_IN_STATUS' } });
      const refused = await signIn().expect(401);
      expect(refused.body).toMatchObject({ error: { code: 'SIGN_IN_FAILED' } });
      await http()
        .post(`/accounts/${accountId}/reactivation`)
        .set(national)
        .send({ reason: 'Kembali bertugas' })
        .expect(200);
      expect((await signIn()).body).toMatchObject({ status: 'password_change_required' });

      await eventually(() => {
        expect(eventsOf(AccountDeactivatedV1, (p) => p.accountId === accountId)).toHaveLength(1);
        expect(eventsOf(AccountReactivatedV1, (p) => p.accountId === accountId)).toHaveLength(1);
      });
      expect(
        eventsOf(AccountDeactivatedV1, (p) => p.accountId === accountId)[0]?.payload,
      ).toMatchObject({
        email: operator.account.email,
        locale: 'en',
        roles: ['unit_operator'],
        institutionId,
        reason: 'Pindah tugas',
        changedBy: { kind: 'account', accountId: localAdmin.account.accountId },
      });

      const history = await http()
        .get(`/accounts/${accountId}/history`)
        .set(localAdminHeaders)
        .expect(200);
      const entries = (history.body as { items: { action: string; by: string }[] }).items;
      expect(entries.map((entry) => entry.action)).toEqual([
        'created',
        'deactivated',
        'reactivated',
      ]);
      expect(entries[1]?.by).toBe(localAdmin.account.accountId);
    });

    it('should reset a unit operator password to a new first password, shown once and recorded', async () => {
      const { operator, localAdminHeaders } = await institutionWithStaff();
      const reset = await http()
        .post(`/accounts/${operator.account.accountId}/password-reset`)
        .set(localAdminHeaders)
        .expect(200);
      const body = reset.body as Provisioned;
      expect(body.initialPassword).toHaveLength(20);
      expect(body.initialPassword).not.toBe(operator.initialPassword);
      expect(body.account.mustChangePassword).toBe(true);
      const history = await http()
        .get(`/accounts/${operator.account.accountId}/history`)
        .set(national)
        .expect(200);
      expect((history.body as { items: { action: string }[] }).items.at(-1)?.action).toBe(
        'password-reset',
      );
      expectNoPasswordMaterial(rawEventsAbout(operator.account.accountId), body.initialPassword);
    });

    it('should grant a role to an existing account once, with its event', async () => {
      const { institutionId, operator } = await institutionWithStaff();
      const accountId = operator.account.accountId;
      const granted = await http()
        .post(`/accounts/${accountId}/roles`)
        .set(national)
        .send({ role: 'local_admin' })
        .expect(200);
      expect((granted.body as AccountBody).roles).toEqual(['unit_operator', 'local_admin']);
      const again = await http()
        .post(`/accounts/${accountId}/roles`)
        .set(national)
        .send({ role: 'local_admin' })
        .expect(409);
      expect(again.body).toMatchObject({ error: { code: 'ROLE_ALREADY_GRANTED' } });
      await eventually(() =>
        expect(eventsOf(AccountRoleGrantedV1, (p) => p.accountId === accountId)).toHaveLength(1),
      );
      expect(
        eventsOf(AccountRoleGrantedV1, (p) => p.accountId === accountId)[0]?.payload,
      ).toMatchObject({
        role: 'local_admin',
        institutionId,
        email: operator.account.email,
        locale: 'en',
        reviewerProfile: null,
      });

      const profile = {
        affiliation: 'Universitas Hasanuddin',
        homeProvinceCode: '73',
        pastEngagementInstitutionIds: [institutionId],
        declaredConflictInstitutionIds: [],
        expertiseCategoryIds: ['health'],
      };
      await http()
        .post(`/accounts/${accountId}/roles`)
        .set(national)
        .send({ role: 'evaluator', reviewerProfile: profile })
        .expect(200);
      await eventually(() =>
        expect(
          eventsOf(
            AccountRoleGrantedV1,
            (p) => p.accountId === accountId && p.role === 'evaluator',
          ),
        ).toHaveLength(1),
      );
      expect(
        eventsOf(
          AccountRoleGrantedV1,
          (p) => p.role === 'evaluator' && p.accountId === accountId,
        )[0]?.payload.reviewerProfile,
      ).toEqual(profile);
    });
  });

  describe('local-admin requests', () => {
    const letterCount = () => connection.collection('appointment_letters.files').countDocuments();

    function submit(institutionId: string, userId: string, file: Buffer, filename: string) {
      return http()
        .post('/local-admin-requests')
        .field('institutionId', institutionId)
        .field('candidateName', 'Dewi Lestari')
        .field('candidateEmail', `${userId}@example.go.id`)
        .field('candidateUserId', userId)
        .field('locale', 'id')
        .attach('letter', file, { filename, contentType: 'application/pdf' });
    }

    it('should refuse a letter that is not a PDF, whatever its name, and store nothing', async () => {
      const institutionId = await registerInstitution();
      const before = await letterCount();
      const userId = uniqueName('dewi');
      const response = await submit(institutionId, userId, PNG, 'surat-penunjukan.pdf').expect(400);
      expect(response.body).toMatchObject({ error: { code: 'LETTER_NOT_PDF' } });
      expect(await letterCount()).toBe(before);
      const pending = await http()
        .get('/local-admin-requests')
        .query({ status: 'pending' })
        .set(national)
        .expect(200);
      expect(JSON.stringify(pending.body)).not.toContain(userId);
    });

    it('should approve a request into a local admin who can then create a unit operator', async () => {
      const institutionId = await registerInstitution();
      const userId = uniqueName('dewi');
      const submitted = await submit(institutionId, userId, PDF, 'surat.pdf').expect(201);
      const requestId = (submitted.body as { requestId: string }).requestId;
      expect(submitted.body).toMatchObject({
        status: 'pending',
        letter: { sizeBytes: PDF.length },
      });

      const pending = await http()
        .get('/local-admin-requests')
        .query({ status: 'pending' })
        .set(national)
        .expect(200);
      expect(
        (pending.body as { items: { requestId: string }[] }).items.map((item) => item.requestId),
      ).toContain(requestId);

      const letter = await http()
        .get(`/local-admin-requests/${requestId}/letter`)
        .set(national)
        .buffer(true)
        .parse((res, callback) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => callback(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(letter.headers['content-type']).toBe('application/pdf');
      expect(Buffer.compare(letter.body as Buffer, PDF)).toBe(0);

      const decided = await http()
        .post(`/local-admin-requests/${requestId}/decision`)
        .set(national)
        .send({ decision: 'approved' })
        .expect(200);
      const decision = decided.body as {
        request: { status: string };
        account: AccountBody;
        initialPassword: string;
      };
      expect(decision.request.status).toBe('approved');
      expect(decision.account).toMatchObject({
        userId,
        roles: ['local_admin'],
        institutionId,
        mustChangePassword: true,
      });
      expect(decision.initialPassword).toHaveLength(20);

      const twice = await http()
        .post(`/local-admin-requests/${requestId}/decision`)
        .set(national)
        .send({ decision: 'rejected', reason: 'changed my mind' })
        .expect(409);
      expect(twice.body).toMatchObject({ error: { code: 'REQUEST_ALREADY_DECIDED' } });

      await eventually(() => {
        expect(eventsOf(LocalAdminRequestDecidedV1, (p) => p.requestId === requestId)).toHaveLength(
          1,
        );
        expect(
          eventsOf(AccountCreatedV1, (p) => p.accountId === decision.account.accountId),
        ).toHaveLength(1);
      });
      expect(
        eventsOf(LocalAdminRequestDecidedV1, (p) => p.requestId === requestId)[0]?.payload,
      ).toMatchObject({
        decision: 'approved',
        accountId: decision.account.accountId,
        institutionId,
      });
      expectNoPasswordMaterial(
        rawEventsAbout(decision.account.accountId),
        decision.initialPassword,
      );

      const newLocalAdmin = await service.issuer.headers(['local_admin'], {
        accountId: decision.account.accountId,
        institutionId,
      });
      const unitId = await createUnit(newLocalAdmin, institutionId, 'Dinas Kependudukan');
      const operator = await createAccount(newLocalAdmin, {
        role: 'unit_operator',
        userId: uniqueName('upp'),
        name: 'Operator',
        email: 'operator@example.go.id',
        institutionId,
        unitId,
      });
      expect(operator.account).toMatchObject({ institutionId, unitId });
    });

    it('should require a reason to reject, and record the rejection', async () => {
      const institutionId = await registerInstitution();
      const submitted = await submit(institutionId, uniqueName('eko'), PDF, 'surat.pdf').expect(
        201,
      );
      const requestId = (submitted.body as { requestId: string }).requestId;

      const withoutReason = await http()
        .post(`/local-admin-requests/${requestId}/decision`)
        .set(national)
        .send({ decision: 'rejected' })
        .expect(400);
      expect(withoutReason.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });

      await http()
        .post(`/local-admin-requests/${requestId}/decision`)
        .set(national)
        .send({ decision: 'rejected', reason: 'Surat belum ditandatangani kepala daerah' })
        .expect(200);
      await eventually(() =>
        expect(eventsOf(LocalAdminRequestDecidedV1, (p) => p.requestId === requestId)).toHaveLength(
          1,
        ),
      );
      expect(
        eventsOf(LocalAdminRequestDecidedV1, (p) => p.requestId === requestId)[0]?.payload,
      ).toMatchObject({ decision: 'rejected', accountId: null });
    });
  });

  describe('evaluator import', () => {
    const header =
      'userId,name,email,locale,affiliation,homeProvinceCode,expertiseCategoryIds,role';

    it('should import nothing and report each bad row when any row is bad', async () => {
      const good = uniqueName('te');
      const csv = [
        header,
        `${good},Prof. Sari,sari@ugm.ac.id,id,Universitas Gadjah Mada,34,health;governance,evaluator`,
        `${uniqueName('te')},Dr. Bayu,not-an-email,id,ITB,32,health,evaluator`,
        `${uniqueName('te')},Dr. Wati,wati@unair.ac.id,id,Universitas Airlangga,35,health,judge`,
      ].join('\n');
      const response = await http()
        .post('/accounts/evaluator-imports')
        .set(national)
        .send({ csv })
        .expect(422);
      const body = response.body as {
        error: { code: string; details: { issues: { row: number; field: string }[] } };
      };
      expect(body.error.code).toBe('IMPORT_INVALID');
      expect(body.error.details.issues).toEqual([
        expect.objectContaining({ row: 3, field: 'email' }),
        expect.objectContaining({ row: 4, field: 'role' }),
      ]);
      const listed = await http().get('/accounts').query({ q: good }).set(national).expect(200);
      expect((listed.body as { total: number }).total).toBe(0);
    });

    it('should report a bad row, not refuse the body, when the file is larger than 1 MB', async () => {
      const rows = [header, `${uniqueName('te')},Dr. Bayu,not-an-email,id,ITB,32,health,evaluator`];
      // Blank lines are skipped, so they make the file 1.5 MB without adding rows.
      const csv = `${rows.join('\n')}${'\n'.repeat(1_500_000)}`;
      const response = await http()
        .post('/accounts/evaluator-imports')
        .set(national)
        .send({ csv })
        .expect(422);
      expect(response.body).toMatchObject({
        error: { code: 'IMPORT_INVALID', details: { issues: [{ row: 2, field: 'email' }] } },
      });
    });

    it('should import every row in one go, each with its event and a first password', async () => {
      const userIds = [uniqueName('te'), uniqueName('tpi')];
      const csv = [
        header,
        `${userIds[0]},Prof. Sari,sari@ugm.ac.id,id,Universitas Gadjah Mada,34,health;governance,evaluator`,
        `${userIds[1]},"Dr. Bayu, M.Sc.",bayu@itb.ac.id,en,ITB,,health,panelist`,
      ].join('\r\n');
      const started = await http()
        .post('/accounts/evaluator-imports')
        .set(national)
        .send({ csv })
        .expect(202);
      expect(started.body).toMatchObject({ status: 'applying', total: 2, processed: 0 });
      const { importId } = started.body as { importId: string };
      type Imported = {
        imported: number;
        accounts: { row: number; accountId: string; userId: string; initialPassword?: string }[];
      };
      const readJob = async () =>
        (await http().get(`/imports/${importId}`).set(national).expect(200)).body as {
          status: string;
          processed: number;
          result?: Imported;
        };
      const done = await eventually(async () => {
        const job = await readJob();
        expect(job.status).toBe('done');
        return job;
      });
      expect(done.processed).toBe(2);
      const body = done.result as Imported;
      expect(body.imported).toBe(2);
      expect(body.accounts.every((a) => typeof a.initialPassword === 'string')).toBe(true);
      // Shown once: the next read has the accounts, not their passwords.
      const again = await readJob();
      expect(again.result?.accounts.map((a) => a.userId)).toEqual(userIds);
      expect(JSON.stringify(again)).not.toContain('initialPassword');
      expect(body.accounts.map((a) => a.userId)).toEqual(userIds);

      await eventually(() => {
        for (const account of body.accounts) {
          expect(eventsOf(AccountCreatedV1, (p) => p.accountId === account.accountId)).toHaveLength(
            1,
          );
        }
      });
      const panelist = eventsOf(
        AccountCreatedV1,
        (p) => p.accountId === body.accounts[1]?.accountId,
      );
      expect(panelist[0]?.payload).toMatchObject({
        roles: ['panelist'],
        locale: 'en',
        name: 'Dr. Bayu, M.Sc.',
        reviewerProfile: { affiliation: 'ITB', homeProvinceCode: null },
      });
      const evaluator = eventsOf(
        AccountCreatedV1,
        (p) => p.accountId === body.accounts[0]?.accountId,
      );
      expect(evaluator[0]?.payload.reviewerProfile).toEqual({
        affiliation: 'Universitas Gadjah Mada',
        homeProvinceCode: '34',
        pastEngagementInstitutionIds: [],
        declaredConflictInstitutionIds: [],
        expertiseCategoryIds: ['health', 'governance'],
      });
      for (const account of body.accounts) {
        expectNoPasswordMaterial(
          rawEventsAbout(account.accountId),
          String(account.initialPassword),
        );
      }

      const repeated = await http()
        .post('/accounts/evaluator-imports')
        .set(national)
        .send({ csv })
        .expect(422);
      expect(JSON.stringify(repeated.body)).toContain('the user id is taken');
    });
  });
});
