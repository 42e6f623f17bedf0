/** A vehicle (technician) of a routing problem: where it starts and ends, when, and how much it carries. */
export interface VehicleSpec {
  readonly start: number;
  readonly end: number;
  readonly shiftStart: number;
  readonly shiftEnd: number;
  readonly capacity: number;
}

/**
 * The routing problem the core optimiser solves: a VRP with time windows, service durations,
 * heterogeneous vehicles (own start/end node, shift, capacity), optional jobs with a penalty when
 * left out, and an optional job×vehicle assignment cost (Infinity forbids the pair).
 * Matrices are row-major `nodeCount × nodeCount`; units are the caller's (consistent) choice.
 */
export interface RoutingProblem {
  readonly nodeCount: number;
  readonly cost: Float64Array;
  readonly travel: Float64Array;
  readonly ready: Float64Array;
  readonly due: Float64Array;
  readonly service: Float64Array;
  readonly demand: Float64Array;
  /** Node indices that are jobs (customers/visits); all other nodes are depots. */
  readonly jobs: Int32Array;
  readonly vehicles: readonly VehicleSpec[];
  /** Objective penalty per node when that job is left unassigned. */
  readonly unassignedPenalty: Float64Array;
  /** Optional `node * vehicles.length + vehicle` extra cost; Infinity means incompatible. */
  readonly assignmentCost?: Float64Array;
  /** Optional soft due per node: starting later costs `latenessWeight` per unit of lateness. */
  readonly softDue?: Float64Array;
  readonly latenessWeight?: number;
}

/** A solution of the core optimiser: per vehicle the ordered job nodes (depots excluded). */
export interface RoutingSolution {
  readonly routes: number[][];
  readonly unassigned: number[];
  readonly cost: number;
  readonly iterations: number;
}
