import {
  Module,
  type DynamicModule,
  type FactoryProvider,
  type ModuleMetadata,
} from '@nestjs/common';
import { MongooseModule, type MongooseModuleOptions } from '@nestjs/mongoose';

export interface MongoModuleOptions {
  /** `MONGO_URI`; works with a single-node replica set (SecantusDB) and real replica sets. */
  readonly uri: string;
  /** The service's own database; also reported to the server as the application name. */
  readonly dbName: string;
}

export interface MongoModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  readonly useFactory: (...args: never[]) => MongoModuleOptions | Promise<MongoModuleOptions>;
  readonly inject?: FactoryProvider['inject'];
}

/** The connection options every service uses; exported so tests can assert them. */
export function mongooseOptions({ dbName }: MongoModuleOptions): MongooseModuleOptions {
  return {
    dbName,
    appName: dbName,
    // Fail a request fast instead of hanging it for the driver's default 30 s.
    serverSelectionTimeoutMS: 5_000,
    retryWrites: true,
    // Schema indexes are built at start-up: every index is declared for a query that needs
    // it and collections are small (thousands of proposals a year), so the build is quick
    // and a migration step would only add a way to forget one.
    autoIndex: true,
    autoCreate: true,
  };
}

/**
 * The service's mongoose connection (the default one, so `@InjectModel` and
 * `@InjectConnection()` work without a name). Import once, in the app module.
 */
@Module({})
export class MongoModule {
  static forRoot(options: MongoModuleOptions): DynamicModule {
    return {
      module: MongoModule,
      imports: [MongooseModule.forRoot(options.uri, mongooseOptions(options))],
    };
  }

  /** For options that come from an injected configuration provider. */
  static forRootAsync(options: MongoModuleAsyncOptions): DynamicModule {
    return {
      module: MongoModule,
      imports: [
        MongooseModule.forRootAsync({
          imports: options.imports ?? [],
          inject: options.inject ?? [],
          useFactory: async (...args: unknown[]): Promise<MongooseModuleOptions> => {
            // Nest resolves `inject` in order, so the arguments have the factory's own types.
            const resolved = await options.useFactory(...(args as never[]));
            return { uri: resolved.uri, ...mongooseOptions(resolved) };
          },
        }),
      ],
    };
  }
}
