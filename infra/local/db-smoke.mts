// Smoke test of every database feature the services rely on, against MONGO_URI (default:
// the local one, mongodb://127.0.0.1:27117/?directConnection=true). Works the same on
// SecantusDB and on a real MongoDB replica set. Uses a throw-away database and drops it.
//
//   node infra/local/db-smoke.mts           # all checks but TTL (~seconds)
//   node infra/local/db-smoke.mts --ttl     # also wait for the TTL monitor (up to ~90 s)
//
// Prints a pass/fail table; exits 1 when a check fails. Indexes are created with the
// driver's three-argument createIndex(keys, indexOptions, commandOptions).
import { randomBytes } from 'node:crypto';
import { LOCAL_MONGO_URI } from './components.mts';
import { loadMongoDriver } from './mongo-driver.mts';
import type { mongo } from 'mongoose';

type Db = mongo.Db;
type MongoClient = mongo.MongoClient;

const args = new Set(process.argv.slice(2));
const withTtl = args.has('--ttl');
const uri = process.env.MONGO_URI || LOCAL_MONGO_URI;

const { MongoClient: Client, GridFSBucket, MongoServerError } = loadMongoDriver();

class CheckFailed extends Error {}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

function eq(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  assert(a === e, `${what}: expected ${e}, got ${a}`);
}

async function expectDuplicateKey(op: () => Promise<unknown>, what: string): Promise<void> {
  try {
    await op();
  } catch (err) {
    assert(
      err instanceof MongoServerError && err.code === 11000,
      `${what}: expected E11000, got ${String(err)}`,
    );
    return;
  }
  throw new CheckFailed(`${what}: duplicate was accepted`);
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckFailed(`${what}: timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------- checks

interface Check {
  name: string;
  /** Resolves with an optional detail string for the table; throws CheckFailed on failure. */
  run: (db: Db, client: MongoClient) => Promise<unknown>;
}

const checks: Check[] = [
  {
    name: 'hello / replica set',
    async run(db) {
      const hello = await db.admin().command({ hello: 1 });
      assert(hello.isWritablePrimary === true, 'not a writable primary');
      assert(
        typeof hello.setName === 'string',
        'no replica set name (transactions and change streams need one)',
      );
      return `setName=${hello.setName} maxWireVersion=${hello.maxWireVersion}`;
    },
  },
  {
    name: 'CRUD',
    async run(db) {
      const c = db.collection<{ _id?: unknown; name: string; n: number; tags?: string[] }>('crud');
      const one = await c.insertOne({ name: 'a', n: 1 });
      assert(one.acknowledged && one.insertedId, 'insertOne');
      const many = await c.insertMany([
        { name: 'b', n: 2 },
        { name: 'c', n: 3, tags: ['x', 'y'] },
        { name: 'd', n: 4 },
      ]);
      eq(many.insertedCount, 3, 'insertMany count');
      eq((await c.findOne({ name: 'c' }))?.tags, ['x', 'y'], 'findOne');
      eq(
        (
          await c
            .find({ n: { $gte: 2 } }, { projection: { _id: 0, name: 1 } })
            .sort({ n: -1 })
            .limit(2)
            .toArray()
        ).map((d) => d.name),
        ['d', 'c'],
        'find sort/limit/projection',
      );
      const upd = await c.updateOne({ name: 'a' }, { $set: { tags: ['z'] }, $inc: { n: 10 } });
      eq([upd.matchedCount, upd.modifiedCount], [1, 1], 'updateOne');
      const ups = await c.updateOne({ name: 'e' }, { $setOnInsert: { n: 5 } }, { upsert: true });
      assert(ups.upsertedId, 'upsert');
      const after = await c.findOneAndUpdate(
        { name: 'b' },
        { $inc: { n: 1 } },
        { returnDocument: 'after' },
      );
      eq(after?.n, 3, 'findOneAndUpdate returnDocument=after');
      await c.updateMany({ n: { $lt: 5 } }, { $push: { tags: 'low' } });
      eq(await c.countDocuments({ tags: 'low' }), 3, 'updateMany $push + countDocuments');
      const rep = await c.replaceOne({ name: 'd' }, { name: 'd', n: 40 });
      eq(rep.modifiedCount, 1, 'replaceOne');
      const bulk = await c.bulkWrite([
        { insertOne: { document: { name: 'f', n: 6 } } },
        { updateOne: { filter: { name: 'f' }, update: { $set: { n: 60 } } } },
        { deleteOne: { filter: { name: 'e' } } },
      ]);
      eq([bulk.insertedCount, bulk.modifiedCount, bulk.deletedCount], [1, 1, 1], 'bulkWrite');
      eq((await c.deleteMany({ n: { $gt: 30 } })).deletedCount, 2, 'deleteMany');
      eq((await c.deleteOne({ name: 'a' })).deletedCount, 1, 'deleteOne');
      eq(await c.countDocuments(), 2, 'final count');
      eq(await c.estimatedDocumentCount(), 2, 'estimatedDocumentCount');
    },
  },
  {
    name: 'unique index',
    async run(db) {
      const c = db.collection('uniq');
      await c.createIndex({ email: 1 }, { unique: true, name: 'email_unique' }, undefined);
      await c.insertOne({ email: 'a@example.org' });
      await expectDuplicateKey(() => c.insertOne({ email: 'a@example.org' }), 'insert duplicate');
      await c.insertOne({ email: 'b@example.org' });
      await expectDuplicateKey(
        () => c.updateOne({ email: 'b@example.org' }, { $set: { email: 'a@example.org' } }),
        'update into duplicate',
      );
      const idx = await c.indexes();
      assert(
        idx.some((i) => i.name === 'email_unique' && i.unique),
        'index listed as unique',
      );
      // Partial unique index (e.g. unique when present).
      await c.createIndex(
        { code: 1 },
        {
          unique: true,
          partialFilterExpression: { code: { $exists: true } },
          name: 'code_partial',
        },
        undefined,
      );
      await c.insertMany([{ email: 'c@example.org' }, { email: 'd@example.org' }]);
      await c.insertOne({ email: 'e@example.org', code: 'X' });
      await expectDuplicateKey(
        () => c.insertOne({ email: 'f@example.org', code: 'X' }),
        'partial unique',
      );
    },
  },
  {
    name: 'compound index',
    async run(db) {
      const c = db.collection<{ tenant: string; ref: string; createdAt: Date }>('compound');
      const name = await c.createIndex(
        { tenant: 1, createdAt: -1 },
        { name: 'tenant_createdAt' },
        undefined,
      );
      eq(name, 'tenant_createdAt', 'createIndex name');
      await c.createIndex(
        { tenant: 1, ref: 1 },
        { unique: true, name: 'tenant_ref_unique' },
        undefined,
      );
      await c.insertMany([
        { tenant: 't1', ref: 'r1', createdAt: new Date(1) },
        { tenant: 't1', ref: 'r2', createdAt: new Date(2) },
        { tenant: 't2', ref: 'r1', createdAt: new Date(3) },
      ]);
      await expectDuplicateKey(
        () => c.insertOne({ tenant: 't1', ref: 'r1', createdAt: new Date(4) }),
        'compound unique',
      );
      const docs = await c
        .find({ tenant: 't1' })
        .sort({ createdAt: -1 })
        .hint('tenant_createdAt')
        .toArray();
      eq(
        docs.map((d) => d.ref),
        ['r2', 'r1'],
        'find with hint on compound index',
      );
      const keys = (await c.indexes()).find((i) => i.name === 'tenant_createdAt')?.key;
      eq(keys, { tenant: 1, createdAt: -1 }, 'index key');
      await c.dropIndex('tenant_createdAt');
      assert(!(await c.indexes()).some((i) => i.name === 'tenant_createdAt'), 'dropIndex');
    },
  },
  {
    name: 'transaction commit',
    async run(db, client) {
      const a = db.collection('tx_a');
      const b = db.collection('tx_b');
      await a.insertOne({ _id: 'seed' as never });
      await b.insertOne({ _id: 'seed' as never });
      const session = client.startSession();
      try {
        session.startTransaction({
          readConcern: { level: 'snapshot' },
          writeConcern: { w: 'majority' },
        });
        await a.insertOne({ k: 1 }, { session });
        await b.updateOne({ _id: 'seed' as never }, { $set: { touched: true } }, { session });
        eq(
          await a.countDocuments({ k: 1 }, { session }),
          1,
          'own write visible inside the transaction',
        );
        eq(await a.countDocuments({ k: 1 }), 0, 'uncommitted write invisible outside');
        await session.commitTransaction();
      } finally {
        await session.endSession();
      }
      eq(await a.countDocuments({ k: 1 }), 1, 'committed insert');
      eq((await b.findOne({ _id: 'seed' as never }))?.touched, true, 'committed update');
      // withTransaction (the helper the services use) retries and commits.
      await client.withSession((s) =>
        s.withTransaction(async () => {
          await a.insertOne({ k: 2 }, { session: s });
          await b.insertOne({ k: 2 }, { session: s });
        }),
      );
      eq(
        [await a.countDocuments({ k: 2 }), await b.countDocuments({ k: 2 })],
        [1, 1],
        'withTransaction commit',
      );
    },
  },
  {
    name: 'transaction rollback',
    async run(db, client) {
      const a = db.collection('tx_a');
      const b = db.collection('tx_b');
      const session = client.startSession();
      try {
        session.startTransaction();
        await a.insertOne({ k: 'rolled-back' }, { session });
        await b.deleteMany({}, { session });
        await session.abortTransaction();
      } finally {
        await session.endSession();
      }
      eq(await a.countDocuments({ k: 'rolled-back' }), 0, 'aborted insert');
      assert((await b.countDocuments()) > 0, 'aborted delete left the documents');
      // An error thrown inside withTransaction aborts it.
      let threw = false;
      try {
        await client.withSession((s) =>
          s.withTransaction(async () => {
            await a.insertOne({ k: 'boom' }, { session: s });
            throw new Error('boom');
          }),
        );
      } catch (err) {
        threw = (err as Error).message === 'boom';
      }
      assert(threw, 'withTransaction rethrows');
      eq(await a.countDocuments({ k: 'boom' }), 0, 'withTransaction rollback on error');
      // A duplicate key inside a transaction aborts the whole unit of work.
      await a.createIndex({ uk: 1 }, { unique: true, sparse: true }, undefined);
      await a.insertOne({ uk: 'taken' });
      let dup = false;
      try {
        await client.withSession((s) =>
          s.withTransaction(async () => {
            await b.insertOne({ k: 'before-dup' }, { session: s });
            await a.insertOne({ uk: 'taken' }, { session: s });
          }),
        );
      } catch (err) {
        dup = err instanceof MongoServerError && err.code === 11000;
      }
      assert(dup, 'duplicate key surfaces from the transaction');
      eq(
        await b.countDocuments({ k: 'before-dup' }),
        0,
        'earlier write of the failed transaction rolled back',
      );
    },
  },
  {
    name: 'GridFS 3 MB round-trip',
    async run(db) {
      const bucket = new GridFSBucket(db, { bucketName: 'files' });
      const data = randomBytes(3 * 1024 * 1024);
      const id = await new Promise<unknown>((resolve, reject) => {
        const up = bucket.openUploadStream('blob.bin', {
          metadata: { contentType: 'application/octet-stream' },
        });
        up.once('error', reject);
        up.once('finish', () => resolve(up.id));
        up.end(data);
      });
      const chunks: Buffer[] = [];
      for await (const chunk of bucket.openDownloadStream(id as never))
        chunks.push(chunk as Buffer);
      const back = Buffer.concat(chunks);
      assert(
        back.equals(data),
        `downloaded ${back.length} bytes differ from the ${data.length} uploaded`,
      );
      const files = await bucket.find({ filename: 'blob.bin' }).toArray();
      eq(
        files.map((f) => f.length),
        [data.length],
        'files entry length',
      );
      // Ranged read (resumable downloads).
      const part: Buffer[] = [];
      for await (const chunk of bucket.openDownloadStream(id as never, { start: 1000, end: 2000 }))
        part.push(chunk as Buffer);
      assert(Buffer.concat(part).equals(data.subarray(1000, 2000)), 'ranged download');
      await bucket.delete(id as never);
      eq(await db.collection('files.chunks').countDocuments(), 0, 'delete removes chunks');
      return `${data.length} bytes`;
    },
  },
  {
    name: 'aggregation $match $group $sort $project',
    async run(db) {
      const orders = db.collection('orders');
      await orders.insertMany([
        { cust: 1, status: 'paid', amount: 10 },
        { cust: 1, status: 'paid', amount: 5 },
        { cust: 2, status: 'paid', amount: 7 },
        { cust: 2, status: 'void', amount: 100 },
        { cust: 3, status: 'paid', amount: 1 },
      ]);
      const rows = await orders
        .aggregate([
          { $match: { status: 'paid' } },
          {
            $group: {
              _id: '$cust',
              total: { $sum: '$amount' },
              n: { $sum: 1 },
              max: { $max: '$amount' },
            },
          },
          { $sort: { total: -1, _id: 1 } },
          { $project: { _id: 0, cust: '$_id', total: 1, n: 1, big: { $gte: ['$max', 7] } } },
        ])
        .toArray();
      eq(
        rows,
        [
          { total: 15, n: 2, cust: 1, big: true },
          { total: 7, n: 1, cust: 2, big: true },
          { total: 1, n: 1, cust: 3, big: false },
        ],
        'pipeline result',
      );
    },
  },
  {
    name: 'aggregation $lookup $unwind',
    async run(db) {
      await db.collection('customers').insertMany([
        { _id: 1 as never, name: 'Ani' },
        { _id: 2 as never, name: 'Budi' },
        { _id: 3 as never, name: 'Citra' },
      ]);
      const rows = await db
        .collection('orders')
        .aggregate([
          { $match: { status: 'paid' } },
          {
            $lookup: { from: 'customers', localField: 'cust', foreignField: '_id', as: 'customer' },
          },
          { $unwind: '$customer' },
          { $group: { _id: '$customer.name', total: { $sum: '$amount' } } },
          { $sort: { _id: 1 } },
        ])
        .toArray();
      eq(
        rows,
        [
          { _id: 'Ani', total: 15 },
          { _id: 'Budi', total: 7 },
          { _id: 'Citra', total: 1 },
        ],
        '$lookup/$unwind',
      );
      const tags = await db
        .collection('customers')
        .aggregate([
          { $project: { letters: { $split: ['$name', 'i'] } } },
          { $unwind: { path: '$letters', includeArrayIndex: 'i' } },
          { $count: 'pieces' },
        ])
        .toArray();
      eq(tags, [{ pieces: 6 }], '$unwind with includeArrayIndex + $count');
    },
  },
  {
    name: 'aggregation $facet $count',
    async run(db) {
      const [facets] = await db
        .collection('orders')
        .aggregate([
          {
            $facet: {
              total: [{ $count: 'n' }],
              paid: [{ $match: { status: 'paid' } }, { $count: 'n' }],
              page: [
                { $sort: { amount: -1 } },
                { $skip: 1 },
                { $limit: 2 },
                { $project: { _id: 0, amount: 1 } },
              ],
              byStatus: [{ $group: { _id: '$status', n: { $sum: 1 } } }, { $sort: { _id: 1 } }],
            },
          },
        ])
        .toArray();
      eq(
        facets,
        {
          total: [{ n: 5 }],
          paid: [{ n: 4 }],
          page: [{ amount: 10 }, { amount: 7 }],
          byStatus: [
            { _id: 'paid', n: 4 },
            { _id: 'void', n: 1 },
          ],
        },
        '$facet',
      );
    },
  },
  {
    name: 'change streams',
    async run(db) {
      const c = db.collection<{ _id?: unknown; k: string; v?: number }>('events');
      await c.insertOne({ k: 'before' }); // collection exists before watching
      const stream = c.watch(
        [{ $match: { operationType: { $in: ['insert', 'update', 'delete'] } } }],
        {
          fullDocument: 'updateLookup',
        },
      );
      try {
        await stream.tryNext(); // opens the cursor now, so nothing below is missed
        // One change at a time: updateLookup reads the document as it is when the event is
        // read, so the update is read before the delete.
        const changes: Array<() => Promise<unknown>> = [
          () => c.insertOne({ k: 'x', v: 1 }),
          () => c.updateOne({ k: 'x' }, { $set: { v: 2 } }),
          () => c.deleteOne({ k: 'x' }),
        ];
        const got: string[] = [];
        let resumeToken: unknown;
        for (const [i, change] of changes.entries()) {
          await change();
          const ev = await withTimeout(stream.next(), 15_000, `change event ${i + 1}`);
          got.push(ev.operationType);
          if (ev.operationType === 'insert') eq(ev.fullDocument.k, 'x', 'insert fullDocument');
          if (ev.operationType === 'update') {
            eq(ev.updateDescription.updatedFields, { v: 2 }, 'updatedFields');
            eq(ev.fullDocument?.v, 2, 'updateLookup fullDocument');
          }
          if (i === 0) resumeToken = ev._id;
        }
        eq(got, ['insert', 'update', 'delete'], 'event order');
        // Resume after the first event: the update and the delete come again.
        const resumed = c.watch([], { resumeAfter: resumeToken as never });
        try {
          const ev = await withTimeout(resumed.next(), 15_000, 'resumed event');
          eq(ev.operationType, 'update', 'resumeAfter');
        } finally {
          await resumed.close();
        }
      } finally {
        await stream.close();
      }
    },
  },
];

if (withTtl) {
  checks.push({
    name: 'TTL index',
    async run(db) {
      const c = db.collection('ttl');
      await c.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 }, undefined);
      await c.createIndex({ createdAt: 1 }, { expireAfterSeconds: 1 }, undefined);
      await c.insertMany([
        { kind: 'expiresAt', expiresAt: new Date(Date.now() - 1000) },
        { kind: 'createdAt', createdAt: new Date(Date.now() - 60_000) },
        { kind: 'keep', expiresAt: new Date(Date.now() + 3600_000) },
      ]);
      const t0 = Date.now();
      while ((await c.countDocuments({ kind: { $ne: 'keep' } })) > 0) {
        if (Date.now() - t0 > 120_000)
          throw new CheckFailed('expired documents still there after 120 s');
        await new Promise((r) => setTimeout(r, 1000));
      }
      eq(await c.countDocuments({ kind: 'keep' }), 1, 'unexpired document kept');
      return `expired after ${((Date.now() - t0) / 1000).toFixed(0)} s`;
    },
  });
}

// ---------------------------------------------------------------------------- runner

interface Row {
  name: string;
  ok: boolean;
  ms: number;
  detail: string;
}

async function main(): Promise<number> {
  const dbName = `kipp_smoke_${Date.now().toString(36)}`;
  const client = new Client(uri, { serverSelectionTimeoutMS: 10_000 });
  const t0 = Date.now();
  try {
    await client.connect();
  } catch (err) {
    process.stderr.write(
      `cannot connect to ${uri}: ${(err as Error).message}\n(start it with: node tools/infra.mts up mongo)\n`,
    );
    return 2;
  }
  const hello = await client.db('admin').command({ hello: 1 });
  let server = 'unknown server';
  try {
    const info = await client.db('admin').command({ buildInfo: 1 });
    server = `version ${String(info.version)}`;
  } catch {
    /* optional */
  }
  process.stdout.write(
    `db-smoke against ${uri} (${server}, maxWireVersion ${String(hello.maxWireVersion)}), database ${dbName}\n\n`,
  );
  const db = client.db(dbName);
  const rows: Row[] = [];
  try {
    for (const check of checks) {
      const started = Date.now();
      try {
        const detail = await check.run(db, client);
        rows.push({
          name: check.name,
          ok: true,
          ms: Date.now() - started,
          detail: typeof detail === 'string' ? detail : '',
        });
      } catch (err) {
        const e = err as Error;
        rows.push({
          name: check.name,
          ok: false,
          ms: Date.now() - started,
          detail: e instanceof CheckFailed ? e.message : `${e.name}: ${e.message}`,
        });
      }
    }
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  }
  const width = Math.max(...rows.map((r) => r.name.length), 5);
  const lines = [
    `${'check'.padEnd(width)}  result  time (ms)  detail`,
    `${'-'.repeat(width)}  ------  ---------  ------`,
    ...rows.map(
      (r) =>
        `${r.name.padEnd(width)}  ${(r.ok ? 'PASS' : 'FAIL').padEnd(6)}  ${String(r.ms).padStart(9)}  ${r.detail}`,
    ),
  ];
  if (!withTtl)
    lines.push(
      `${'TTL index'.padEnd(width)}  ${'SKIP'.padEnd(6)}  ${''.padStart(9)}  run with --ttl (takes up to ~60 s)`,
    );
  const failed = rows.filter((r) => !r.ok).length;
  const passed = rows.length - failed;
  process.stdout.write(
    `${lines.join('\n')}\n\n${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`,
  );
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
