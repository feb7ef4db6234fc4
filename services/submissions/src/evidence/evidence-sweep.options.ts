export const EVIDENCE_SWEEP_OPTIONS = Symbol('EVIDENCE_SWEEP_OPTIONS');

export interface EvidenceSweepOptions {
  /** How often each replica sweeps; 0 turns the sweep off on this replica. */
  readonly intervalMs: number;
  /**
   * Files younger than this are never swept: an upload stores its bytes before the proposal
   * points at them, so a fresh unreferenced file may be one still being attached.
   */
  readonly minAgeMs: number;
  /** File ids checked against the proposals per query. */
  readonly pageSize: number;
}
