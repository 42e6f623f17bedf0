import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  approveAfterRefusalBody,
  idParams,
  issueQuoteBody,
  problem,
  quoteDecisionBody,
  quoteView,
  workOrderDetail,
} from '@aftercare/contracts';
import {
  approveAfterRefusal,
  decideOnQuote,
  getQuote,
  issueQuote,
  runCommand,
  type AppContext,
} from '@aftercare/application';
import { actorOfRequest, metaOf } from '../http/auth';
import { idem } from './master-data';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };
const moved = z.object({ workOrder: workOrderDetail, quote: quoteView });

/**
 * Quotes (R-FEE-01…06). These are the work order moves `quote`, `confirm_quote`, `refuse_quote` and
 * `approve_after_refusal`: each writes the quote and moves the order in one transaction.
 */
export const quoteRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/work-orders/:id/quote',
      {
        config: { permission: 'work_order.read' },
        schema: {
          tags: ['quotes'],
          summary: 'The latest quote with its lines, payers and whether chargeable work may start (R-FEE-01)',
          params: idParams,
          response: { 200: quoteView, ...errors },
        },
      },
      async (request) => getQuote(ctx.db, actorOfRequest(request), request.params.id),
    );
    app.post(
      '/work-orders/:id/quote',
      {
        config: { permission: 'work_order.quote' },
        schema: {
          tags: ['quotes'],
          summary: 'Issue an itemised quote priced from the policy; assessed → quoted (R-FEE-01…06)',
          params: idParams,
          body: issueQuoteBody,
          response: { 200: moved, ...errors },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const result = await runCommand(ctx, meta, idem(request), 200, (tx, now) =>
          issueQuote(tx, meta, request.params.id, request.body, now),
        );
        return reply.status(result.statusCode).send(result.body);
      },
    );
    for (const [path, decision, summary] of [
      [
        'confirm-quote',
        'accept',
        'The customer accepts the quote (portal, or an agent records the channel); quoted → confirmed',
      ],
      ['refuse-quote', 'refuse', 'The customer refuses the quote; quoted → quote_refused'],
    ] as const) {
      app.post(
        `/work-orders/:id/${path}`,
        {
          config: { permission: 'work_order.record_quote_decision' },
          schema: {
            tags: ['quotes'],
            summary: `${summary} (R-FEE-01)`,
            params: idParams,
            body: quoteDecisionBody,
            response: { 200: moved, ...errors },
          },
        },
        async (request, reply) => {
          const meta = metaOf(request);
          const result = await runCommand(ctx, meta, idem(request), 200, (tx, now) =>
            decideOnQuote(tx, meta, request.params.id, decision, request.body, now),
          );
          return reply.status(result.statusCode).send(result.body);
        },
      );
    }
    app.post(
      '/work-orders/:id/approve-after-refusal',
      {
        config: { permission: 'work_order.approve_exception' },
        schema: {
          tags: ['quotes'],
          summary:
            'The manager lets the work go on after a refused quote, with a reason; quote_refused → confirmed (R-FEE-04)',
          params: idParams,
          body: approveAfterRefusalBody,
          response: { 200: moved, ...errors },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const result = await runCommand(ctx, meta, idem(request), 200, (tx, now) =>
          approveAfterRefusal(tx, meta, request.params.id, request.body, now),
        );
        return reply.status(result.statusCode).send(result.body);
      },
    );
  };
