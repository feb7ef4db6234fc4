/**
 * Minimum-cost flow with integer capacities and non-negative integer costs: successive
 * shortest paths with Johnson potentials (Dijkstra on reduced costs), augmenting a blocking
 * flow over the zero-reduced-cost arcs after each Dijkstra (primal-dual), so one phase
 * serves many unit paths at once.
 *
 * Deterministic: arcs are explored in insertion order and the heap breaks ties by node
 * index, so the same graph built in the same order yields the same flow.
 *
 * Array reads use `?? fallback` instead of non-null assertions: every index is in range by
 * construction, and the fallback is never taken.
 */
export class MinCostFlow {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly next: number[] = [];
  private readonly cap: number[] = [];
  private readonly cost: number[] = [];

  constructor(private readonly nodeCount: number) {
    this.head = new Array<number>(nodeCount).fill(-1);
  }

  /** Adds an arc and returns its index (its flow is read with `flowOn`). */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    if (cost < 0) throw new RangeError('costs must be non-negative');
    const index = this.to.length;
    this.pushHalf(from, to, capacity, cost);
    this.pushHalf(to, from, 0, -cost);
    return index;
  }

  /** The flow an arc returned by `addArc` carries. */
  flowOn(arc: number): number {
    return this.cap[arc ^ 1] ?? 0;
  }

  /** Sends as much flow as possible from `source` to `sink` at minimum cost. */
  solve(source: number, sink: number): { flow: number; cost: number } {
    const potential = new Array<number>(this.nodeCount).fill(0);
    let flow = 0;
    let totalCost = 0;
    for (;;) {
      const dist = this.shortestDistances(source, sink, potential);
      const toSink = dist[sink] ?? Infinity;
      if (toSink === Infinity) break;
      // Capping at the sink's distance keeps every residual reduced cost non-negative, also
      // for nodes Dijkstra did not settle.
      for (let v = 0; v < this.nodeCount; v += 1) {
        potential[v] = (potential[v] ?? 0) + Math.min(dist[v] ?? Infinity, toSink);
      }
      const pushed = this.blockingFlow(source, sink, potential);
      if (pushed === 0) break;
      flow += pushed;
      totalCost += pushed * ((potential[sink] ?? 0) - (potential[source] ?? 0));
    }
    return { flow, cost: totalCost };
  }

  private pushHalf(from: number, to: number, capacity: number, cost: number): void {
    this.to.push(to);
    this.cap.push(capacity);
    this.cost.push(cost);
    this.next.push(this.head[from] ?? -1);
    this.head[from] = this.to.length - 1;
  }

  private reducedCost(arc: number, from: number, potential: readonly number[]): number {
    const to = this.to[arc] ?? 0;
    return (this.cost[arc] ?? 0) + (potential[from] ?? 0) - (potential[to] ?? 0);
  }

  private shortestDistances(source: number, sink: number, potential: number[]): number[] {
    const dist = new Array<number>(this.nodeCount).fill(Infinity);
    const done = new Uint8Array(this.nodeCount);
    const heap = new DistanceHeap();
    dist[source] = 0;
    heap.push(0, source);
    for (let top = heap.pop(); top !== null; top = heap.pop()) {
      const [d, u] = top;
      if (done[u] === 1 || d > (dist[u] ?? Infinity)) continue;
      done[u] = 1;
      if (u === sink) break;
      for (let arc = this.head[u] ?? -1; arc !== -1; arc = this.next[arc] ?? -1) {
        if ((this.cap[arc] ?? 0) <= 0) continue;
        const v = this.to[arc] ?? 0;
        const candidate = d + this.reducedCost(arc, u, potential);
        if (candidate < (dist[v] ?? Infinity)) {
          dist[v] = candidate;
          heap.push(candidate, v);
        }
      }
    }
    return dist;
  }

  /**
   * Augments along zero-reduced-cost residual paths until none is found: depth-first, with
   * nodes that failed marked dead for the rest of the phase. The first search is a complete
   * reachability search, so a phase after a finite Dijkstra always pushes something; later
   * searches may miss a path, which the next Dijkstra finds (at the same distance).
   */
  private blockingFlow(source: number, sink: number, potential: number[]): number {
    const search: PhaseSearch = {
      sink,
      potential,
      dead: new Uint8Array(this.nodeCount),
      onPath: new Uint8Array(this.nodeCount),
      cursor: this.head.slice(),
    };
    let total = 0;
    for (;;) {
      const pushed = this.augment(source, Infinity, search);
      if (pushed === 0) return total;
      total += pushed;
    }
  }

  private augment(u: number, limit: number, search: PhaseSearch): number {
    if (u === search.sink) return limit;
    search.onPath[u] = 1;
    const { cursor, dead, onPath, potential } = search;
    for (let arc = cursor[u] ?? -1; arc !== -1; arc = this.next[arc] ?? -1, cursor[u] = arc) {
      const v = this.to[arc] ?? 0;
      const capacity = this.cap[arc] ?? 0;
      if (
        capacity > 0 &&
        dead[v] === 0 &&
        onPath[v] === 0 &&
        this.reducedCost(arc, u, potential) === 0
      ) {
        const pushed = this.augment(v, Math.min(limit, capacity), search);
        if (pushed > 0) {
          this.cap[arc] = capacity - pushed;
          this.cap[arc ^ 1] = (this.cap[arc ^ 1] ?? 0) + pushed;
          onPath[u] = 0;
          return pushed;
        }
      }
    }
    cursor[u] = -1;
    onPath[u] = 0;
    dead[u] = 1;
    return 0;
  }
}

interface PhaseSearch {
  readonly sink: number;
  readonly potential: readonly number[];
  readonly dead: Uint8Array;
  readonly onPath: Uint8Array;
  readonly cursor: number[];
}

/** A binary min-heap of (distance, node), ties broken by the lower node index. */
class DistanceHeap {
  private readonly items: [number, number][] = [];

  push(distance: number, node: number): void {
    const items = this.items;
    const item: [number, number] = [distance, node];
    let i = items.length;
    items.push(item);
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = items[parentIndex];
      if (!parent || !less(item, parent)) break;
      items[i] = parent;
      i = parentIndex;
    }
    items[i] = item;
  }

  pop(): [number, number] | null {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (!top || !last) return null;
    if (items.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = last;
      let smallestIndex = i;
      const l = items[left];
      if (l && less(l, smallest)) {
        smallest = l;
        smallestIndex = left;
      }
      const r = items[right];
      if (r && less(r, smallest)) {
        smallest = r;
        smallestIndex = right;
      }
      if (smallestIndex === i) break;
      items[i] = smallest;
      i = smallestIndex;
    }
    items[i] = last;
    return top;
  }
}

function less(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}
