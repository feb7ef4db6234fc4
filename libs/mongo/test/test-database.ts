import { randomBytes } from 'node:crypto';

/** The database under test; `npm test` points it at the local infrastructure. */
export const mongoUri = process.env.MONGO_URI ?? 'mongodb://127.0.0.1:27117/?directConnection=true';

/** A database name of its own for one test file, so files can run side by side. */
export function uniqueDbName(purpose: string): string {
  return `test_mongo_${purpose}_${randomBytes(4).toString('hex')}`;
}
