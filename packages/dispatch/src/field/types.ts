// Field-service model of dispatch (R-DIS-01..04). Instants are epoch milliseconds chosen by the
// caller (who knows the tenant's time zone); nothing here reads the clock.

/** A point on the map (WGS-84 degrees). */
export interface GeoPoint {
  readonly lat: number;
  readonly lng: number;
}

/** A half-open time interval [start, end) in epoch milliseconds. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** The day being dispatched: local date, weekday (0 = Sunday) and local midnight as an instant. */
export interface ServiceDay {
  readonly date: string;
  readonly weekday: number;
  readonly midnight: number;
}

export type Priority = 'urgent' | 'normal' | 'low';

/** Skill of a technician for one product line, level 1 (junior) to 5 (expert). */
export interface Skill {
  readonly productLine: string;
  readonly level: number;
}

/** A certificate that allows work on a product line until it expires. */
export interface Certificate {
  readonly code: string;
  readonly productLine: string;
  readonly expiresAt: number;
}

/** A technician as dispatch sees them (R-DIS-01, R-DIS-02). */
export interface Technician {
  readonly id: string;
  /** Display name used in explanations, e.g. "张师傅". */
  readonly name: string;
  readonly skills: readonly Skill[];
  readonly certificates: readonly Certificate[];
  /** Annual technical assessment: passed and valid until (instant). */
  readonly assessment: { readonly passed: boolean; readonly validUntil: number };
  readonly home: GeoPoint;
  readonly serviceArea?: { readonly centre: GeoPoint; readonly radiusKm: number };
  /** Van capacity in the same units as `Visit.load` (e.g. number of bulky items). */
  readonly vanCapacity: number;
  /** Shift windows on the service day. */
  readonly shifts: readonly Interval[];
  readonly leave: readonly Interval[];
}

/** A visit to plan or assign (R-DIS-04): where, when, how long, what skill, how urgent. */
export interface Visit {
  readonly id: string;
  readonly location: GeoPoint;
  /** Window in which the service must start (the booked slot, or the customer's availability). */
  readonly window: Interval;
  readonly serviceMinutes: number;
  readonly productLine: string;
  readonly minSkillLevel?: number;
  readonly priority: Priority;
  /** On-site SLA deadline (R-WO-03); service should start before it. */
  readonly slaDeadline?: number;
  readonly booked: boolean;
  /** Already sent to this technician: re-planning should keep it there. */
  readonly pinnedTechnicianId?: string;
  /** Customer's rest and meal hours that the visit must not overlap (R-WO-04). */
  readonly avoid?: readonly Interval[];
  /** Room taken in the van (defaults to 0). */
  readonly load?: number;
}

/** Tenant policy settings used by dispatch. */
export interface DispatchPolicy {
  /** Road distance ÷ great-circle distance, e.g. 1.3. */
  readonly roadFactor: number;
  /** Average city speed in km/h, e.g. 30. */
  readonly citySpeedKmh: number;
  /**
   * Weekdays (0 = Sunday) on which a product line may be served, e.g. furniture: [1,2,3,4,5];
   * the key '*' applies to every line without its own entry (a tenant-wide preset rule).
   */
  readonly allowedWeekdays?: Readonly<Record<string, readonly number[]>>;
}

/** Why a technician cannot take a visit, or why a visit stays unplanned. */
export type RejectionCode =
  | 'SKILL_MISSING'
  | 'SKILL_LEVEL_LOW'
  | 'CERTIFICATE_MISSING'
  | 'CERTIFICATE_EXPIRED'
  | 'ASSESSMENT_NOT_PASSED'
  | 'OFF_SHIFT'
  | 'ON_LEAVE'
  | 'SLOT_TAKEN'
  | 'OUTSIDE_SERVICE_AREA'
  | 'WEEKDAY_NOT_ALLOWED'
  | 'CUSTOMER_REST_TIME'
  | 'NO_COMMON_TIME'
  | 'VAN_FULL'
  | 'NO_TECHNICIAN_ON_SHIFT'
  | 'NO_FEASIBLE_ROUTE';

/** A supervisor's decision to set a hard rule aside for one assignment (audited by the caller). */
export interface RuleOverride {
  readonly code: RejectionCode;
  readonly reason: string;
  readonly by?: string;
  /** Only for this technician; all technicians when absent. */
  readonly technicianId?: string;
}

/** A visit already given to a technician on the service day (their workload and busy time). */
export interface Assignment {
  readonly technicianId: string;
  readonly visitId: string;
  readonly location: GeoPoint;
  readonly start: number;
  readonly end: number;
}
