export const CHECK_INS_OPTIONS = Symbol('CHECK_INS_OPTIONS');

export interface CheckInsOptions {
  readonly scanEnabled: boolean;
  readonly scanIntervalMs: number;
  readonly intervalMonths: number;
  readonly windowDays: number;
  readonly lapseAfter: number;
  /** Most check-ins one scan marks overdue. */
  readonly batchSize: number;
}
