import type { SchemaOptions } from 'mongoose';

/**
 * The defaults of every schema:
 * - `timestamps`: `createdAt` / `updatedAt` maintained by mongoose;
 * - `strict: 'throw'`: writing a path the schema does not declare is an error, not a
 *   silently dropped field;
 * - `strictQuery: 'throw'`: filtering on an undeclared path is an error; by default mongoose
 *   would drop the condition, and a typo would match every document;
 * - `optimisticConcurrency`: `doc.save()` fails with a VersionError when someone else saved
 *   the document since it was loaded (load-modify-save cannot lose updates); atomic
 *   `updateOne` / `findOneAndUpdate` are unaffected;
 * - `toJSON` without `__v`, which is bookkeeping, not data.
 */
export const baseSchemaOptions = {
  timestamps: true,
  versionKey: '__v',
  strict: 'throw',
  strictQuery: 'throw',
  optimisticConcurrency: true,
  toJSON: { versionKey: false },
} as const satisfies SchemaOptions;

const SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

export type BaseSchemaOptions = typeof baseSchemaOptions;

/**
 * {@link baseSchemaOptions} plus an explicit collection name. Name collections in plural
 * snake_case (`proposals`, `evidence_files`, `processed_events`); left alone, mongoose
 * would derive a lowercase, run-together name from the model name. Override a default by
 * spreading: `{ ...schemaOptions('audit_entries'), timestamps: false }`.
 */
export function schemaOptions(collection: string): BaseSchemaOptions & { collection: string } {
  if (!SNAKE_CASE.test(collection)) {
    throw new Error(`collection name "${collection}" is not snake_case`);
  }
  // A fresh nested object: mongoose keeps a reference to it per schema.
  return {
    ...baseSchemaOptions,
    toJSON: { ...baseSchemaOptions.toJSON },
    collection,
  };
}
