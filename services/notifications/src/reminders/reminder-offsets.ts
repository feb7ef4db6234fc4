const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** A reminder offset such as `3d`, `12h` or `30m`, as the configuration validates them. */
export interface ReminderOffset {
  /** As written, part of the reminder id. */
  readonly label: string;
  readonly ms: number;
}

export function parseOffset(label: string): ReminderOffset {
  const match = /^(\d+)([mhd])$/.exec(label);
  if (!match) throw new Error(`not a reminder offset: ${label}`);
  const [, amount, unit] = match as unknown as [string, string, keyof typeof UNIT_MS];
  return { label, ms: Number(amount) * UNIT_MS[unit] };
}

/**
 * The instants `offsets` before `at`, each with its offset, leaving out those not after
 * `now`: a reminder whose time has passed when it is scheduled would only arrive late.
 */
export function fireTimes(
  at: Date,
  offsets: readonly ReminderOffset[],
  now: Date,
): { offset: ReminderOffset; fireAt: Date }[] {
  return offsets
    .map((offset) => ({ offset, fireAt: new Date(at.getTime() - offset.ms) }))
    .filter(({ fireAt }) => fireAt.getTime() > now.getTime());
}
