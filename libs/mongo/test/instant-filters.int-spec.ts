import { MongoClient, type Collection } from 'mongodb';
import { unsetOrAtMost, unsetOrBefore } from '../src';
import { mongoUri, uniqueDbName } from './test-database';

interface Stamped {
  _id: string;
  at?: Date | null;
}

describe('instant filters on the real database', () => {
  const dbName = uniqueDbName('instant_filters');
  let client: MongoClient;
  let stamped: Collection<Stamped>;
  const pivot = new Date('2027-06-01T00:00:00.000Z');
  const documents: Stamped[] = [
    { _id: 'missing' },
    { _id: 'null', at: null },
    { _id: 'before', at: new Date(pivot.getTime() - 1) },
    { _id: 'equal', at: pivot },
    { _id: 'after', at: new Date(pivot.getTime() + 1) },
  ];

  beforeAll(async () => {
    client = await MongoClient.connect(mongoUri, { serverSelectionTimeoutMS: 5000 });
    const db = client.db(dbName);
    await db.createCollection('stamped');
    stamped = db.collection<Stamped>('stamped');
    await stamped.insertMany(documents);
  });

  afterAll(async () => {
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  const ids = async (filter: object) =>
    (await stamped.find(filter).toArray()).map((document) => document._id).sort();

  it('should match unset and earlier instants, as the $or of null and $lt did', async () => {
    expect(await ids({ at: unsetOrBefore(pivot) })).toEqual(['before', 'missing', 'null']);
    expect(await ids({ $or: [{ at: null }, { at: { $lt: pivot } }] })).toEqual(
      await ids({ at: unsetOrBefore(pivot) }),
    );
  });

  it('should match unset, earlier and equal instants, as the $or of null and $lte did', async () => {
    expect(await ids({ at: unsetOrAtMost(pivot) })).toEqual(['before', 'equal', 'missing', 'null']);
    expect(await ids({ $or: [{ at: null }, { at: { $lte: pivot } }] })).toEqual(
      await ids({ at: unsetOrAtMost(pivot) }),
    );
  });

  it('should update one document by its id only when the condition holds', async () => {
    const later = new Date(pivot.getTime() + 60_000);
    const fresh = await stamped.updateOne(
      { _id: 'before', at: unsetOrBefore(pivot) },
      { $set: { at: later } },
    );
    const stale = await stamped.updateOne(
      { _id: 'after', at: unsetOrBefore(pivot) },
      { $set: { at: later } },
    );
    expect([fresh.modifiedCount, stale.modifiedCount]).toEqual([1, 0]);
  });
});
