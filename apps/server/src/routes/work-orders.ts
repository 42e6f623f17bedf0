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
import { TRANSITIONS, type WorkOrderAction } from '@aftercare/domain';
import { getWorkOrder, listWorkOrders, runCommand, transitionWorkOrder, type AppContext } from '@aftercare/application';
import { actorOfRequest, metaOf } from '../http/auth';
import { idem } from './master-data';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };

/**
 * One endpoint per move of the work order life: POST /work-orders/{id}/<action>. The body schema of
 * each move says what it records; `reason` is always accepted and required where the table says so.
 */
const MOVES: { action: WorkOrderAction; path: string; body: z.ZodObject; summary: string }[] = [
  // The quote moves (quote, confirm_quote, refuse_quote, approve_after_refusal) are in routes/quotes.ts.
  {
    action: 'assess',
    path: 'assess',
    body: assessBody,
    summary: 'Assessment (R-WAR-01): fault confirmed, findings, cause; computes the warranty decision (R-WAR-02…05); may assign',
  },
  { action: 'start_repair', path: 'start-repair', body: startRepairBody, summary: 'Start the repair' },
  { action: 'complete', path: 'complete', body: completeBody, summary: 'Complete with the work done and the test result (R-WO-07)' },
  { action: 'close', path: 'close', body: closeBody, summary: 'Close the work order' },
  { action: 'cancel', path: 'cancel', body: cancelBody, summary: 'Cancel with a reason' },
];

export const workOrderRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
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
      { config: { permission: 'work_order.read' }, schema: { tags: ['work orders'], params: idParams, response: { 200: workOrderDetail, ...errors } } },
      async (request) => getWorkOrder(ctx.db, actorOfRequest(request), request.params.id, ctx.clock.now()),
    );
    for (const move of MOVES) {
      app.post(
        `/work-orders/:id/${move.path}`,
        {
          config: { permission: TRANSITIONS[move.action].permission },
          schema: { tags: ['work orders'], summary: move.summary, params: idParams, body: move.body, response: { 200: workOrderDetail, ...errors } },
        },
        async (request, reply) => {
          const meta = metaOf(request);
          const { reason, assigneeId, ...payload } = request.body as { reason?: string; assigneeId?: string } & Record<string, unknown>;
          const result = await runCommand(ctx, meta, idem(request), 200, (tx, now) =>
            transitionWorkOrder(tx, meta, request.params.id, { action: move.action, reason, assigneeId, payload }, now),
          );
          return reply.status(result.statusCode).send(result.body);
        },
      );
    }
  };
