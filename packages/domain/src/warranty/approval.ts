import type { Role } from '../access';
import type { ApproverRole } from '../policy';

/** Who signs an exception: the user and the roles they hold when they sign. */
export interface Approver {
  userId: string;
  roles: readonly Role[];
}

/**
 * The staff roles that may act as a policy's approver. The general manager (`manager`) may approve
 * whatever a supervisor may; the store manager has no role of its own yet, so `manager` stands in.
 */
export const APPROVER_ROLE_HOLDERS: Readonly<Record<ApproverRole, readonly Role[]>> = {
  general_manager: ['manager'],
  service_supervisor: ['supervisor', 'manager'],
  store_manager: ['manager'],
};

/** True when the approver holds a role that may sign for the policy's approver. */
export function holdsApproverRole(approver: Approver, required: ApproverRole): boolean {
  const holders = APPROVER_ROLE_HOLDERS[required];
  return approver.roles.some((r) => holders.includes(r));
}
