// The fields of each work-order move, as the API's bodies take them (packages/contracts). The form
// shows exactly these; the server validates again and names the field it refuses.

export type FieldKind = 'text' | 'textarea' | 'boolean' | 'yuan' | 'number' | 'select' | 'datetime' | 'date';

export interface ActionField {
  name: string;
  kind: FieldKind;
  required?: boolean;
  /** Label key (literal, so the locale test sees it). */
  labelKey: string;
  options?: readonly { value: string; labelKey: string }[];
}

export interface ActionSpec {
  action: string;
  labelKey: string;
  /** A reason must be given (the transition table's `requiresReason`). */
  reasonRequired: boolean;
  fields: readonly ActionField[];
  /** Destructive moves get a red button. */
  danger?: boolean;
  /** The move needs something this form cannot capture (a drawn signature): done in the technician's phone view. */
  needsSignature?: boolean;
}

const note: ActionField = { name: 'note', kind: 'textarea', labelKey: 'workOrder.field.note' };

const CAUSE_OPTIONS = [
  { value: 'material_defect', labelKey: 'workOrder.cause.material_defect' },
  { value: 'process_defect', labelKey: 'workOrder.cause.process_defect' },
  { value: 'misuse', labelKey: 'workOrder.cause.misuse' },
  { value: 'force_majeure', labelKey: 'workOrder.cause.force_majeure' },
  { value: 'wear', labelKey: 'workOrder.cause.wear' },
  { value: 'unknown', labelKey: 'workOrder.cause.unknown' },
] as const;

const CHANNEL_OPTIONS = [
  { value: 'hotline', labelKey: 'workOrder.channel.hotline' },
  { value: 'web', labelKey: 'workOrder.channel.web' },
  { value: 'wechat', labelKey: 'workOrder.channel.wechat' },
  { value: 'store', labelKey: 'workOrder.channel.store' },
  { value: 'email', labelKey: 'workOrder.channel.email' },
  { value: 'letter', labelKey: 'workOrder.channel.letter' },
] as const;

export const ACTION_SPECS: readonly ActionSpec[] = [
  {
    action: 'assess',
    labelKey: 'workOrder.action.assess',
    reasonRequired: false,
    fields: [
      { name: 'faultConfirmed', kind: 'boolean', labelKey: 'workOrder.field.faultConfirmed' },
      { name: 'findings', kind: 'textarea', required: true, labelKey: 'workOrder.field.findings' },
      { name: 'repairFeasible', kind: 'boolean', labelKey: 'workOrder.field.repairFeasible' },
      { name: 'causeClass', kind: 'select', labelKey: 'workOrder.field.causeClass', options: CAUSE_OPTIONS },
      { name: 'estimatedCostFen', kind: 'yuan', labelKey: 'workOrder.field.estimatedCost' },
      { name: 'failedPartId', kind: 'text', labelKey: 'workOrder.field.failedPartId' },
      { name: 'purchaseDate', kind: 'date', labelKey: 'workOrder.field.purchaseDate' },
      { name: 'proofOfPurchase', kind: 'text', labelKey: 'workOrder.field.proofOfPurchase' },
    ],
  },
  {
    action: 'confirm_quote',
    labelKey: 'workOrder.action.confirm_quote',
    reasonRequired: false,
    fields: [
      { name: 'channel', kind: 'select', labelKey: 'workOrder.field.channel', options: CHANNEL_OPTIONS },
    ],
  },
  {
    action: 'refuse_quote',
    labelKey: 'workOrder.action.refuse_quote',
    reasonRequired: false,
    danger: true,
    fields: [
      { name: 'channel', kind: 'select', labelKey: 'workOrder.field.channel', options: CHANNEL_OPTIONS },
    ],
  },
  {
    action: 'approve_after_refusal',
    labelKey: 'workOrder.action.approve_after_refusal',
    reasonRequired: true,
    fields: [],
  },
  {
    action: 'schedule',
    labelKey: 'workOrder.action.schedule',
    reasonRequired: false,
    fields: [
      { name: 'slotStart', kind: 'datetime', required: true, labelKey: 'workOrder.field.slotStart' },
      { name: 'slotEnd', kind: 'datetime', required: true, labelKey: 'workOrder.field.slotEnd' },
      { name: 'address', kind: 'text', required: true, labelKey: 'workOrder.field.address' },
      { name: 'contactPhone', kind: 'text', labelKey: 'workOrder.field.contactPhone' },
      {
        name: 'zone',
        kind: 'select',
        labelKey: 'workOrder.field.zone',
        options: [
          { value: 'urban', labelKey: 'workOrder.zone.urban' },
          { value: 'suburban', labelKey: 'workOrder.zone.suburban' },
        ],
      },
      { name: 'distanceKm', kind: 'number', labelKey: 'workOrder.field.distanceKm' },
      note,
    ],
  },
  {
    action: 'dispatch',
    labelKey: 'workOrder.action.dispatch',
    reasonRequired: false,
    fields: [
      { name: 'assigneeId', kind: 'text', required: true, labelKey: 'workOrder.field.assigneeId' },
      note,
    ],
  },
  { action: 'depart', labelKey: 'workOrder.action.depart', reasonRequired: false, fields: [note] },
  { action: 'arrive', labelKey: 'workOrder.action.arrive', reasonRequired: false, fields: [note] },
  {
    action: 'start_repair',
    labelKey: 'workOrder.action.start_repair',
    reasonRequired: false,
    fields: [note],
  },
  {
    action: 'take_to_workshop',
    labelKey: 'workOrder.action.take_to_workshop',
    reasonRequired: false,
    fields: [
      { name: 'receiptNumber', kind: 'text', required: true, labelKey: 'workOrder.field.receiptNumber' },
      { name: 'items', kind: 'textarea', required: true, labelKey: 'workOrder.field.items' },
    ],
  },
  {
    action: 'return_from_workshop',
    labelKey: 'workOrder.action.return_from_workshop',
    reasonRequired: false,
    fields: [],
    needsSignature: true,
  },
  {
    action: 'complete',
    labelKey: 'workOrder.action.complete',
    reasonRequired: false,
    fields: [
      { name: 'workDone', kind: 'textarea', required: true, labelKey: 'workOrder.field.workDone' },
      { name: 'testResult', kind: 'textarea', required: true, labelKey: 'workOrder.field.testResult' },
      { name: 'cause', kind: 'textarea', labelKey: 'workOrder.field.cause' },
      { name: 'wholeProductCheck', kind: 'textarea', labelKey: 'workOrder.field.wholeProductCheck' },
    ],
  },
  {
    action: 'declare_not_repairable',
    labelKey: 'workOrder.action.declare_not_repairable',
    reasonRequired: true,
    danger: true,
    fields: [
      {
        name: 'handoff',
        kind: 'select',
        required: true,
        labelKey: 'workOrder.field.handoff',
        options: [
          { value: 'exchange', labelKey: 'workOrder.handoff.exchange' },
          { value: 'refund', labelKey: 'workOrder.handoff.refund' },
        ],
      },
    ],
  },
  {
    action: 'accept',
    labelKey: 'workOrder.action.accept',
    reasonRequired: false,
    fields: [],
    needsSignature: true,
  },
  {
    action: 'reject_acceptance',
    labelKey: 'workOrder.action.reject_acceptance',
    reasonRequired: true,
    danger: true,
    fields: [],
  },
  {
    action: 'request_rework',
    labelKey: 'workOrder.action.request_rework',
    reasonRequired: true,
    danger: true,
    fields: [],
  },
  {
    action: 'follow_up',
    labelKey: 'workOrder.action.follow_up',
    reasonRequired: false,
    fields: [
      { name: 'satisfaction', kind: 'number', required: true, labelKey: 'workOrder.field.satisfaction' },
      { name: 'productRunning', kind: 'boolean', labelKey: 'workOrder.field.productRunning' },
      { name: 'suggestions', kind: 'textarea', labelKey: 'workOrder.field.suggestions' },
      { name: 'otherFaults', kind: 'textarea', labelKey: 'workOrder.field.otherFaults' },
    ],
  },
  {
    action: 'escalate_to_complaint',
    labelKey: 'workOrder.action.escalate_to_complaint',
    reasonRequired: true,
    danger: true,
    fields: [],
  },
  { action: 'close', labelKey: 'workOrder.action.close', reasonRequired: false, fields: [] },
  { action: 'cancel', labelKey: 'workOrder.action.cancel', reasonRequired: true, danger: true, fields: [] },
];

export function actionSpec(action: string): ActionSpec | undefined {
  return ACTION_SPECS.find((spec) => spec.action === action);
}
