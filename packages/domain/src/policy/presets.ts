import type { CalendarPolicy, Policy, SlaTarget, Weekday } from './schema';

/** The five shipped policy templates (政策模板), one per source company of SPEC.md. */
export const PRESET_NAMES = ['ceramics', 'appliance', 'furniture', 'vehicle', 'lighting'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

type Range = { start: string; end: string };
const week = (workdays: Range[], weekend: Range[] = []): CalendarPolicy['weeklyHours'] => ({
  mon: workdays,
  tue: workdays,
  wed: workdays,
  thu: workdays,
  fri: workdays,
  sat: weekend,
  sun: weekend,
});

const officeHours: Range[] = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '18:00' },
];
const allDay: Range[] = [{ start: '00:00', end: '24:00' }];

const calendar = (
  weeklyHours: CalendarPolicy['weeklyHours'],
  followChinaHolidays: boolean,
): CalendarPolicy => ({
  weeklyHours,
  followChinaHolidays,
  makeUpDayHoursFrom: 'mon',
  closures: [],
  extraWorkingDays: [],
});

const WARN = 7500;
const label = (zh: string, en: string) => ({ zh, en });

/** SLA targets shared by all presets; a preset overrides what its source company says differently. */
function baseTargets(): Record<string, SlaTarget> {
  const common = { warningShareBp: WARN };
  return {
    'response.urgent': {
      basis: 'clock_minutes',
      minutes: 4 * 60,
      label: label('紧急响应', 'Urgent response'),
      ruleIds: ['R-IN-04', 'R-IN-09'],
      start: 'request.received',
      stop: ['request.contacted', 'visit.arrived'],
      pauseOn: [],
      ...common,
    },
    'response.normal': {
      basis: 'clock_minutes',
      minutes: 24 * 60,
      label: label('一般响应', 'Normal response'),
      ruleIds: ['R-IN-04', 'R-IN-09'],
      start: 'request.received',
      stop: ['request.contacted', 'visit.arrived'],
      pauseOn: [],
      ...common,
    },
    'response.low': {
      basis: 'clock_minutes',
      minutes: 72 * 60,
      label: label('低优先级响应', 'Low-priority response'),
      ruleIds: ['R-IN-04', 'R-IN-09'],
      start: 'request.received',
      stop: ['request.contacted', 'visit.arrived'],
      pauseOn: [],
      ...common,
    },
    'request.review': {
      basis: 'clock_minutes',
      minutes: 24 * 60,
      label: label('初审', 'Initial review'),
      ruleIds: ['R-IN-05'],
      start: 'request.received',
      stop: ['request.reviewed'],
      pauseOn: ['waiting_customer'],
      ...common,
    },
    'consultation.answer': {
      basis: 'clock_minutes',
      minutes: 24 * 60,
      label: label('咨询答复', 'Consultation answer'),
      ruleIds: ['R-IN-06'],
      start: 'request.received',
      stop: ['consultation.answered'],
      pauseOn: ['waiting_customer'],
      ...common,
    },
    'request.forward': {
      basis: 'working_minutes',
      calendar: 'office',
      minutes: 4 * 60,
      label: label('信息转交服务部', 'Forward to service department'),
      ruleIds: ['R-IN-06', 'R-HR-04'],
      start: 'request.received',
      stop: ['request.forwarded'],
      pauseOn: [],
      ...common,
    },
    'store_handoff.callback': {
      basis: 'working_minutes',
      calendar: 'office',
      minutes: 60,
      label: label('门店转交后回电', 'Call-back after store hand-off'),
      ruleIds: ['R-IN-07'],
      start: 'store_handoff.received',
      stop: ['customer.called_back'],
      pauseOn: [],
      ...common,
    },
    assessment: {
      basis: 'clock_minutes',
      minutes: 48 * 60,
      label: label('维修鉴定', 'Assessment'),
      ruleIds: ['R-WAR-01'],
      start: 'work_order.created',
      stop: ['assessment.recorded'],
      pauseOn: ['waiting_customer', 'waiting_parts'],
      ...common,
    },
    'onsite.urban': {
      basis: 'clock_minutes',
      minutes: 4 * 60,
      label: label('市区到场', 'On site (town)'),
      ruleIds: ['R-WO-03', 'R-IN-09'],
      start: 'appointment.booked_time',
      stop: ['visit.arrived'],
      pauseOn: ['waiting_customer'],
      ...common,
    },
    'onsite.suburban': {
      basis: 'clock_minutes',
      minutes: 6 * 60,
      label: label('郊区到场', 'On site (suburbs)'),
      ruleIds: ['R-WO-03', 'R-IN-09'],
      start: 'appointment.booked_time',
      stop: ['visit.arrived'],
      pauseOn: ['waiting_customer'],
      ...common,
    },
    'onsite.up_to_300km': {
      basis: 'clock_minutes',
      minutes: 24 * 60,
      label: label('300公里内到场', 'On site (≤ 300 km)'),
      ruleIds: ['R-WO-03'],
      start: 'appointment.booked_time',
      stop: ['visit.arrived'],
      pauseOn: ['waiting_customer'],
      ...common,
    },
    'onsite.up_to_1000km': {
      basis: 'clock_minutes',
      minutes: 48 * 60,
      label: label('1000公里内到场', 'On site (≤ 1000 km)'),
      ruleIds: ['R-WO-03'],
      start: 'appointment.booked_time',
      stop: ['visit.arrived'],
      pauseOn: ['waiting_customer'],
      ...common,
    },
    'onsite.beyond_1000km': {
      basis: 'clock_minutes',
      minutes: 72 * 60,
      label: label('1000公里以上到场', 'On site (> 1000 km)'),
      ruleIds: ['R-WO-03'],
      start: 'appointment.booked_time',
      stop: ['visit.arrived'],
      pauseOn: ['waiting_customer'],
      ...common,
    },
    'departure.out_of_warranty': {
      basis: 'clock_minutes',
      minutes: 24 * 60,
      label: label('保外出发', 'Departure after fee confirmation'),
      ruleIds: ['R-WO-03'],
      start: 'quote.confirmed',
      stop: ['visit.departed'],
      pauseOn: [],
      ...common,
    },
    'solution.complex_fault': {
      basis: 'working_days',
      calendar: 'office',
      days: 3,
      label: label('复杂故障解决方案', 'Complex-fault solution'),
      ruleIds: ['R-WO-10'],
      start: 'fault.marked_complex',
      stop: ['solution.proposed'],
      pauseOn: ['waiting_customer', 'waiting_parts', 'waiting_quote_decision'],
      ...common,
    },
    'follow_up.call': {
      basis: 'working_days',
      calendar: 'office',
      days: 3,
      label: label('完工回访', 'Follow-up call'),
      ruleIds: ['R-FUP-01'],
      start: 'work_order.completed',
      stop: ['follow_up.recorded'],
      pauseOn: [],
      ...common,
    },
    'trip.report': {
      basis: 'working_days',
      calendar: 'office',
      days: 3,
      label: label('出差报告', 'Trip report'),
      ruleIds: ['R-WO-11'],
      start: 'trip.ended',
      stop: ['trip_report.submitted'],
      pauseOn: [],
      ...common,
    },
    'expense.audit': {
      basis: 'working_days',
      calendar: 'office',
      days: 5,
      label: label('差旅费用审核', 'Expense audit'),
      ruleIds: ['R-HR-05', 'R-HR-04'],
      start: 'trip_report.submitted',
      stop: ['expense.audited'],
      pauseOn: ['waiting_customer'],
      ...common,
    },
    'parts.borrow_return': {
      basis: 'clock_minutes',
      minutes: 3 * 24 * 60,
      label: label('借用件归还', 'Borrowed parts returned'),
      ruleIds: ['R-PRT-04'],
      start: 'trip.ended',
      stop: ['borrow_slip.returned'],
      pauseOn: [],
      ...common,
    },
  };
}

const SAFETY_ZH = [
  '漏电',
  '触电',
  '冒烟',
  '烧焦',
  '起火',
  '着火',
  '燃气',
  '煤气',
  '漏气',
  '坍塌',
  '断裂',
  '爆炸',
];
const SAFETY_EN = [
  'electric leakage',
  'electric shock',
  'smoke',
  'burning smell',
  'fire',
  'gas leak',
  'gas smell',
  'structural collapse',
  'collapse',
  'explosion',
];

const allWeekdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const monToFri: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

const tariff = (year: number) => ({
  year,
  productCategory: '*' as const,
  accommodationFenPerDay: 20_000,
  mealsFenPerDay: 10_000,
  allowanceFenPerDay: 30_000,
});

/** The common skeleton: every field filled, so any feature works for any tenant. */
function basePolicy(): Policy {
  return {
    timeZone: 'Asia/Shanghai',
    calendars: {
      office: calendar(week(officeHours), true),
      hotline: calendar(week(allDay, allDay), false),
    },
    sla: { defaultWarningShareBp: WARN, targets: baseTargets() },
    intake: {
      responseTargets: { urgent: 'response.urgent', normal: 'response.normal', low: 'response.low' },
      reviewTarget: 'request.review',
      consultationAnswerTarget: 'consultation.answer',
      forwardTarget: 'request.forward',
      storeHandoffCallbackTarget: 'store_handoff.callback',
      mandatoryFields: ['customerName', 'phone', 'address', 'productModel', 'problemDescription'],
      safetyHazardKeywords: { zh: [...SAFETY_ZH], en: [...SAFETY_EN] },
      stopUseAdvice: {
        zh: '为了您的安全，请立即停止使用该产品，切断电源或关闭燃气阀门，并远离危险区域。我们会尽快与您联系。',
        en: 'For your safety, stop using the product now, switch off the power or close the gas valve, and keep away from the danger. We will contact you as soon as possible.',
      },
      duplicateWindowDays: 30,
    },
    warranty: {
      monthsByProductLine: { default: 12, lines: {} },
      partsMonths: 12,
      replacedPartMonths: 3,
      coverage: {
        material_defect: { inWarranty: 'free', outOfWarranty: 'charged' },
        process_defect: { inWarranty: 'free', outOfWarranty: 'charged' },
        misuse: { inWarranty: 'charged', outOfWarranty: 'charged' },
        force_majeure: { inWarranty: 'not_covered', outOfWarranty: 'not_covered' },
        wear: { inWarranty: 'charged', outOfWarranty: 'charged' },
        unknown: { inWarranty: 'free', outOfWarranty: 'charged' },
      },
      outOfWarrantyDiscountBp: 0,
      categoryPriority: ['own', 'partner', 'partner_sold', 'competitor'],
      competitorAllowedServices: ['consultation', 'repair', 'maintenance', 'parts'],
      competitorOtherServicesApprover: 'general_manager',
    },
    fees: {
      quoteConfirmationRequired: true,
      travelAtCost: true,
      tripTariffs: [tariff(2025), tariff(2026), tariff(2027)],
      partnerPartMarkupMinBp: 1000,
      partnerSuppliedHandlingFeeBp: 1000,
      competitorMinMarginBp: 2000,
      refusalToPayApprover: 'general_manager',
      shipping: {
        inWarrantyRepair: { toService: 'company', backToCustomer: 'company' },
        outOfWarrantyRepair: { toService: 'customer', backToCustomer: 'customer' },
        nonQualityReturn: { toService: 'customer', backToCustomer: 'customer' },
        qualityReturn: { toService: 'company', backToCustomer: 'company' },
      },
    },
    workOrder: {
      confirmationCallMinutesBeforeArrival: 30,
      visitAvoidWindows: [
        { start: '00:00', end: '08:00', reason: 'rest' },
        { start: '12:00', end: '13:30', reason: 'meal' },
        { start: '21:00', end: '24:00', reason: 'rest' },
      ],
      allowedVisitWeekdays: [...allWeekdays],
      otherVisitDaysApprover: 'service_supervisor',
      reworkFree: true,
      freeReworksBeforeComplaint: 1,
      onSiteTargets: { urban: 'onsite.urban', suburban: 'onsite.suburban' },
      distanceTiers: [
        { upToKm: 300, target: 'onsite.up_to_300km' },
        { upToKm: 1000, target: 'onsite.up_to_1000km' },
        { upToKm: null, target: 'onsite.beyond_1000km' },
      ],
      outOfWarrantyDepartureTarget: 'departure.out_of_warranty',
      complexFaultSolutionTarget: 'solution.complex_fault',
      tripReportTarget: 'trip.report',
      tripReturnNeedsQcApproval: true,
      assessmentTarget: 'assessment',
    },
    delivery: { contractCutoffTime: '17:00', factoryOrderAfterDays: 1, deliveryWithinDays: 3 },
    returns: {
      qualityDays: 15,
      notFittingDays: 7,
      exchangePreferred: false,
      refundApprover: 'general_manager',
    },
    parts: {
      stockSufficiencyTargetBp: 9000,
      commonModelMinStock: 100,
      borrowReturnTarget: 'parts.borrow_return',
      openSlipReviewWeekday: 'mon',
      sampleMoveWeekdays: [...monToFri],
    },
    followUp: {
      callTarget: 'follow_up.call',
      surveyTarget: 90,
      lowScoreThreshold: 60,
      lowScoreAction: 'rework',
      trackingIntervalMonths: 3,
      visitsPerYear: 1,
      registrationCardMonths: 1,
    },
    qc: { monthlySampleBp: 1000, weeklySpotCheck: true, mysteryShopperVisitsPerMonth: 1 },
    hr: {
      trainingMinutesPerYear: 20 * 60,
      leaveNoticeMinutes: 36 * 60,
      penalties: [
        {
          code: 'info_late_or_incomplete',
          label: label('信息传递不及时或不完整', 'Information passed on late or incomplete'),
          minFen: 5_000,
          maxFen: 5_000,
          per: 'occurrence',
        },
        {
          code: 'trip_return_without_approval',
          label: label('未经批准擅自返回', 'Returned from a trip without approval'),
          minFen: 5_000,
          maxFen: 50_000,
          per: 'occurrence',
        },
        {
          code: 'audit_late',
          label: label('审核延误', 'Audit late'),
          minFen: 1_000,
          maxFen: 1_000,
          per: 'day',
        },
      ],
      expenseAuditTarget: 'expense.audit',
    },
    kpi: { firstTimeFixTargetBp: 8500, csatTarget: 90, slaAttainmentTargetBp: 9500 },
    dispatch: {
      roadFactorBp: 13_000,
      citySpeedKmh: 30,
      highwaySpeedKmh: 80,
      defaultVisitMinutes: 60,
      maxVisitsPerTechnicianDay: 8,
      depot: 'home_base',
    },
  };
}

function target(p: Policy, name: string): SlaTarget {
  const t = p.sla.targets[name];
  if (!t) throw new Error(`preset lacks SLA target ${name}`);
  return t;
}

/** C — ceramics factory: warranty 3–24 months per line, written assessment in 48 h, misuse refused. */
function ceramics(): Policy {
  const p = basePolicy();
  p.warranty.monthsByProductLine = {
    default: 12,
    lines: { tiles: 24, sanitary_ware: 12, hardware_fittings: 3 },
  };
  p.warranty.coverage.misuse = { inWarranty: 'refused', outOfWarranty: 'charged' };
  p.warranty.outOfWarrantyDiscountBp = 1000;
  p.intake.mandatoryFields.push('purchaseDate', 'proofOfPurchaseNumber', 'problemBeganAt');
  return p;
}

/** A — appliance repair service: parts 36 months, replaced parts 36 months, response 4/24/48 h. */
function appliance(): Policy {
  const p = basePolicy();
  p.warranty.partsMonths = 36;
  p.warranty.replacedPartMonths = 36;
  const low = target(p, 'response.low');
  if (low.basis === 'clock_minutes') low.minutes = 48 * 60;
  p.intake.mandatoryFields.push('serialNumber', 'purchaseDate');
  p.dispatch.depot = 'service_centre';
  return p;
}

/** F — furniture store: visits Monday to Friday, exchange rather than refund, store call-back. */
function furniture(): Policy {
  const p = basePolicy();
  p.calendars.store = calendar(
    week([{ start: '09:00', end: '21:00' }], [{ start: '09:00', end: '21:00' }]),
    false,
  );
  p.workOrder.allowedVisitWeekdays = [...monToFri];
  p.returns.exchangePreferred = true;
  const callback = target(p, 'store_handoff.callback');
  if (callback.basis === 'working_minutes') callback.minutes = 30;
  p.intake.safetyHazardKeywords.zh.push('倾倒', '松动');
  p.intake.safetyHazardKeywords.en.push('tipping over');
  p.dispatch.maxVisitsPerTechnicianDay = 6;
  return p;
}

/** V — special vehicles: consultations in 8 working hours, long trips, tariffs, competitor rules. */
function vehicle(): Policy {
  const p = basePolicy();
  p.calendars.office = calendar(
    week([
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]),
    true,
  );
  p.sla.targets['consultation.answer'] = {
    basis: 'working_minutes',
    calendar: 'office',
    minutes: 8 * 60,
    label: label('咨询答复', 'Consultation answer'),
    ruleIds: ['R-IN-06'],
    start: 'request.received',
    stop: ['consultation.answered'],
    pauseOn: ['waiting_customer'],
    warningShareBp: WARN,
  };
  p.warranty.outOfWarrantyDiscountBp = 1000;
  p.intake.safetyHazardKeywords.zh.push('刹车失灵', '倾覆', '支腿失效');
  p.intake.safetyHazardKeywords.en.push('brake failure', 'tip-over', 'outrigger failure');
  p.intake.mandatoryFields.push('serialNumber', 'purchaseDate');
  p.dispatch.highwaySpeedKmh = 70;
  p.dispatch.maxVisitsPerTechnicianDay = 3;
  return p;
}

/** L — lighting factory: 12 months, returns 15/7 days, shipping paid both ways in warranty. */
function lighting(): Policy {
  const p = basePolicy();
  p.warranty.monthsByProductLine = { default: 12, lines: {} };
  p.warranty.partsMonths = 12;
  p.intake.mandatoryFields.push('purchaseDate', 'proofOfPurchaseNumber');
  return p;
}

const builders: Record<PresetName, () => Policy> = { ceramics, appliance, furniture, vehicle, lighting };

/** A fresh, independent copy of a preset's policy: changing it never changes the template. */
export function getPolicyPreset(name: PresetName): Policy {
  return structuredClone(builders[name]());
}

export function isPresetName(value: string): value is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(value);
}
