// Loads the MongoDB Node driver from node_modules. The repository depends on mongoose,
// which brings the driver as its own dependency (node_modules/mongoose/node_modules/
// mongodb), so try a top-level `mongodb` first and fall back to the one mongoose uses.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { mongo } from 'mongoose';
import { REPO_ROOT } from './paths.mts';

export type MongoDriver = typeof mongo;

let cached: MongoDriver | undefined;

export function loadMongoDriver(): MongoDriver {
  if (cached) return cached;
  const require = createRequire(path.join(REPO_ROOT, 'package.json'));
  try {
    cached = require('mongodb') as MongoDriver;
  } catch {
    const viaMongoose = createRequire(require.resolve('mongoose'));
    cached = viaMongoose('mongodb') as MongoDriver;
  }
  return cached;
}
