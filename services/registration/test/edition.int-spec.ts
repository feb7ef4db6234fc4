import {
  EditionPhaseChangedV1,
  EditionPublishedV1,
  EditionUpdatedV1,
  editionConfigurationExample,
  RUBRIC_GUIDANCE_MAX_LENGTH,
  type EditionConfiguration,
} from '@kipp/contracts';
import type { Role } from '@kipp/auth';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { eventually, TopicReader } from '@kipp/testing';
import { startRegistrationApp, type RegistrationTestApp } from './registration-test-app';

type Settings = Omit<EditionConfiguration, 'editionId'>;
type Calendar = Settings['calendar'];

interface EditionBody {
  editionId: string;
  status: 'draft' | 'published';
  revision: number;
  currentPhase: string | null;
  configuration: EditionConfiguration;
  history?: { by: unknown; action: string; phase?: string; reason?: string }[];
}

interface Envelope<P> {
  payload: P;
}

const DAY = 24 * 60 * 60 * 1000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/** A calendar far enough ahead that the scheduler leaves the edition alone. */
function futureCalendar(year: number): Calendar {
  return [
    {
      phase: 'registration',
      startsAt: `${year}-01-06T01:00:00.000Z`,
      endsAt: `${year}-02-01T01:00:00.000Z`,
    },
    {
      phase: 'submission',
      startsAt: `${year}-02-01T01:00:00.000Z`,
      endsAt: `${year}-03-31T16:59:59.000Z`,
    },
  ];
}

function settings(year: number, calendar: Calendar = futureCalendar(year)): Settings {
  const { editionId: _ignored, ...example } = structuredClone(editionConfigurationExample);
  return { ...example, name: `KIPP ${year}`, year, calendar };
}

describe('editions', () => {
  let service: RegistrationTestApp;
  let reader: TopicReader;
  let admin: Record<string, string>;

  beforeAll(async () => {
    service = await startRegistrationApp({ env: { PHASE_SCHEDULER_INTERVAL_MS: '200' } });
    reader = await TopicReader.start([
      service.topics.topicOf(EditionPublishedV1),
      service.topics.topicOf(EditionUpdatedV1),
      service.topics.topicOf(EditionPhaseChangedV1),
    ]);
    admin = await service.issuer.headers(['national_admin'], { accountId: 'acct_secretariat' });
  });

  afterAll(async () => {
    await reader.stop();
    await service.close();
  });

  const eventsOf = <P extends object>(descriptor: { topic: string }, editionId: string): P[] =>
    reader
      .on(service.topics.topicOf(descriptor))
      .filter((message) => message.key === editionId)
      .map((message) => (JSON.parse(message.value ?? '{}') as Envelope<P>).payload);

  const createDraft = async (body: object): Promise<EditionBody> => {
    const response = await service.http().post('/editions').set(admin).send(body).expect(201);
    return response.body as EditionBody;
  };

  const publish = async (editionId: string): Promise<EditionBody> => {
    const response = await service
      .http()
      .post(`/editions/${editionId}/publication`)
      .set(admin)
      .expect(200);
    return response.body as EditionBody;
  };

  it('should publish an edition with its full configuration, then its changes with the next revision', async () => {
    const draft = await createDraft(settings(2031));
    expect(draft).toMatchObject({ status: 'draft', revision: 0, currentPhase: null });
    expect(eventsOf(EditionPublishedV1, draft.editionId)).toHaveLength(0);

    // The example's desk criteria carry guidance and its panel criterion none: both are kept.
    const [novelty] = editionConfigurationExample.rubric.criteria;
    expect(novelty?.guidance).toBeDefined();
    expect(editionConfigurationExample.panelRubric.criteria[0]?.guidance).toBeUndefined();
    const stored = await service.http().get(`/editions/${draft.editionId}`).set(admin).expect(200);
    const storedRubric = (stored.body as EditionBody).configuration.rubric;
    expect(storedRubric.criteria[0]?.guidance).toEqual(novelty?.guidance);

    const published = await publish(draft.editionId);
    expect(published).toMatchObject({ status: 'published', revision: 1 });
    await eventually(() => expect(eventsOf(EditionPublishedV1, draft.editionId)).toHaveLength(1));
    expect(eventsOf(EditionPublishedV1, draft.editionId)[0]).toMatchObject({
      revision: 1,
      edition: { ...settings(2031), editionId: draft.editionId },
      publishedBy: { kind: 'account', accountId: 'acct_secretariat' },
    });

    const updated = await service
      .http()
      .put(`/editions/${draft.editionId}`)
      .set(admin)
      .send({ ...settings(2031), passingGrade: 80, expectedRevision: 1 })
      .expect(200);
    expect(updated.body).toMatchObject({ revision: 2, configuration: { passingGrade: 80 } });
    await eventually(() => expect(eventsOf(EditionUpdatedV1, draft.editionId)).toHaveLength(1));
    expect(eventsOf(EditionUpdatedV1, draft.editionId)[0]).toMatchObject({
      revision: 2,
      changed: ['passingGrade'],
      edition: {
        editionId: draft.editionId,
        passingGrade: 80,
        categories: settings(2031).categories,
      },
    });

    const stale = await service
      .http()
      .put(`/editions/${draft.editionId}`)
      .set(admin)
      .send({ ...settings(2031), passingGrade: 75, expectedRevision: 1 })
      .expect(409);
    expect(stale.body).toMatchObject({
      error: { code: 'EDITION_REVISION_CONFLICT', details: { currentRevision: 2 } },
    });

    const history = await service.http().get(`/editions/${draft.editionId}`).set(admin).expect(200);
    expect((history.body as EditionBody).history?.map((entry) => entry.action)).toEqual([
      'created',
      'published',
      'updated',
    ]);
    expect(eventsOf(EditionUpdatedV1, draft.editionId)).toHaveLength(1);
  });

  it('should clone an edition into a new draft with its calendar moved to the new year', async () => {
    const source = await createDraft(settings(2032));

    const clone = await createDraft({ cloneFrom: source.editionId, name: 'KIPP 2033', year: 2033 });

    expect(clone.editionId).not.toBe(source.editionId);
    expect(clone).toMatchObject({ status: 'draft', revision: 0 });
    expect(clone.configuration).toEqual({
      ...settings(2032),
      editionId: clone.editionId,
      name: 'KIPP 2033',
      year: 2033,
      calendar: futureCalendar(2033),
    });

    const again = await service
      .http()
      .post('/editions')
      .set(admin)
      .send({ cloneFrom: source.editionId, name: 'KIPP 2033 bis', year: 2033 })
      .expect(409);
    expect(again.body).toMatchObject({ error: { code: 'EDITION_YEAR_TAKEN' } });
  });

  it('should list every broken rule with its path when an edition is invalid, and store nothing', async () => {
    const invalid = settings(2034);
    invalid.calendar = [...futureCalendar(2034)].reverse();
    invalid.groups[0]!.quotaPerInstitution = -2;
    invalid.rubric.criteria[1]!.weight = 10;

    const response = await service.http().post('/editions').set(admin).send(invalid).expect(400);

    const error = (
      response.body as {
        error: { code: string; details: { issues: { path: string; code: string }[] } };
      }
    ).error;
    expect(error.code).toBe('EDITION_INVALID');
    expect(error.details.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'calendar.1.phase', code: 'PHASE_OUT_OF_ORDER' }),
        expect.objectContaining({ path: 'groups.0.quotaPerInstitution', code: 'NEGATIVE_QUOTA' }),
        expect.objectContaining({ path: 'rubric.criteria', code: 'WEIGHTS_NOT_100' }),
      ]),
    );
    const list = await service.http().get('/editions?year=2034').set(admin).expect(200);
    expect((list.body as { editions: unknown[] }).editions).toHaveLength(0);
  });

  it('should refuse criterion guidance longer than its limit with the path of the text, and store nothing', async () => {
    const tooLong = settings(2045);
    const criterion = tooLong.panelRubric.criteria[0]!;
    criterion.guidance = {
      id: 'Paparan runtut dan didukung data.',
      en: 'x'.repeat(RUBRIC_GUIDANCE_MAX_LENGTH + 1),
    };

    const response = await service.http().post('/editions').set(admin).send(tooLong).expect(400);

    expect(response.body).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        details: { issues: [{ path: 'panelRubric.criteria.0.guidance.en' }] },
      },
    });
    const list = await service.http().get('/editions?year=2045').set(admin).expect(200);
    expect((list.body as { editions: unknown[] }).editions).toHaveLength(0);

    criterion.guidance.en = 'x'.repeat(RUBRIC_GUIDANCE_MAX_LENGTH);
    const accepted = await createDraft(tooLong);
    expect(accepted.configuration.panelRubric.criteria[0]?.guidance?.en).toHaveLength(
      RUBRIC_GUIDANCE_MAX_LENGTH,
    );
  });

  it('should refuse an edition without evaluation settings or with unknown invited institutions, and publish the settings with the edition', async () => {
    type Issues = {
      error: { code: string; details: { issues: { path: string; code: string }[] } };
    };
    const { evaluation: _omitted, ...withoutEvaluation } = settings(2050);
    const shape = await service
      .http()
      .post('/editions')
      .set(admin)
      .send(withoutEvaluation)
      .expect(400);
    expect((shape.body as Issues).error.code).toBe('VALIDATION_FAILED');

    const special = {
      ...settings(2050),
      groups: [
        ...settings(2050).groups,
        {
          groupId: 'special' as const,
          name: { id: 'Khusus', en: 'Special' },
          quotaPerInstitution: 1,
          eligibility: {
            invitationOnly: true,
            requiresSourceInnovation: false,
            maxPriorTop99: null,
            excludesPastWinners: false,
          },
          invitedInstitutionIds: ['inst_not_registered'],
        },
      ],
    };
    const unknown = await service.http().post('/editions').set(admin).send(special).expect(400);
    expect((unknown.body as Issues).error).toMatchObject({
      code: 'EDITION_INVALID',
      details: {
        issues: [{ path: 'groups.2.invitedInstitutionIds.0', code: 'INVITED_INSTITUTION_UNKNOWN' }],
      },
    });

    // A draft written before the evaluation settings existed cannot be published or cloned.
    const draft = await createDraft(settings(2050));
    const connection = service.app.get<Connection>(getConnectionToken());
    await connection
      .collection<{ _id: string }>('editions')
      .updateOne({ _id: draft.editionId }, { $unset: { 'settings.evaluation': '' } });
    const refused = await service
      .http()
      .post(`/editions/${draft.editionId}/publication`)
      .set(admin)
      .expect(400);
    expect((refused.body as Issues).error).toMatchObject({
      code: 'EDITION_INVALID',
      details: { issues: [{ path: 'evaluation', code: 'EVALUATION_SETTINGS_MISSING' }] },
    });
    const clone = await service
      .http()
      .post('/editions')
      .set(admin)
      .send({ cloneFrom: draft.editionId, name: 'KIPP 2051', year: 2051 })
      .expect(400);
    expect((clone.body as Issues).error.details.issues).toEqual([
      expect.objectContaining({ path: 'evaluation', code: 'EVALUATION_SETTINGS_MISSING' }),
    ]);

    const complete = await createDraft(settings(2052));
    await publish(complete.editionId);
    await eventually(() =>
      expect(eventsOf(EditionPublishedV1, complete.editionId)).toHaveLength(1),
    );
    expect(
      eventsOf<{ edition: EditionConfiguration }>(EditionPublishedV1, complete.editionId)[0]
        ?.edition.evaluation,
    ).toEqual(editionConfigurationExample.evaluation);
  });

  it('should take instants in WITA, store them in UTC and show the calendar in WIT', async () => {
    const draft = await createDraft(
      settings(2035, [
        {
          phase: 'registration',
          startsAt: '2035-01-06T09:00:00+08:00',
          endsAt: '2035-02-01T09:00:00+08:00',
        },
      ]),
    );
    expect(draft.configuration.calendar[0]).toEqual({
      phase: 'registration',
      startsAt: '2035-01-06T01:00:00.000Z',
      endsAt: '2035-02-01T01:00:00.000Z',
    });

    const calendar = await service
      .http()
      .get(`/editions/${draft.editionId}/calendar?zone=WIT`)
      .set(admin)
      .expect(200);
    expect(calendar.body).toEqual({
      editionId: draft.editionId,
      zone: 'WIT',
      offset: '+09:00',
      phases: [
        {
          phase: 'registration',
          startsAt: '2035-01-06T10:00:00.000+09:00',
          endsAt: '2035-02-01T10:00:00.000+09:00',
        },
      ],
    });
  });

  it('should let only the national admin create, edit, publish or move an edition', async () => {
    const draft = await createDraft(settings(2036));
    for (const role of ['local_admin', 'unit_operator', 'evaluator', 'panelist'] as Role[]) {
      const headers = await service.issuer.headers([role], {
        institutionId: 'inst_x',
        unitId: 'unit_x',
      });
      const attempts = [
        service.http().post('/editions').set(headers).send(settings(2037)),
        service.http().put(`/editions/${draft.editionId}`).set(headers).send(settings(2036)),
        service.http().post(`/editions/${draft.editionId}/publication`).set(headers),
        service
          .http()
          .post(`/editions/${draft.editionId}/phase`)
          .set(headers)
          .send({ phase: 'submission', reason: 'because' }),
      ];
      for (const response of await Promise.all(attempts)) {
        expect({ role, status: response.status }).toEqual({ role, status: 403 });
      }
    }
    const unchanged = await service
      .http()
      .get(`/editions/${draft.editionId}`)
      .set(admin)
      .expect(200);
    expect(unchanged.body).toMatchObject({ status: 'draft', revision: 0 });
  });

  it('should hide drafts from everyone but the national admin, and show published editions to all', async () => {
    const draft = await createDraft(settings(2038));
    const published = await createDraft(settings(2039));
    await publish(published.editionId);
    const localAdmin = await service.issuer.headers(['local_admin'], { institutionId: 'inst_y' });

    const hidden = await service
      .http()
      .get(`/editions/${draft.editionId}`)
      .set(localAdmin)
      .expect(404);
    expect(hidden.body).toMatchObject({ error: { code: 'EDITION_NOT_FOUND' } });
    const shown = await service
      .http()
      .get(`/editions/${published.editionId}`)
      .set(localAdmin)
      .expect(200);
    expect(shown.body).not.toHaveProperty('history');

    const theirs = await service.http().get('/editions').set(localAdmin).expect(200);
    const ids = (theirs.body as { editions: EditionBody[] }).editions.map((e) => e.editionId);
    expect(ids).toContain(published.editionId);
    expect(ids).not.toContain(draft.editionId);

    const mine = await service.http().get('/editions').set(admin).expect(200);
    expect((mine.body as { editions: EditionBody[] }).editions.map((e) => e.editionId)).toEqual(
      expect.arrayContaining([draft.editionId, published.editionId]),
    );
  });

  it('should show published editions and their calendar to anonymous visitors, and nothing of drafts', async () => {
    const draft = await createDraft(settings(2043));
    const published = await createDraft(settings(2044));
    await publish(published.editionId);

    const list = await service.http().get('/public/editions').expect(200);
    expect(list.headers['cache-control']).toBe('public, max-age=60');
    const editions = (list.body as { editions: EditionBody[] }).editions;
    const ids = editions.map((e) => e.editionId);
    expect(ids).toContain(published.editionId);
    expect(ids).not.toContain(draft.editionId);
    const years = editions.map((e) => e.configuration.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const draftsAsked = await service.http().get('/public/editions?status=draft').expect(200);
    expect((draftsAsked.body as { editions: EditionBody[] }).editions).toEqual([]);

    const one = await service.http().get(`/public/editions/${published.editionId}`).expect(200);
    expect(one.body).toMatchObject({
      editionId: published.editionId,
      status: 'published',
      configuration: { year: 2044, name: 'KIPP 2044' },
    });
    expect(one.body).not.toHaveProperty('history');
    const hidden = await service.http().get(`/public/editions/${draft.editionId}`).expect(404);
    expect(hidden.body).toMatchObject({ error: { code: 'EDITION_NOT_FOUND' } });

    const calendar = await service
      .http()
      .get(`/public/editions/${published.editionId}/calendar?zone=WIT`)
      .expect(200);
    expect(calendar.body).toMatchObject({ editionId: published.editionId, offset: '+09:00' });
    const phases = (calendar.body as { phases: { startsAt: string }[] }).phases;
    expect(phases).toHaveLength(published.configuration.calendar.length);
    expect(phases.every((phase) => phase.startsAt.endsWith('+09:00'))).toBe(true);
    const badZone = await service
      .http()
      .get(`/public/editions/${published.editionId}/calendar?zone=CET`)
      .expect(400);
    expect(badZone.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
  it('should change the phase once on schedule with two replicas running', async () => {
    const second = await service.startReplica();
    try {
      const draft = await createDraft(
        settings(2040, [
          { phase: 'registration', startsAt: at(3_000), endsAt: at(30 * DAY) },
          { phase: 'submission', startsAt: at(30 * DAY), endsAt: at(60 * DAY) },
        ]),
      );
      await publish(draft.editionId);

      await eventually(async () => {
        const edition = await second
          .http()
          .get(`/editions/${draft.editionId}`)
          .set(admin)
          .expect(200);
        expect((edition.body as EditionBody).currentPhase).toBe('registration');
      });
      await eventually(() =>
        expect(eventsOf(EditionPhaseChangedV1, draft.editionId)).toHaveLength(1),
      );
      // Both schedulers keep ticking; give them several more rounds to (wrongly) fire again.
      await new Promise((resolve) => setTimeout(resolve, 2_000));

      expect(eventsOf(EditionPhaseChangedV1, draft.editionId)).toEqual([
        expect.objectContaining({
          previousPhase: null,
          phase: 'registration',
          changedBy: { kind: 'system', process: 'phase-scheduler' },
        }),
      ]);
    } finally {
      await second.close();
    }
  });

  it('should move the phase by hand once, record who did it, and keep it against the calendar', async () => {
    const draft = await createDraft(
      settings(2041, [
        { phase: 'registration', startsAt: at(-DAY), endsAt: at(30 * DAY) },
        { phase: 'submission', startsAt: at(30 * DAY), endsAt: at(60 * DAY) },
      ]),
    );
    await publish(draft.editionId);
    await eventually(() =>
      expect(eventsOf(EditionPhaseChangedV1, draft.editionId)).toHaveLength(1),
    );

    const moved = await service
      .http()
      .post(`/editions/${draft.editionId}/phase`)
      .set(admin)
      .send({ phase: 'submission', reason: 'submission opened early by decree' })
      .expect(200);
    expect(moved.body).toMatchObject({ currentPhase: 'submission' });

    await eventually(() =>
      expect(eventsOf(EditionPhaseChangedV1, draft.editionId)).toHaveLength(2),
    );
    // The calendar still says registration; the scheduler must not undo the admin's move.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = await service.http().get(`/editions/${draft.editionId}`).set(admin).expect(200);
    const edition = after.body as EditionBody;
    expect(edition.currentPhase).toBe('submission');
    expect(edition.history?.at(-1)).toMatchObject({
      by: { kind: 'account', accountId: 'acct_secretariat' },
      action: 'phase-changed',
      phase: 'submission',
      reason: 'submission opened early by decree',
    });
    expect(eventsOf(EditionPhaseChangedV1, draft.editionId)).toEqual([
      expect.objectContaining({ phase: 'registration' }),
      expect.objectContaining({
        previousPhase: 'registration',
        phase: 'submission',
        changedBy: { kind: 'account', accountId: 'acct_secretariat' },
      }),
    ]);
  });
});
