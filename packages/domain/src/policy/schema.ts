import { z } from 'zod';

/**
 * The tenant policy (服务政策): every number and rule of SPEC.md as data.
 * Units are integers everywhere: money in fen, rates in basis points (1 % = 100 bp),
 * durations in minutes unless a field name says days or months.
 * SLA durations live only in `sla.targets`; other sections refer to a target by its key,
 * so one rule has exactly one number.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const CAUSE_CLASSES = [
  'material_defect',
  'process_defect',
  'misuse',
  'force_majeure',
  'wear',
  'unknown',
] as const;
export type CauseClass = (typeof CAUSE_CLASSES)[number];

export const COVERAGES = ['free', 'charged', 'refused', 'not_covered'] as const;
export type Coverage = (typeof COVERAGES)[number];

export const PRODUCT_CATEGORIES = ['own', 'partner', 'partner_sold', 'competitor'] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

// One list each, owned by intake and the work order; the policy refers to them.
import { REQUEST_TYPES, type RequestType } from '../service-request/service-request';
import { PRIORITIES, type Priority } from '../work-order/work-order';
export { REQUEST_TYPES, PRIORITIES, type RequestType, type Priority };

export const PAUSE_REASONS = ['waiting_customer', 'waiting_parts', 'waiting_quote_decision'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export const APPROVER_ROLES = ['service_supervisor', 'general_manager', 'store_manager'] as const;
export type ApproverRole = (typeof APPROVER_ROLES)[number];

/** Domain events that start or stop an SLA clock (R-IN-09 defines response, on-site and repair times). */
export const SLA_EVENTS = [
  'request.received',
  'request.contacted',
  'request.reviewed',
  'request.forwarded',
  'consultation.answered',
  'store_handoff.received',
  'customer.called_back',
  'work_order.created',
  'assessment.recorded',
  'appointment.booked_time',
  'visit.arrived',
  'quote.confirmed',
  'visit.departed',
  'fault.marked_complex',
  'solution.proposed',
  'work_order.completed',
  'follow_up.recorded',
  'trip.ended',
  'trip_report.submitted',
  'expense.audited',
  'borrow_slip.returned',
  'borrow_slip.cleared',
] as const;
export type SlaEvent = (typeof SLA_EVENTS)[number];

export const MANDATORY_REQUEST_FIELDS = [
  'customerName',
  'phone',
  'address',
  'productModel',
  'serialNumber',
  'purchaseDate',
  'proofOfPurchaseNumber',
  'problemDescription',
  'problemBeganAt',
] as const;
export type MandatoryRequestField = (typeof MANDATORY_REQUEST_FIELDS)[number];

const int = z.number().int();
const nonNegInt = int.nonnegative();
const positiveInt = int.positive();
const minutes = nonNegInt;
const fen = nonNegInt;
const basisPoints = nonNegInt;
const shareBp = nonNegInt.max(10_000);
const key = z.string().regex(/^[a-z][a-z0-9_.-]*$/, 'lower-case key (a-z, 0-9, _ . -)');

const clockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'time of day HH:MM (00:00–24:00)');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  }, 'not a calendar date');

/** True if `Intl` knows the IANA zone name. */
export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
const timeZone = z.string().min(1).refine(isValidTimeZone, 'unknown IANA time zone');

export const toMinuteOfDay = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

const timeRange = z
  .object({ start: clockTime, end: clockTime })
  .refine((r) => toMinuteOfDay(r.start) < toMinuteOfDay(r.end), {
    message: 'start must be before end',
    path: ['end'],
  });

/** Working intervals of one day: sorted, not overlapping. */
const dayHours = z.array(timeRange).superRefine((ranges, ctx) => {
  for (let i = 1; i < ranges.length; i++) {
    const prev = ranges[i - 1];
    const cur = ranges[i];
    if (prev && cur && toMinuteOfDay(cur.start) < toMinuteOfDay(prev.end)) {
      ctx.addIssue({
        code: 'custom',
        message: 'intervals must be sorted and must not overlap',
        path: [i, 'start'],
      });
    }
  }
});

const weeklyHours = z.object({
  mon: dayHours,
  tue: dayHours,
  wed: dayHours,
  thu: dayHours,
  fri: dayHours,
  sat: dayHours,
  sun: dayHours,
});

const closure = z
  .object({ from: isoDate, to: isoDate, reason: z.string() })
  .refine((c) => c.from <= c.to, { message: 'from must not be after to', path: ['to'] });

export const calendarSchema = z.object({
  /** Working hours per weekday, local time of the tenant's zone (R-NF-01). */
  weeklyHours,
  /** Apply China's public holidays and make-up working days (调休) from the holiday data. */
  followChinaHolidays: z.boolean(),
  /** Which weekday's hours a make-up working day (调休 on a weekend) or an extra working day uses. */
  makeUpDayHoursFrom: z.enum(WEEKDAYS),
  /** Tenant closures (whole local days, inclusive). */
  closures: z.array(closure),
  /** Tenant extra working days (local dates); they use `makeUpDayHoursFrom` hours. */
  extraWorkingDays: z.array(isoDate),
});

const slaCommon = {
  label: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  ruleIds: z.array(z.string().regex(/^R-[A-Z]+-\d{2}$/)).min(1),
  start: z.enum(SLA_EVENTS),
  stop: z.array(z.enum(SLA_EVENTS)).min(1),
  /** Which pause reasons stop this clock while they last. */
  pauseOn: z.array(z.enum(PAUSE_REASONS)),
  /** Share of the target used at which the clock is "at risk" (default 7500 bp = 75 %). */
  warningShareBp: shareBp,
};

/**
 * An SLA target: `working_minutes` counts working time on a named calendar;
 * `working_days` counts working days on a named calendar (see docs/calendar-and-sla.md);
 * `clock_minutes` counts elapsed time, ignoring calendars.
 */
export const slaTargetSchema = z.discriminatedUnion('basis', [
  z.object({ basis: z.literal('working_minutes'), calendar: key, minutes: positiveInt, ...slaCommon }),
  z.object({ basis: z.literal('working_days'), calendar: key, days: positiveInt, ...slaCommon }),
  z.object({ basis: z.literal('clock_minutes'), minutes: positiveInt, ...slaCommon }),
]);
export type SlaTarget = z.infer<typeof slaTargetSchema>;

const penalty = z
  .object({
    code: key,
    label: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
    minFen: fen,
    maxFen: fen,
    per: z.enum(['occurrence', 'day']),
  })
  .refine((p) => p.minFen <= p.maxFen, { message: 'minFen must not exceed maxFen', path: ['maxFen'] });

const tripTariff = z.object({
  year: int.min(2000).max(2100),
  /** Product category (R-WAR-05) or `*` for any. */
  productCategory: z.union([z.enum(PRODUCT_CATEGORIES), z.literal('*')]),
  accommodationFenPerDay: fen,
  mealsFenPerDay: fen,
  allowanceFenPerDay: fen,
});

const payer = z.enum(['company', 'customer']);
const shippingRule = z.object({ toService: payer, backToCustomer: payer });

const avoidWindow = z
  .object({ start: clockTime, end: clockTime, reason: z.enum(['meal', 'rest']) })
  .refine((r) => toMinuteOfDay(r.start) < toMinuteOfDay(r.end), {
    message: 'start must be before end',
    path: ['end'],
  });

const baseSchema = z.object({
  /** IANA zone in which working hours and dates are read; all instants are stored in UTC (R-NF-01). */
  timeZone,
  calendars: z.record(key, calendarSchema),
  sla: z.object({
    defaultWarningShareBp: shareBp,
    targets: z.record(key, slaTargetSchema),
  }),
  intake: z.object({
    /** R-IN-04 response target per priority (keys into sla.targets). */
    responseTargets: z.object({ urgent: key, normal: key, low: key }),
    /** R-IN-05 initial review target. */
    reviewTarget: key,
    /** R-IN-06 consultation answer and forwarding targets. */
    consultationAnswerTarget: key,
    forwardTarget: key,
    /** R-IN-07 call-back after a store hand-off. */
    storeHandoffCallbackTarget: key,
    /** R-IN-03 fields without which a request is refused. */
    mandatoryFields: z.array(z.enum(MANDATORY_REQUEST_FIELDS)),
    /** R-IN-04 words that make a request a safety hazard (urgent, stop-use advice). */
    safetyHazardKeywords: z.object({
      zh: z.array(z.string().min(1)).min(1),
      en: z.array(z.string().min(1)).min(1),
    }),
    stopUseAdvice: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
    /** R-IN-08 a request for the same product and symptom inside this window is a repeat. */
    duplicateWindowDays: positiveInt,
  }),
  warranty: z.object({
    /** R-WAR-02 warranty months per product line key, with a default; counted from the purchase date. */
    monthsByProductLine: z.object({ default: nonNegInt, lines: z.record(key, nonNegInt) }),
    /** R-WAR-02 parts warranty (appliance parts 36 months). */
    partsMonths: nonNegInt,
    /** R-WAR-04 a replaced part's own warranty. */
    replacedPartMonths: nonNegInt,
    /** R-WAR-03 cause → coverage inside and outside the warranty period. */
    coverage: z.object({
      material_defect: z.object({ inWarranty: z.enum(COVERAGES), outOfWarranty: z.enum(COVERAGES) }),
      process_defect: z.object({ inWarranty: z.enum(COVERAGES), outOfWarranty: z.enum(COVERAGES) }),
      misuse: z.object({ inWarranty: z.enum(COVERAGES), outOfWarranty: z.enum(COVERAGES) }),
      force_majeure: z.object({ inWarranty: z.enum(COVERAGES), outOfWarranty: z.enum(COVERAGES) }),
      wear: z.object({ inWarranty: z.enum(COVERAGES), outOfWarranty: z.enum(COVERAGES) }),
      unknown: z.object({ inWarranty: z.enum(COVERAGES), outOfWarranty: z.enum(COVERAGES) }),
    }),
    /** R-WAR-03 preferential rate outside warranty: discount on the charge. */
    outOfWarrantyDiscountBp: shareBp,
    /** R-WAR-05 service priority, first served first. */
    categoryPriority: z.array(z.enum(PRODUCT_CATEGORIES)).length(4),
    competitorAllowedServices: z.array(z.enum(REQUEST_TYPES)),
    competitorOtherServicesApprover: z.enum(APPROVER_ROLES),
  }),
  fees: z.object({
    /** R-FEE-01 no chargeable work without a confirmed itemised quote. */
    quoteConfirmationRequired: z.boolean(),
    /** R-FEE-02 travel at cost plus a daily tariff per year and product category. */
    travelAtCost: z.boolean(),
    tripTariffs: z.array(tripTariff).min(1),
    /** R-FEE-03 */
    partnerPartMarkupMinBp: basisPoints.min(1000),
    partnerSuppliedHandlingFeeBp: basisPoints,
    competitorMinMarginBp: basisPoints,
    /** R-FEE-04 out-of-warranty work after a refusal to pay needs this approver. */
    refusalToPayApprover: z.enum(APPROVER_ROLES),
    /** R-FEE-05 who pays shipping each way. */
    shipping: z.object({
      inWarrantyRepair: shippingRule,
      outOfWarrantyRepair: shippingRule,
      nonQualityReturn: shippingRule,
      qualityReturn: shippingRule,
    }),
  }),
  workOrder: z.object({
    /** R-WO-02 the technician calls the customer this long before arrival. */
    confirmationCallMinutesBeforeArrival: minutes,
    /** R-WO-04 local times in which no visit is booked. */
    visitAvoidWindows: z.array(avoidWindow),
    /** R-WO-04 weekdays on which visits are booked without approval. */
    allowedVisitWeekdays: z.array(z.enum(WEEKDAYS)).min(1),
    otherVisitDaysApprover: z.enum(APPROVER_ROLES),
    /** R-WO-08 an unsatisfied customer gets this many free second services, then a complaint opens. */
    reworkFree: z.boolean(),
    freeReworksBeforeComplaint: nonNegInt,
    /** R-WO-03 on-site targets by zone and by distance from the service base (keys into sla.targets). */
    onSiteTargets: z.object({ urban: key, suburban: key }),
    distanceTiers: z
      .array(z.object({ upToKm: positiveInt.nullable(), target: key }))
      .min(1)
      .superRefine((tiers, ctx) => {
        tiers.forEach((t, i) => {
          const prev = tiers[i - 1];
          if (i < tiers.length - 1 && t.upToKm === null) {
            ctx.addIssue({
              code: 'custom',
              message: 'only the last tier may be open-ended',
              path: [i, 'upToKm'],
            });
          }
          if (prev && prev.upToKm !== null && t.upToKm !== null && t.upToKm <= prev.upToKm) {
            ctx.addIssue({ code: 'custom', message: 'tiers must increase', path: [i, 'upToKm'] });
          }
        });
        if (tiers[tiers.length - 1]?.upToKm !== null) {
          ctx.addIssue({
            code: 'custom',
            message: 'the last tier must be open-ended (null)',
            path: [tiers.length - 1],
          });
        }
      }),
    outOfWarrantyDepartureTarget: key,
    /** R-WO-10 */
    complexFaultSolutionTarget: key,
    /** R-WO-11 */
    tripReportTarget: key,
    /** R-WO-12 a technician returns from a trip only after the quality office agrees. */
    tripReturnNeedsQcApproval: z.boolean(),
    /** R-WAR-01 */
    assessmentTarget: key,
  }),
  delivery: z.object({
    /** R-DEL-01 contracts arrive daily before this local time. */
    contractCutoffTime: clockTime,
    /** R-DEL-02 missing goods are ordered after this many days; delivery is agreed within this many days. */
    factoryOrderAfterDays: nonNegInt,
    deliveryWithinDays: positiveInt,
  }),
  returns: z.object({
    /** R-RMA-01 windows from the purchase date. */
    qualityDays: nonNegInt,
    notFittingDays: nonNegInt,
    /** R-RMA-02 exchange rather than refund; a refund then needs approval. */
    exchangePreferred: z.boolean(),
    refundApprover: z.enum(APPROVER_ROLES),
  }),
  parts: z.object({
    /** R-PRT-02 */
    stockSufficiencyTargetBp: shareBp,
    commonModelMinStock: nonNegInt,
    /** R-PRT-04 unused and faulty parts come back within this many days of the technician's return. */
    borrowReturnTarget: key,
    openSlipReviewWeekday: z.enum(WEEKDAYS),
    /** R-PRT-07 showroom sample moves on these weekdays need the store manager only. */
    sampleMoveWeekdays: z.array(z.enum(WEEKDAYS)),
  }),
  followUp: z.object({
    /** R-FUP-01 */
    callTarget: key,
    /** R-FUP-02 survey score 0–100 */
    surveyTarget: int.min(0).max(100),
    lowScoreThreshold: int.min(0).max(100),
    lowScoreAction: z.enum(['rework', 'complaint']),
    /** R-FUP-05 */
    trackingIntervalMonths: positiveInt,
    visitsPerYear: nonNegInt,
    /** R-FUP-04 */
    registrationCardMonths: positiveInt,
  }),
  qc: z.object({
    /** R-QC-01 */
    monthlySampleBp: shareBp,
    weeklySpotCheck: z.boolean(),
    /** R-QC-02 */
    mysteryShopperVisitsPerMonth: nonNegInt,
  }),
  hr: z.object({
    /** R-HR-01 (20 h = 1200 min) */
    trainingMinutesPerYear: minutes,
    /** R-DIS-02 (36 h = 2160 min) */
    leaveNoticeMinutes: minutes,
    /** R-HR-04 */
    penalties: z.array(penalty),
    /** R-HR-05 */
    expenseAuditTarget: key,
  }),
  kpi: z.object({
    /** R-KPI-01 */
    firstTimeFixTargetBp: shareBp,
    csatTarget: int.min(0).max(100),
    slaAttainmentTargetBp: shareBp,
  }),
  dispatch: z.object({
    /** Straight-line distance × this factor (bp, 13000 = 1.3) estimates road distance. */
    roadFactorBp: basisPoints.min(10_000),
    citySpeedKmh: positiveInt,
    highwaySpeedKmh: positiveInt,
    defaultVisitMinutes: positiveInt,
    maxVisitsPerTechnicianDay: positiveInt,
    /** Where a technician's day starts: their home base or the service centre. */
    depot: z.enum(['home_base', 'service_centre']),
  }),
});

/** Every key that names an SLA target, with its path, for the cross-reference check. */
function targetRefs(p: z.infer<typeof baseSchema>): Array<[string, (string | number)[]]> {
  const refs: Array<[string, (string | number)[]]> = [
    [p.intake.responseTargets.urgent, ['intake', 'responseTargets', 'urgent']],
    [p.intake.responseTargets.normal, ['intake', 'responseTargets', 'normal']],
    [p.intake.responseTargets.low, ['intake', 'responseTargets', 'low']],
    [p.intake.reviewTarget, ['intake', 'reviewTarget']],
    [p.intake.consultationAnswerTarget, ['intake', 'consultationAnswerTarget']],
    [p.intake.forwardTarget, ['intake', 'forwardTarget']],
    [p.intake.storeHandoffCallbackTarget, ['intake', 'storeHandoffCallbackTarget']],
    [p.workOrder.onSiteTargets.urban, ['workOrder', 'onSiteTargets', 'urban']],
    [p.workOrder.onSiteTargets.suburban, ['workOrder', 'onSiteTargets', 'suburban']],
    [p.workOrder.outOfWarrantyDepartureTarget, ['workOrder', 'outOfWarrantyDepartureTarget']],
    [p.workOrder.complexFaultSolutionTarget, ['workOrder', 'complexFaultSolutionTarget']],
    [p.workOrder.tripReportTarget, ['workOrder', 'tripReportTarget']],
    [p.workOrder.assessmentTarget, ['workOrder', 'assessmentTarget']],
    [p.parts.borrowReturnTarget, ['parts', 'borrowReturnTarget']],
    [p.followUp.callTarget, ['followUp', 'callTarget']],
    [p.hr.expenseAuditTarget, ['hr', 'expenseAuditTarget']],
  ];
  p.workOrder.distanceTiers.forEach((t, i) =>
    refs.push([t.target, ['workOrder', 'distanceTiers', i, 'target']]),
  );
  return refs;
}

export const policySchema = baseSchema.superRefine((p, ctx) => {
  for (const [name, target] of Object.entries(p.sla.targets)) {
    if (target.basis !== 'clock_minutes' && !(target.calendar in p.calendars)) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown calendar "${target.calendar}"`,
        path: ['sla', 'targets', name, 'calendar'],
      });
    }
  }
  for (const [ref, path] of targetRefs(p)) {
    if (!(ref in p.sla.targets))
      ctx.addIssue({ code: 'custom', message: `unknown SLA target "${ref}"`, path });
  }
  if (p.followUp.lowScoreThreshold > p.followUp.surveyTarget) {
    ctx.addIssue({
      code: 'custom',
      message: 'low-score threshold must not exceed the survey target',
      path: ['followUp', 'lowScoreThreshold'],
    });
  }
});

export type Policy = z.infer<typeof policySchema>;
export type CalendarPolicy = z.infer<typeof calendarSchema>;
