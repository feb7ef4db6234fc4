import mongoose, { Schema, type Connection } from 'mongoose';
import { isDuplicateKeyError } from '../src';
import { mongoUri, uniqueDbName } from './test-database';

interface Account {
  email: string;
}

describe('collectionReadyPlugin', () => {
  const dbName = uniqueDbName('collection_ready');
  let connection: Connection;
  const commands: string[] = [];

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(mongoUri, {
        dbName,
        serverSelectionTimeoutMS: 5000,
        autoCreate: true,
        monitorCommands: true,
      })
      .asPromise();
    const client = connection.getClient();
    client.on('commandStarted', (event) => {
      if (event.databaseName === dbName) commands.push(`${event.commandName} started`);
    });
    client.on('commandSucceeded', (event) => {
      commands.push(`${event.commandName} succeeded`);
    });
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('should hold the first writes of a new model until its collection and unique index exist', async () => {
    const schema = new Schema<Account>({ email: { type: String, required: true, unique: true } });
    // Compiling the model starts creating its collection and index; nothing awaits that here.
    const accounts = connection.model<Account>('Account', schema, 'accounts');

    const outcomes = await Promise.allSettled([
      accounts.create({ email: 'operator@dinkes.go.id' }),
      accounts.insertMany([{ email: 'operator@dinkes.go.id' }]),
      accounts.updateOne(
        { email: 'other@dinkes.go.id' },
        { $set: { email: 'operator@dinkes.go.id' } },
        { upsert: true },
      ),
    ]);

    const indexBuilt = commands.indexOf('createIndexes succeeded');
    const firstWrite = commands.findIndex((c) => c === 'insert started' || c === 'update started');
    expect(indexBuilt).toBeGreaterThanOrEqual(0);
    expect(firstWrite).toBeGreaterThan(indexBuilt);
    expect(commands.indexOf('create succeeded')).toBeLessThan(indexBuilt);

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(isDuplicateKeyError(outcome.reason)).toBe(true);
    }
    expect(await accounts.countDocuments({ email: 'operator@dinkes.go.id' })).toBe(1);
  });
});
