export { getConnectionToken, InjectConnection } from '@nestjs/mongoose';
export * from './collection-ready.plugin';
export * from './mongo.module';
export * from './mongo-errors';
export * from './run-in-transaction';
export * from './schema-options';
export * from './gridfs-file-store';
export * from './upsert-unless-newer';
export * from './instant-filters';
