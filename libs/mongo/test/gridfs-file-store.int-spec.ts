import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import mongoose, { type Connection } from 'mongoose';
import { GridFsFileStore } from '../src';
import { mongoUri, uniqueDbName } from './test-database';

interface Meta {
  ownerId: string;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('GridFsFileStore', () => {
  let connection: Connection;
  let store: GridFsFileStore<Meta>;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(mongoUri, { dbName: uniqueDbName('gridfs') })
      .asPromise();
    store = new GridFsFileStore<Meta>(connection, 'test_files');
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('should store a buffer with its metadata and give back its bytes, size and SHA-256', async () => {
    const bytes = Buffer.from('%PDF-1.7 hello');
    const ref = await store.put(bytes, 'a.pdf', { ownerId: 'u1' });

    expect(ref.sizeBytes).toBe(bytes.length);
    expect(ref.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const file = await store.get(ref.id);
    expect(file).toMatchObject({ filename: 'a.pdf', metadata: { ownerId: 'u1' }, sizeBytes: 14 });
    expect(await readAll(file!.stream)).toEqual(bytes);
    expect(await store.read(ref.id)).toEqual(bytes);
    expect(await readAll(store.open(ref.id)!)).toEqual(bytes);
  });

  it('should store a stream and let its description be set afterwards', async () => {
    const ref = await store.put(Readable.from([Buffer.from('ab'), Buffer.from('cd')]), 'staged');
    await store.describe(ref.id, 'final.png', { ownerId: 'u2' });

    expect(ref.sizeBytes).toBe(4);
    expect(await store.get(ref.id)).toMatchObject({
      filename: 'final.png',
      metadata: { ownerId: 'u2' },
    });
  });

  it('should keep no partial file when the source stream fails', async () => {
    const failing = new Readable({ read() {} });
    const written = store.put(failing, 'broken');
    failing.push(Buffer.alloc(300 * 1024, 1));
    failing.destroy(new Error('client went away'));

    await expect(written).rejects.toThrow('client went away');
    expect(await connection.db!.collection('test_files.chunks').countDocuments()).toBe(
      await countChunksOfStoredFiles(connection),
    );
  });

  it('should answer null for a missing or malformed id and delete idempotently', async () => {
    const ref = await store.put(Buffer.from('x'), 'x.txt');
    await store.delete(ref.id);
    await store.delete(ref.id);
    await store.delete('not-an-id');

    expect(await store.get(ref.id)).toBeNull();
    expect(await store.read(ref.id)).toBeNull();
    expect(store.open('nope')).toBeNull();
  });

  it('should list the ids of files uploaded before a date in pages', async () => {
    const cutoff = new Date(Date.now() + 1_000);
    const stored = (await connection.db!.collection('test_files.files').distinct('_id')).map(
      (id: unknown) => String(id),
    );
    const pages: string[][] = [];
    for await (const page of store.listOlderThan(cutoff, 1)) pages.push(page);

    expect(pages.every((page) => page.length === 1)).toBe(true);
    expect(pages.flat().sort()).toEqual(stored.sort());
    const none: string[][] = [];
    for await (const page of store.listOlderThan(new Date(0), 10)) none.push(page);
    expect(none).toEqual([]);
  });
});

async function countChunksOfStoredFiles(connection: Connection): Promise<number> {
  const ids = await connection.db!.collection('test_files.files').distinct('_id');
  return connection.db!.collection('test_files.chunks').countDocuments({ files_id: { $in: ids } });
}
