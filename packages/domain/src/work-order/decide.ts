import { can, scopeFor, type Actor } from '../access/permissions';
import { DomainError, type Result } from '../shared/errors';
import { WorkOrderErrors } from './errors';
import { TRANSITIONS, actionsFrom } from './transitions';
import type { Transition, WorkOrderAction, WorkOrderState } from './work-order';

export interface TransitionCommand {
  action: WorkOrderAction;
  actor: Actor;
  now: Date;
  reason?: string | null;
}

/**
 * Decides one move of the work order life (R-WO-01): refuses it with a coded error when the actor
 * lacks the permission, the move is not legal from the current state, a required reason is missing,
 * or a technician acts on an order not assigned to them; otherwise returns the recorded transition.
 */
export function decideTransition(state: WorkOrderState, command: TransitionCommand): Result<Transition> {
  const rule = TRANSITIONS[command.action];
  const { actor } = command;
  const refused = checkAllowed(state, command.action, actor);
  if (refused) return refused;
  const reason = command.reason?.trim() ? command.reason.trim() : null;
  if (rule.requiresReason && !reason) {
    return err(WorkOrderErrors.reasonRequired, `A reason is required to ${command.action}.`, 'reason');
  }
  return {
    ok: true,
    value: {
      action: command.action,
      from: state.status,
      to: rule.to,
      at: command.now,
      actorId: actor.userId,
      actorRoles: actor.roles,
      reason,
    },
  };
}

/** The actions the actor may take on the order now (reasons and data are asked for when taken). */
export function permittedActions(state: WorkOrderState, actor: Actor): WorkOrderAction[] {
  return actionsFrom(state.status).filter((action) => checkAllowed(state, action, actor) === null);
}

function checkAllowed(state: WorkOrderState, action: WorkOrderAction, actor: Actor): Result<never> | null {
  const rule = TRANSITIONS[action];
  if (!can(actor.roles, rule.permission)) {
    return err(WorkOrderErrors.forbidden, `Your roles may not ${action} a work order.`);
  }
  if (!rule.from.includes(state.status)) {
    return err(
      WorkOrderErrors.illegalTransition,
      `A work order in status "${state.status}" cannot ${action}; allowed from: ${rule.from.join(', ')}.`,
      undefined,
      { status: state.status, action, allowedFrom: rule.from },
    );
  }
  if (rule.assigneeOnly && scopeFor(actor).kind === 'assigned' && state.assigneeId !== actor.userId) {
    return err(WorkOrderErrors.notAssignee, 'Only the assigned technician may do this.');
  }
  return null;
}

function err(
  code: string,
  message: string,
  field?: string,
  details?: Record<string, unknown>,
): Result<never> {
  return {
    ok: false,
    error: new DomainError(code, message, {
      ...(field === undefined ? {} : { field }),
      ...(details === undefined ? {} : { details }),
    }),
  };
}
