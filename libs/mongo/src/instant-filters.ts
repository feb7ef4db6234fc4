/**
 * Conditions on an optional instant field, for "unless something newer is on record" and
 * "unless someone holds a live lease" writes. Each is one condition on the field, never the
 * `$or` of "null" and "before": SecantusDB plans `{ _id, $or: [...] }` as a scan of the
 * whole collection instead of an `_id` lookup (2000 documents: 200 such single-document
 * updates took 2.7–4.3 s, against about 0.2 s this way), and `$not` also matches a missing
 * field, like the `null` branch did.
 */

/** The field is unset (null or missing) or earlier than `instant`. */
export function unsetOrBefore(instant: Date): { $not: { $gte: Date } } {
  return { $not: { $gte: instant } };
}

/** The field is unset (null or missing) or not later than `instant`. */
export function unsetOrAtMost(instant: Date): { $not: { $gt: Date } } {
  return { $not: { $gt: instant } };
}
