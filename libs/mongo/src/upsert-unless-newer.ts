import type { ClientSession, Model } from 'mongoose';

/**
 * Writes `fields` into the document `id` (creating it if missing) unless the stored document
 * carries a newer `revision` than `fields.revision`: how a projection applies a registry
 * record that may arrive out of order. Returns whether it wrote. An equal revision is
 * written again (the same record redelivered changes nothing).
 */
export async function upsertUnlessNewer<T extends { revision: number }>(
  model: Model<T>,
  id: string,
  fields: Partial<T> & { revision: number },
  session: ClientSession,
): Promise<boolean> {
  const current = await model
    .findById(id, { revision: 1 })
    .session(session)
    .lean<{ revision: number }>()
    .exec();
  if (current && current.revision > fields.revision) return false;
  await model.updateOne({ _id: id }, { $set: fields }, { upsert: true, session }).exec();
  return true;
}
