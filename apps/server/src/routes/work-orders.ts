import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  assessBody,
  cancelBody,
  closeBody,
  completeBody,
  idParams,
  pageOf,
  problem,
  startRepairBody,
  workOrderDetail,
  workOrderListQuery,
  workOrderSummary,
} from '@aftercare/contracts';
import {
  acceptBody,
  arriveBody,
  declareNotRepairableBody,
  departBody,
  dispatchBody,
  escalateBody,
  followUpMoveBody,
  rejectAcceptanceBody,
  requestReworkBody,
  returnFromWorkshopBody,
  scheduleBody,
  takeToWorkshopBody,
} from '@aftercare/contracts';
import type { Executor } from '@aftercare/db';
import {
  recordFollowUpForOrder,
  type AttachmentFiles,
  type CommandMeta,
  type FollowUpCallBody,
} from '@aftercare/application';
import { TRANSITIONS, type WorkOrderAction } from '@aftercare/domain';
import {
  getWorkOrder,
  listWorkOrders,
  runCommand,
  transitionWorkOrder,
  type AppContext,
} from '@aftercare/application';
import { actorOfRequest, metaOf } from '../http/auth';
import { idem } from './master-data';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };

/**
 * One endpoint per move of the work order life: POST /work-orders/{id}/<action>. The body schema of
 * each move says what it records; `reason` is always accepted and required where the table says so.
 */
const MOVES: {
  action: WorkOrderAction;
  path: string;
  body: z.ZodObject;
  summary: string;
  /** A use case that makes the move itself (and more), instead of the plain transition. */
  run?: (
    tx: Executor,
    meta: CommandMeta,
    id: string,
    body: Record<string, unknown>,
    now: Date,
  ) => Promise<unknown>;
}[] = [
  // The quote moves (quote, confirm_quote, refuse_quote, approve_after_refusal) are in routes/quotes.ts.
  {
    action: 'assess',
    path: 'assess',
    body: assessBody,
    summary:
      'Assessment (R-WAR-01): fault confirmed, findings, cause; computes the warranty decision (R-WAR-02…05); may assign',
  },
  { action: 'start_repair', path: 'start-repair', body: startRepairBody, summary: 'Start the repair' },
  {
    action: 'complete',
    path: 'complete',
    body: completeBody,
    summary: 'Complete with the work done and the test result (R-WO-07)',
  },
  // Field work (docs/api-fieldwork.md): R-WO-02, R-WO-06…09, R-FUP-01.
  {
    action: 'schedule',
    path: 'schedule',
    body: scheduleBody,
    summary: 'Book the visit slot and address (R-WO-02)',
  },
  {
    action: 'dispatch',
    path: 'dispatch',
    body: dispatchBody,
    summary: 'Send a technician (R-WO-02): sets the assignee',
  },
  { action: 'depart', path: 'depart', body: departBody, summary: 'The technician sets off (en route)' },
  {
    action: 'arrive',
    path: 'arrive',
    body: arriveBody,
    summary: 'The technician is on site (the arrival time is recorded)',
  },
  {
    action: 'take_to_workshop',
    path: 'take-to-workshop',
    body: takeToWorkshopBody,
    summary: 'Take the product back to the workshop with a receipt given to the customer (R-WO-06)',
  },
  {
    action: 'return_from_workshop',
    path: 'return-from-workshop',
    body: returnFromWorkshopBody,
    summary: 'Bring the product back: the receipt is collected back and the customer signs (R-WO-06)',
  },
  {
    action: 'accept',
    path: 'accept',
    body: acceptBody,
    summary:
      "Acceptance (R-WO-08): function and appearance checks, the customer's signature; only on a completed order",
  },
  {
    action: 'reject_acceptance',
    path: 'reject-acceptance',
    body: rejectAcceptanceBody,
    summary:
      'The customer is not satisfied (R-WO-08): a free second service, or a complaint when it was given already',
  },
  {
    action: 'request_rework',
    path: 'request-rework',
    body: requestReworkBody,
    summary: 'Open a free second service (R-WO-08)',
  },
  {
    action: 'follow_up',
    path: 'follow-up',
    body: followUpMoveBody,
    summary:
      "Record the follow-up call of the order's open task (R-FUP-01); low satisfaction opens rework or a complaint",
    run: (tx, meta, id, body, now) =>
      recordFollowUpForOrder(
        tx,
        meta,
        id,
        { ...(body as Omit<FollowUpCallBody & { reached: true }, 'reached'>), reached: true },
        now,
      ),
  },
  {
    action: 'escalate_to_complaint',
    path: 'escalate-to-complaint',
    body: escalateBody,
    summary: 'Escalate to a complaint (R-WO-08): opens a complaint linked to the order',
  },
  {
    action: 'declare_not_repairable',
    path: 'declare-not-repairable',
    body: declareNotRepairableBody,
    summary: 'Not repairable: hand off to an exchange or a refund (R-WO-01)',
  },
  { action: 'close', path: 'close', body: closeBody, summary: 'Close the work order' },
  { action: 'cancel', path: 'cancel', body: cancelBody, summary: 'Cancel with a reason' },
];

export const workOrderRoutes =
  (ctx: AppContext, files?: AttachmentFiles): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/work-orders',
      {
        config: { permission: 'work_order.read' },
        schema: {
          tags: ['work orders'],
          summary: 'List work orders (filter by status, priority, assignee, text; paginated)',
          querystring: workOrderListQuery,
          response: { 200: pageOf(workOrderSummary), ...errors },
        },
      },
      async (request) => listWorkOrders(ctx.db, actorOfRequest(request), request.query, ctx.clock.now()),
    );
    app.get(
      '/work-orders/:id',
      {
        config: { permission: 'work_order.read' },
        schema: { tags: ['work orders'], params: idParams, response: { 200: workOrderDetail, ...errors } },
      },
      async (request) => getWorkOrder(ctx.db, actorOfRequest(request), request.params.id, ctx.clock.now()),
    );
    for (const move of MOVES) {
      app.post(
        `/work-orders/:id/${move.path}`,
        {
          config: { permission: TRANSITIONS[move.action].permission },
          schema: {
            tags: ['work orders'],
            summary: move.summary,
            params: idParams,
            body: move.body,
            response: { 200: workOrderDetail, ...errors },
          },
        },
        async (request, reply) => {
          const meta = metaOf(request);
          const { reason, assigneeId, ...payload } = request.body as {
            reason?: string;
            assigneeId?: string;
          } & Record<string, unknown>;
          // Signature images are written to disk; a failed command removes them again.
          const batch = files?.batch();
          try {
            const result = await runCommand(ctx, meta, idem(request), 200, async (tx, now) => {
              if (move.run) {
                await move.run(tx, meta, request.params.id, request.body as Record<string, unknown>, now);
                return getWorkOrder(tx, meta.actor, request.params.id, now);
              }
              return transitionWorkOrder(
                tx,
                meta,
                request.params.id,
                { action: move.action, reason, assigneeId, payload, files: batch },
                now,
              );
            });
            return reply.status(result.statusCode).send(result.body);
          } catch (error) {
            await batch?.discard();
            throw error;
          }
        },
      );
    }
  };
