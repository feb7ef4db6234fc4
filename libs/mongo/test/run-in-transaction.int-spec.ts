import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import mongoose, { type Connection } from 'mongoose';
import { isTransientMongoError, runInTransaction, schemaOptions } from '../src';
import { mongoUri, uniqueDbName } from './test-database';

@Schema(schemaOptions('proposals'))
class Proposal {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  status!: string;
}

@Schema(schemaOptions('outbox_events'))
class OutboxEvent {
  @Prop({ required: true })
  type!: string;

  @Prop({ required: true })
  proposalId!: string;
}

function modelsOn(connection: Connection) {
  return {
    proposals: connection.model(Proposal.name, SchemaFactory.createForClass(Proposal)),
    outbox: connection.model(OutboxEvent.name, SchemaFactory.createForClass(OutboxEvent)),
  };
}

describe('runInTransaction', () => {
  const dbName = uniqueDbName('transaction');
  let connection: Connection;
  let proposals: ReturnType<typeof modelsOn>['proposals'];
  let outbox: ReturnType<typeof modelsOn>['outbox'];

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(mongoUri, { dbName, serverSelectionTimeoutMS: 5000 })
      .asPromise();
    ({ proposals, outbox } = modelsOn(connection));
    // Models create their collections at start-up, so no transaction has to create one.
    await Promise.all([proposals.init(), outbox.init()]);
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  beforeEach(async () => {
    await Promise.all([proposals.deleteMany({}), outbox.deleteMany({})]);
  });

  it('should commit both writes and return the result of fn', async () => {
    const result = await runInTransaction(connection, async (session) => {
      await proposals.create([{ _id: 'p-1', status: 'submitted' }], { session });
      await outbox.create([{ type: 'proposal.submitted', proposalId: 'p-1' }], { session });
      return 'p-1';
    });

    expect(result).toBe('p-1');
    expect(await proposals.countDocuments({ _id: 'p-1' })).toBe(1);
    expect(await outbox.countDocuments({ proposalId: 'p-1' })).toBe(1);
  });

  it('should roll back both writes and rethrow when fn throws', async () => {
    const failure = new Error('quota exceeded');

    await expect(
      runInTransaction(connection, async (session) => {
        await proposals.create([{ _id: 'p-2', status: 'submitted' }], { session });
        await outbox.create([{ type: 'proposal.submitted', proposalId: 'p-2' }], { session });
        throw failure;
      }),
    ).rejects.toBe(failure);

    expect(await proposals.countDocuments({ _id: 'p-2' })).toBe(0);
    expect(await outbox.countDocuments({ proposalId: 'p-2' })).toBe(0);
  });

  it('should hide uncommitted writes from readers outside the transaction', async () => {
    await runInTransaction(connection, async (session) => {
      await proposals.create([{ _id: 'p-3', status: 'draft' }], { session });
      expect(await proposals.countDocuments({ _id: 'p-3' }).session(session)).toBe(1);
      expect(await proposals.countDocuments({ _id: 'p-3' })).toBe(0);
    });
    expect(await proposals.countDocuments({ _id: 'p-3' })).toBe(1);
  });

  it('should run fn again when a concurrent transaction causes a write conflict', async () => {
    await proposals.create({ _id: 'p-4', status: 'draft' });
    const competitor = await connection.startSession();
    competitor.startTransaction();
    await proposals.updateOne({ _id: 'p-4' }, { status: 'returned' }, { session: competitor });
    const competitorCommits = new Promise<void>((resolve, reject) => {
      setTimeout(() => {
        competitor.commitTransaction().then(resolve, reject);
      }, 200);
    });

    let attempts = 0;
    const conflicts: boolean[] = [];
    await runInTransaction(connection, async (session) => {
      attempts += 1;
      try {
        await proposals.updateOne({ _id: 'p-4' }, { status: 'forwarded' }, { session });
      } catch (error) {
        conflicts.push(isTransientMongoError(error));
        throw error;
      }
    });
    await competitorCommits;
    await competitor.endSession();

    expect(attempts).toBeGreaterThan(1);
    expect(conflicts.every(Boolean)).toBe(true);
    expect(await proposals.findById('p-4').lean()).toMatchObject({ status: 'forwarded' });
  });
});
