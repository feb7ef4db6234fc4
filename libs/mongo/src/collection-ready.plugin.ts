import mongoose, { type Schema } from 'mongoose';

/**
 * Waits for the model's collection and indexes: the build mongoose started when it compiled
 * the model (`$init`). A failed build (a unique index over data that already has duplicates,
 * say) fails the write with the build's error rather than letting it through unguarded.
 * Never starts a build itself: closing a connection forgets the builds, and a build started
 * by a write during shutdown would wait for a connection that never comes back.
 */
async function settled(model: object): Promise<void> {
  const build: unknown = Reflect.get(model, '$init');
  if (build instanceof Promise) await build;
}

/**
 * Every write through a model waits until the model's collection and indexes exist, which
 * mongoose starts building when the model is compiled. So unique indexes guard the very first
 * writes, no write ever creates a collection implicitly (inside a transaction, say) while
 * that collection's index build is running, and a single-node SecantusDB never deadlocks on
 * a collection created by a write and an index build at once. Reads need no wait.
 */
export function collectionReadyPlugin(schema: Schema): void {
  schema.pre('save', async function () {
    // Global plugins reach subdocument schemas too; their parent's save already waited.
    if (this.$isSubdocument) return;
    await settled(this.constructor);
  });
  schema.pre('insertMany', async function () {
    await settled(this);
  });
  schema.pre('bulkWrite', async function () {
    await settled(this);
  });
  schema.pre(
    ['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'findOneAndReplace'],
    async function () {
      await settled(this.model);
    },
  );
}

// Registered once for every schema compiled after @kipp/mongo is loaded: services compile
// their models when their Nest modules initialise, tests when they build their fixtures.
mongoose.plugin(collectionReadyPlugin);
