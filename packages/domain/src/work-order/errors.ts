export const WorkOrderErrors = {
  forbidden: 'WORK_ORDER_FORBIDDEN',
  illegalTransition: 'WORK_ORDER_ILLEGAL_TRANSITION',
  reasonRequired: 'WORK_ORDER_REASON_REQUIRED',
  notAssignee: 'WORK_ORDER_NOT_ASSIGNEE',
} as const;
