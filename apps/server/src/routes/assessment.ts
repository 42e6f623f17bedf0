import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  competitorApprovalBody,
  idParams,
  noticeQuery,
  problem,
  warrantyHistoryView,
  warrantyOverrideBody,
  warrantyView,
} from '@aftercare/contracts';
import {
  approveCompetitorService,
  getWarrantyHistory,
  overrideWarrantyDecision,
  renderAssessmentNotice,
  runCommand,
  type AppContext,
} from '@aftercare/application';
import { actorOfRequest, metaOf } from '../http/auth';
import { idem } from './master-data';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };

/**
 * Assessment and warranty (R-WAR-01…05). The assessment itself is the `assess` move of the work order
 * (routes/work-orders.ts), which computes and stores the warranty decision.
 */
export const assessmentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/work-orders/:id/warranty',
      {
        config: { permission: 'work_order.read' },
        schema: {
          tags: ['assessment'],
          summary:
            'The warranty decision in force and its history (computed, overridden, approved) (R-WAR-01…05)',
          params: idParams,
          response: { 200: warrantyHistoryView, ...errors },
        },
      },
      async (request) => getWarrantyHistory(ctx.db, actorOfRequest(request), request.params.id),
    );
    app.post(
      '/work-orders/:id/warranty-override',
      {
        config: { permission: 'work_order.override_warranty' },
        schema: {
          tags: ['assessment'],
          summary:
            'Supervisor overrides the computed warranty decision with a reason; the original is kept (R-WAR-01, R-WAR-03)',
          params: idParams,
          body: warrantyOverrideBody,
          response: { 200: warrantyView, ...errors },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const result = await runCommand(ctx, meta, idem(request), 200, (tx, now) =>
          overrideWarrantyDecision(tx, meta, request.params.id, request.body, now),
        );
        return reply.status(result.statusCode).send(result.body);
      },
    );
    app.post(
      '/work-orders/:id/competitor-approval',
      {
        config: { permission: 'work_order.approve_competitor_service' },
        schema: {
          tags: ['assessment'],
          summary:
            "Manager approves a service the policy does not list for a competitor's product (R-WAR-05)",
          params: idParams,
          body: competitorApprovalBody,
          response: { 200: warrantyView, ...errors },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const result = await runCommand(ctx, meta, idem(request), 200, (tx, now) =>
          approveCompetitorService(tx, meta, request.params.id, request.body, now),
        );
        return reply.status(result.statusCode).send(result.body);
      },
    );
    app.get(
      '/work-orders/:id/assessment-notice',
      {
        config: { permission: 'work_order.read' },
        schema: {
          tags: ['assessment'],
          summary:
            'The written assessment result for the customer: printable HTML, zh-CN or ?lang=en (R-WAR-01)',
          params: idParams,
          querystring: noticeQuery,
          produces: ['text/html'],
          response: { 200: z.string(), ...errors },
        },
      },
      async (request, reply) => {
        const html = await renderAssessmentNotice(
          ctx.db,
          actorOfRequest(request),
          request.params.id,
          request.query.lang,
        );
        return reply.type('text/html; charset=utf-8').send(html);
      },
    );
  };
