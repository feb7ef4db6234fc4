export const CHECK_INS_OPTIONS = Symbol('CHECK_INS_OPTIONS');

export interface CheckInsOptions {
  readonly scanEnabled: boolean;
  readonly scanIntervalMs: number;
  readonly intervalMonths: number;
  /** Days from the award to the first check-in; null: one interval, like the later ones. */
  readonly firstAfterDays: number | null;
  readonly windowDays: number;
  readonly lapseAfter: number;
  /** Most check-ins one scan marks overdue. */
  readonly batchSize: number;
}
