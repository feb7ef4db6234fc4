import { InstitutionRegisteredV1 } from '@kipp/contracts';
import { OutboxNotifier, type PendingEvent } from '@kipp/messaging';
import type { InstitutionRepository, NewInstitution } from '../institution.repository';
import type { Institution } from '../institution.schema';
import {
  registerInstitutionSchema,
  RegisterInstitutionUseCase,
} from './register-institution.use-case';
import { authenticatedUser } from '@kipp/testing';

class InMemoryInstitutions {
  readonly stored: { institution: NewInstitution; events: readonly PendingEvent[] }[] = [];

  insert(institution: NewInstitution, events: readonly PendingEvent[]): Promise<Institution> {
    this.stored.push({ institution, events });
    const now = new Date();
    return Promise.resolve({ ...institution, outbox: [...events], createdAt: now, updatedAt: now });
  }
}

const admin = authenticatedUser(['national_admin'], { accountId: 'acct_admin' });

describe('RegisterInstitutionUseCase', () => {
  it('should store the institution with its registered event in the same write, and wake the relay', async () => {
    const institutions = new InMemoryInstitutions();
    const notifier = new OutboxNotifier();
    const nudge = jest.fn();
    notifier.attach(nudge);
    const useCase = new RegisterInstitutionUseCase(
      institutions as unknown as InstitutionRepository,
      notifier,
    );
    const input = registerInstitutionSchema.parse({
      code: '91.71',
      name: 'Pemerintah Kota Jayapura',
      type: 'city',
      provinceCode: '91',
      disadvantaged: true,
    });

    const institution = await useCase.execute(input, admin);

    expect(institutions.stored).toHaveLength(1);
    const [{ events } = { events: [] }] = institutions.stored;
    expect(events).toHaveLength(1);
    const envelope = JSON.parse(events[0]!.value) as { payload: unknown };
    expect(events[0]).toMatchObject({ topic: InstitutionRegisteredV1.topic, key: institution._id });
    expect(envelope.payload).toMatchObject({
      institutionId: institution._id,
      code: '91.71',
      type: 'city',
      provinceCode: '91',
      disadvantaged: true,
    });
    expect(institution.registeredBy).toBe('acct_admin');
    expect(nudge).toHaveBeenCalledTimes(1);
  });

  it('should default an institution to no province and not disadvantaged', () => {
    expect(
      registerInstitutionSchema.parse({
        code: 'KEMENKES',
        name: 'Kementerian Kesehatan',
        type: 'ministry',
      }),
    ).toEqual({
      code: 'KEMENKES',
      name: 'Kementerian Kesehatan',
      type: 'ministry',
      provinceCode: null,
      disadvantaged: false,
    });
  });

  it('should refuse fields it does not know', () => {
    expect(
      registerInstitutionSchema.safeParse({
        code: 'X1',
        name: 'Kementerian X',
        type: 'ministry',
        quota: 9,
      }).success,
    ).toBe(false);
  });
});
