import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import mongoose, { type Connection } from 'mongoose';
import { isDuplicateKeyError, isTransientMongoError, schemaOptions } from '../src';
import { mongoUri, uniqueDbName } from './test-database';

@Schema(schemaOptions('processed_events'))
class ProcessedEvent {
  // An event is handled at most once: a second insert of its id is the duplicate.
  @Prop({ required: true, unique: true })
  eventId!: string;
}
const processedEventSchema = SchemaFactory.createForClass(ProcessedEvent);

// Nothing listens on port 1, so server selection fails once its timeout runs out.
const UNREACHABLE_URI = 'mongodb://127.0.0.1:1/?directConnection=true';

describe('isTransientMongoError against real failures', () => {
  it('should be true when the driver cannot select a server', async () => {
    const client = new mongoose.mongo.MongoClient(UNREACHABLE_URI, {
      serverSelectionTimeoutMS: 300,
    });
    const error: unknown = await client
      .db('admin')
      .command({ ping: 1 })
      .catch((rejection: unknown) => rejection);
    await client.close();

    expect(error).toBeInstanceOf(mongoose.mongo.MongoServerSelectionError);
    expect(isTransientMongoError(error)).toBe(true);
    expect(isDuplicateKeyError(error)).toBe(false);
  });

  it('should be true when mongoose cannot connect', async () => {
    const connection = mongoose.createConnection(UNREACHABLE_URI, {
      serverSelectionTimeoutMS: 300,
    });
    const error: unknown = await connection.asPromise().catch((rejection: unknown) => rejection);
    await connection.close();

    expect(error).toBeInstanceOf(mongoose.Error.MongooseServerSelectionError);
    expect(isTransientMongoError(error)).toBe(true);
  });

  describe('on a reachable database', () => {
    const dbName = uniqueDbName('errors');
    let connection: Connection;

    beforeAll(async () => {
      connection = await mongoose
        .createConnection(mongoUri, { dbName, serverSelectionTimeoutMS: 5000 })
        .asPromise();
    });

    afterAll(async () => {
      await connection.dropDatabase();
      await connection.close();
    });

    it('should be false for a duplicate key error', async () => {
      const events = connection.model(ProcessedEvent.name, processedEventSchema);
      await events.init();
      await events.create({ eventId: 'evt-1' });

      const error: unknown = await events
        .create({ eventId: 'evt-1' })
        .catch((rejection: unknown) => rejection);

      expect(isDuplicateKeyError(error)).toBe(true);
      expect(isTransientMongoError(error)).toBe(false);
    });
  });
});
