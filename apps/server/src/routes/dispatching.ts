import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  assignBody,
  assignmentView,
  checkBody,
  checkView,
  idParams,
  planCreateBody,
  planView,
  problem,
  proposalsView,
  publishView,
  replanBody,
  slotQuery,
} from '@aftercare/contracts';
import {
  assignTechnician,
  checkPlanMoves,
  createDayPlan,
  getDayPlan,
  proposeTechnicians,
  publishDayPlan,
  replanDay,
  runCommand,
  type AppContext,
} from '@aftercare/application';
import { actorOfRequest, metaOf } from '../http/auth';
import { enqueueDayPlan } from '../jobs/dispatch-plans';
import { idem } from './master-data';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };
const tags = ['dispatch'];

/** Auto-assignment and day planning (R-DIS-03, R-DIS-04, R-WO-02, R-WO-04). */
export const dispatchingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/work-orders/:id/assignment-proposals',
      {
        config: { permission: 'dispatch.plan' },
        schema: {
          tags,
          summary:
            'Rank the eligible technicians for the order in a slot, each explained; the others with coded reasons (R-DIS-03)',
          params: idParams,
          querystring: slotQuery,
          response: { 200: proposalsView, ...errors },
        },
      },
      async (request) =>
        proposeTechnicians(
          ctx.db,
          actorOfRequest(request),
          request.params.id,
          request.query.slotStart,
          request.query.slotEnd,
          ctx.clock.now(),
        ),
    );
    app.post(
      '/work-orders/:id/assign',
      {
        config: { permission: 'dispatch.assign' },
        schema: {
          tags,
          summary:
            'Assign a technician in a slot (a proposal, another one, or a hard rule overridden with a reason; audited)',
          params: idParams,
          body: assignBody,
          response: { 200: assignmentView, ...errors },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const r = await runCommand(ctx, meta, idem(request), 200, (tx, now) =>
          assignTechnician(tx, meta, request.params.id, request.body, now),
        );
        return reply.status(r.statusCode).send(r.body);
      },
    );
    app.post(
      '/dispatch/plans',
      {
        config: { permission: 'dispatch.plan' },
        schema: {
          tags,
          summary: "Plan a service centre's day in the background; poll the plan for progress (R-DIS-04)",
          body: planCreateBody,
          response: { 202: planView, ...errors },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const r = await runCommand(ctx, meta, idem(request), 202, (tx, now) =>
          createDayPlan(tx, meta, request.body, now),
        );
        if (!r.replayed) await enqueueDayPlan(ctx.db, { tenantId: meta.actor.tenantId, planId: r.body.id });
        return reply.status(r.statusCode).send(r.body);
      },
    );
    app.get(
      '/dispatch/plans/:id',
      {
        config: { permission: 'dispatch.plan' },
        schema: {
          tags,
          summary:
            'A day plan: status and progress, routes with ordered stops and times, unplanned visits with reasons',
          params: idParams,
          response: { 200: planView, ...errors },
        },
      },
      async (request) => getDayPlan(ctx.db, actorOfRequest(request), request.params.id),
    );
    app.post(
      '/dispatch/plans/:id/replan',
      {
        config: { permission: 'dispatch.plan' },
        schema: {
          tags,
          summary:
            'Re-plan after an order is added or a technician drops out, keeping as much of the plan as possible',
          params: idParams,
          body: replanBody,
          response: { 201: planView, ...errors },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const r = await runCommand(ctx, meta, idem(request), 201, (tx, now) =>
          replanDay(tx, meta, request.params.id, request.body.change, now),
        );
        return reply.status(r.statusCode).send(r.body);
      },
    );
    app.post(
      '/dispatch/plans/:id/check',
      {
        config: { permission: 'dispatch.plan' },
        schema: {
          tags,
          summary:
            "Feasibility of routes as the board arranges them after a drag (each technician's orders in order)",
          params: idParams,
          body: checkBody,
          response: { 200: checkView, ...errors },
        },
      },
      async (request) =>
        checkPlanMoves(ctx.db, actorOfRequest(request), request.params.id, request.body.moves),
    );
    app.post(
      '/dispatch/plans/:id/publish',
      {
        config: { permission: 'dispatch.assign' },
        schema: {
          tags,
          summary:
            'Apply the plan to the orders (technician and time through the schedule / dispatch moves), audited',
          params: idParams,
          response: { 200: publishView, ...errors },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const r = await runCommand(ctx, meta, idem(request), 200, (tx, now) =>
          publishDayPlan(tx, meta, request.params.id, now),
        );
        return reply.status(r.statusCode).send(r.body);
      },
    );
  };
