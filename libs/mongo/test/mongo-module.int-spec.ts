import type { INestApplicationContext } from '@nestjs/common';
import { MongooseModule, Prop, Schema, SchemaFactory, getModelToken } from '@nestjs/mongoose';
import { Test } from '@nestjs/testing';
import mongoose, { type Connection, type Model } from 'mongoose';
import {
  MongoModule,
  getConnectionToken,
  isDuplicateKeyError,
  isTransientMongoError,
  schemaOptions,
} from '../src';
import { mongoUri, uniqueDbName } from './test-database';

/**
 * What an account holds. Models are typed by this plain shape rather than by the schema
 * class, so object literals can be written without pretending to be class instances.
 */
interface AccountFields {
  email: string;
  name: string;
}

@Schema(schemaOptions('accounts'))
class Account implements AccountFields {
  // Sign-in looks accounts up by email; the index also keeps one account per email.
  @Prop({ required: true, unique: true })
  email!: string;

  @Prop({ required: true })
  name!: string;
}
const accountSchema = SchemaFactory.createForClass(Account);

describe('MongoModule', () => {
  const dbName = uniqueDbName('module');
  let context: INestApplicationContext;
  let connection: Connection;
  let accounts: Model<AccountFields>;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        MongoModule.forRoot({ uri: mongoUri, dbName }),
        MongooseModule.forFeature([{ name: Account.name, schema: accountSchema }]),
      ],
    }).compile();
    context = await moduleRef.init();
    connection = context.get<Connection>(getConnectionToken());
    accounts = context.get<Model<AccountFields>>(getModelToken(Account.name));
    // autoIndex builds in the background of start-up; wait for it before relying on it.
    await accounts.init();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await context.close();
  });

  it('should connect to the service database under its own application name', () => {
    expect(connection.readyState).toBe(1);
    expect(connection.name).toBe(dbName);
    expect(connection.getClient().options.appName).toBe(dbName);
  });

  it('should create the schema indexes at start-up', async () => {
    const indexes = await accounts.collection.indexes();
    expect(indexes).toContainEqual(expect.objectContaining({ key: { email: 1 }, unique: true }));
  });

  it('should recognise a duplicate key error on a unique index', async () => {
    await accounts.create({ email: 'siti@bandung.go.id', name: 'Siti' });

    const error: unknown = await accounts
      .create({ email: 'siti@bandung.go.id', name: 'Siti again' })
      .catch((rejection: unknown) => rejection);

    expect(isDuplicateKeyError(error)).toBe(true);
    expect(isTransientMongoError(error)).toBe(false);
  });

  it('should recognise a duplicate key error inside an unordered bulk insert', async () => {
    const error: unknown = await accounts
      .insertMany(
        [
          { email: 'budi@surabaya.go.id', name: 'Budi' },
          { email: 'budi@surabaya.go.id', name: 'Budi again' },
        ],
        { ordered: false },
      )
      .catch((rejection: unknown) => rejection);

    expect(isDuplicateKeyError(error)).toBe(true);
    expect(await accounts.countDocuments({ email: 'budi@surabaya.go.id' })).toBe(1);
  });

  it('should refuse to write a field the schema does not declare', async () => {
    const withUndeclaredField = Object.assign(
      { email: 'ani@medan.go.id', name: 'Ani' },
      { role: 'national_admin' },
    );
    await expect(accounts.create(withUndeclaredField)).rejects.toThrow(/not in schema/);
    expect(await accounts.countDocuments({ email: 'ani@medan.go.id' })).toBe(0);
  });

  it('should refuse to filter on a field the schema does not declare', async () => {
    await expect(accounts.find({ emial: 'siti@bandung.go.id' })).rejects.toThrow(/not in schema/);
  });

  it('should refuse to save a document someone else saved since it was loaded', async () => {
    const { _id } = await accounts.create({ email: 'rudi@makassar.go.id', name: 'Rudi' });
    const mine = await accounts.findById(_id).orFail();
    const theirs = await accounts.findById(_id).orFail();

    theirs.name = 'Rudi H.';
    await theirs.save();
    mine.name = 'Rudi Hartono';

    await expect(mine.save()).rejects.toBeInstanceOf(mongoose.Error.VersionError);
    expect(await accounts.findById(_id).lean().orFail()).toMatchObject({ name: 'Rudi H.' });
  });

  it('should leave __v out of JSON and stamp createdAt and updatedAt', async () => {
    const account = await accounts.create({ email: 'dewi@bali.go.id', name: 'Dewi' });
    const json: unknown = account.toJSON();

    expect(json).not.toHaveProperty('__v');
    expect(json).toMatchObject({
      createdAt: expect.any(Date) as Date,
      updatedAt: expect.any(Date) as Date,
    });
  });
});
