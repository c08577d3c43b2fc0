/**
 * Minimum-cost maximum flow by the primal-dual method: each round, Dijkstra on reduced costs
 * (Johnson potentials) finds the cheapest augmenting distance, then flow is pushed along every
 * path of that cost at once (a blocking flow, as in Dinic's algorithm). Augmenting along
 * cheapest paths until none is left gives a maximum flow whose cost is minimal among all
 * maximum flows. Pure, integer arithmetic, deterministic (edges in insertion order).
 */
export class MinCostFlow {
  // Built as plain arrays, then frozen into typed arrays for the hot loops of `run`.
  private edgesTo: number[] = [];
  private edgesCap: number[] = [];
  private edgesCost: number[] = [];
  private edgesNext: number[] = [];
  private to = new Int32Array(0);
  private cap = new Int32Array(0);
  private cost = new Int32Array(0);
  private next = new Int32Array(0);
  private head: Int32Array;
  private tail: Int32Array;

  constructor(private readonly nodeCount: number) {
    this.head = new Int32Array(nodeCount).fill(-1);
    this.tail = new Int32Array(nodeCount).fill(-1);
  }

  /** Adds an edge and its residual twin; returns the edge index (its flow is `flowOn(index)`). */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    const index = this.edgesTo.length;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return index;
  }

  private push(from: number, to: number, capacity: number, cost: number) {
    // Edges are kept in insertion order, so ties go to whoever came first in the input.
    const index = this.edgesTo.length;
    this.edgesTo.push(to);
    this.edgesCap.push(capacity);
    this.edgesCost.push(cost);
    this.edgesNext.push(-1);
    if (this.tail[from] === -1) this.head[from] = index;
    else this.edgesNext[this.tail[from]!] = index;
    this.tail[from] = index;
  }

  flowOn(edge: number): number {
    return this.cap[edge ^ 1]!;
  }

  /**
   * Runs to a maximum flow of minimum cost. `initialPotential` must make every reduced cost
   * non-negative on the empty flow (for a DAG, the shortest distances from the source).
   */

  run(
    source: number,
    sink: number,
    initialPotential: Float64Array,
  ): { flow: number; cost: number } {
    this.to = Int32Array.from(this.edgesTo);
    this.cap = Int32Array.from(this.edgesCap);
    this.cost = Int32Array.from(this.edgesCost);
    this.next = Int32Array.from(this.edgesNext);
    const n = this.nodeCount;
    const potential = initialPotential;
    const dist = new Float64Array(n);
    const done = new Uint8Array(n);
    const level = new Int32Array(n);
    const iter = new Int32Array(n);
    const queue = new Int32Array(n);
    const heap = new IndexedMinHeap(n);
    const tightStart = new Int32Array(n + 1);
    const fill = new Int32Array(n);
    let tightEdges = new Int32Array(0);
    const { to, cap, cost, next, head } = this;
    let flow = 0;

    for (;;) {
      // Dijkstra on reduced costs, stopped as soon as the sink is settled.
      dist.fill(Infinity);
      done.fill(0);
      dist[source] = 0;
      heap.clear();
      heap.set(source, 0);
      while (heap.size > 0) {
        const u = heap.popMin();
        const d = dist[u]!;
        done[u] = 1;
        if (u === sink) break;
        for (let e = head[u]!; e !== -1; e = next[e]!) {
          if (cap[e]! <= 0) continue;
          const v = to[e]!;
          const nd = d + cost[e]! + potential[u]! - potential[v]!;
          if (nd < dist[v]!) {
            dist[v] = nd;
            heap.set(v, nd);
          }
        }
      }
      if (!done[sink]) break;
      const toSink = dist[sink]!;
      // Settled nodes move by their distance, the rest by the sink's: every residual reduced
      // cost stays non-negative, and every cheapest path now has reduced cost zero.
      for (let v = 0; v < n; v++) potential[v]! += done[v] ? dist[v]! : toSink;

      // Push flow along all cheapest paths at once: a blocking flow (Dinic's levels and
      // current-edge pointers) on the zero-reduced-cost edges, gathered once per round so the
      // repeated searches touch only them.
      const edgeCount = to.length;
      tightStart.fill(0);
      let tightCount = 0;
      for (let e = 0; e < edgeCount; e++) {
        const from = to[e ^ 1]!;
        if (cost[e]! + potential[from]! - potential[to[e]!]! === 0) {
          tightStart[from + 1]!++;
          tightCount++;
        }
      }
      for (let v = 0; v < n; v++) tightStart[v + 1]! += tightStart[v]!;
      if (tightEdges.length < tightCount) tightEdges = new Int32Array(tightCount);
      fill.set(tightStart.subarray(0, n));
      for (let e = 0; e < edgeCount; e++) {
        const from = to[e ^ 1]!;
        if (cost[e]! + potential[from]! - potential[to[e]!]! === 0) tightEdges[fill[from]!++] = e;
      }

      for (;;) {
        level.fill(-1);
        level[source] = 0;
        let qHead = 0;
        let qTail = 0;
        queue[qTail++] = source;
        while (qHead < qTail) {
          const u = queue[qHead++]!;
          if (u === sink) continue;
          for (let k = tightStart[u]!; k < tightStart[u + 1]!; k++) {
            const e = tightEdges[k]!;
            const v = to[e]!;
            if (cap[e]! > 0 && level[v] === -1) {
              level[v] = level[u]! + 1;
              queue[qTail++] = v;
            }
          }
        }
        if (level[sink] === -1) break;
        iter.set(tightStart.subarray(0, n));
        for (
          let pushed = this.augment(source, sink, level, iter, tightStart, tightEdges);
          pushed > 0;
          pushed = this.augment(source, sink, level, iter, tightStart, tightEdges)
        ) {
          flow += pushed;
        }
      }
    }
    let totalCost = 0;
    for (let e = 0; e < to.length; e += 2) totalCost += this.flowOn(e) * cost[e]!;
    return { flow, cost: totalCost };
  }

  private pathEdges: number[] = [];

  /** One augmenting path in the level graph (iterative DFS, so long paths cannot overflow the stack). */
  private augment(
    source: number,
    sink: number,
    level: Int32Array,
    iter: Int32Array,
    tightStart: Int32Array,
    tightEdges: Int32Array,
  ): number {
    const { to, cap } = this;
    const path = this.pathEdges;
    path.length = 0;
    let u = source;
    for (;;) {
      if (u === sink) {
        let pushed = Infinity;
        for (const e of path) pushed = Math.min(pushed, cap[e]!);
        for (const e of path) {
          cap[e]! -= pushed;
          cap[e ^ 1]! += pushed;
        }
        return pushed;
      }
      let k = iter[u]!;
      const end = tightStart[u + 1]!;
      while (k < end) {
        const e = tightEdges[k]!;
        if (cap[e]! > 0 && level[to[e]!] === level[u]! + 1) break;
        k++;
      }
      iter[u] = k;
      if (k === end) {
        // Dead end: retreat, and never try this node again in this level graph.
        level[u] = -2;
        if (path.length === 0) return 0;
        const back = path.pop()!;
        u = to[back ^ 1]!;
        iter[u]!++;
        continue;
      }
      const e = tightEdges[k]!;
      path.push(e);
      u = to[e]!;
    }
  }
}

/**
 * A binary min-heap over node numbers with decrease-key, in typed arrays: at most one entry per
 * node, so it stays as small as the graph has nodes however many edges are relaxed.
 */
class IndexedMinHeap {
  private nodes: Int32Array;
  private keys: Float64Array;
  private position: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.nodes = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  clear() {
    for (let i = 0; i < this.size; i++) this.position[this.nodes[i]!] = -1;
    this.size = 0;
  }

  /** Inserts the node, or lowers its key. */
  set(node: number, key: number) {
    let i = this.position[node]!;
    if (i === -1) {
      i = this.size++;
    } else if (key >= this.keys[i]!) {
      return;
    }
    this.siftUp(i, node, key);
  }

  popMin(): number {
    const top = this.nodes[0]!;
    this.position[top] = -1;
    const last = --this.size;
    if (last > 0) this.siftDown(this.nodes[last]!, this.keys[last]!);
    return top;
  }

  private siftUp(start: number, node: number, key: number) {
    const { nodes, keys, position } = this;
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      nodes[i] = nodes[parent]!;
      keys[i] = keys[parent]!;
      position[nodes[i]!] = i;
      i = parent;
    }
    nodes[i] = node;
    keys[i] = key;
    position[node] = i;
  }

  private siftDown(node: number, key: number) {
    const { nodes, keys, position } = this;
    const n = this.size;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= key) break;
      nodes[i] = nodes[child]!;
      keys[i] = keys[child]!;
      position[nodes[i]!] = i;
      i = child;
    }
    nodes[i] = node;
    keys[i] = key;
    position[node] = i;
  }
}
