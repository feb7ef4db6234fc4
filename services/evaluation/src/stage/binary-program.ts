import loadHighs, { type Highs } from 'highs';

/** `Σ coefficient × x_index` between `lower` and `upper` (either may be absent). */
export interface LinearRow {
  terms: readonly (readonly [index: number, coefficient: number])[];
  lower?: number;
  upper?: number;
}

/** Maximise `objective` over binary variables `x_0 … x_(variables − 1)` subject to `rows`. */
export interface BinaryProgram {
  variables: number;
  objective: readonly (readonly [index: number, coefficient: number])[];
  rows: readonly LinearRow[];
}

export type BinaryProgramResult =
  { feasible: true; objective: number; values: boolean[] } | { feasible: false };

let solver: Promise<Highs> | undefined;

/** The WASM module is instantiated once per process, on first use (≈ 50 ms). */
function highs(): Promise<Highs> {
  solver ??= loadHighs();
  return solver;
}

/**
 * Solves the program exactly (branch and bound with both MIP gaps at 0), so the optimum is
 * proved, not approximated. Throws when HiGHS ends in anything but optimal or infeasible.
 */
export async function solveBinaryProgram(program: BinaryProgram): Promise<BinaryProgramResult> {
  const result = (await highs()).solve(toLpFormat(program), {
    output_flag: false,
    mip_rel_gap: 0,
    mip_abs_gap: 0,
  });
  if (result.Status === 'Infeasible') return { feasible: false };
  if (result.Status !== 'Optimal') {
    throw new Error(`the finalist program ended with HiGHS status "${result.Status}"`);
  }
  return {
    feasible: true,
    objective: result.ObjectiveValue,
    values: Array.from(
      { length: program.variables },
      (_, i) => (result.Columns[`x${i}`]?.Primal ?? 0) > 0.5,
    ),
  };
}

/** CPLEX LP text; every variable appears in the objective so HiGHS knows all of them. */
function toLpFormat(program: BinaryProgram): string {
  const coefficients = new Map(program.objective);
  const objective = Array.from({ length: program.variables }, (_, i): [number, number] => [
    i,
    coefficients.get(i) ?? 0,
  ]);
  const rows = program.rows.flatMap((row, r) => {
    if (row.terms.length === 0) return [];
    const sum = expression(row.terms);
    if (row.lower !== undefined && row.lower === row.upper)
      return [` r${r}: ${sum} = ${row.lower}`];
    return [
      ...(row.lower !== undefined ? [` r${r}l: ${sum} >= ${row.lower}`] : []),
      ...(row.upper !== undefined ? [` r${r}u: ${sum} <= ${row.upper}`] : []),
    ];
  });
  const names = Array.from({ length: program.variables }, (_, i) => `x${i}`).join(' ');
  return [
    'Maximize',
    ` obj: ${expression(objective)}`,
    'Subject To',
    // An LP file needs at least one row; this one always holds.
    ...(rows.length > 0 ? rows : [` r: ${expression(objective.map(([i]) => [i, 1]))} >= 0`]),
    'Binaries',
    ` ${names}`,
    'End',
  ].join('\n');
}

function expression(terms: readonly (readonly [number, number])[]): string {
  return terms
    .map(([i, c], n) => `${c < 0 ? '-' : n === 0 ? '' : '+'} ${Math.abs(c)} x${i}`)
    .join(' ');
}
