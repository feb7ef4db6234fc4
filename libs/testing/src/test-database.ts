import mongoose, { type Connection } from 'mongoose';
import { testInfrastructure, uniqueName } from './infrastructure';

export interface TestDatabase {
  readonly name: string;
  readonly uri: string;
  readonly connection: Connection;
  /** Drops the database and closes the connection. */
  dispose(): Promise<void>;
}

/** A fresh database on the local MongoDB-protocol server, unique to the caller. */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const name = uniqueName(prefix);
  const connection = await mongoose
    .createConnection(testInfrastructure.mongoUri, {
      dbName: name,
      serverSelectionTimeoutMS: 10_000,
    })
    .asPromise();
  return {
    name,
    uri: testInfrastructure.mongoUri,
    connection,
    async dispose() {
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
    },
  };
}
