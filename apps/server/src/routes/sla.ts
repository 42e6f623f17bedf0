import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParams,
  problem,
  requestEventBody,
  serviceRequestView,
  slaPauseBody,
  slaResumeBody,
  workOrderDetail,
} from '@aftercare/contracts';
import {
  pauseOrResumeSla,
  recordRequestStep,
  runCommand,
  type AppContext,
  type RequestSlaStep,
} from '@aftercare/application';
import { metaOf } from '../http/auth';
import { idem } from './master-data';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };

const STEPS: { step: RequestSlaStep; path: string; summary: string }[] = [
  {
    step: 'contact',
    path: 'contact',
    summary: 'The customer was contacted by phone: stops the response clock (R-IN-09)',
  },
  { step: 'forward', path: 'forward', summary: 'Forwarded to the service department (R-IN-06)' },
  {
    step: 'call_back',
    path: 'call-back',
    summary: 'The service department called back after a store hand-off (R-IN-07)',
  },
];

export const slaRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    for (const s of STEPS) {
      app.post(
        `/service-requests/:id/${s.path}`,
        {
          config: { permission: 'request.contact' },
          schema: {
            tags: ['SLA'],
            summary: s.summary,
            params: idParams,
            body: requestEventBody,
            response: { 200: serviceRequestView, ...errors },
          },
        },
        async (request, reply) => {
          const meta = metaOf(request);
          const result = await runCommand(ctx, meta, idem(request), 200, (tx, now) =>
            recordRequestStep(tx, meta, request.params.id, s.step, request.body.note, now),
          );
          return reply.status(result.statusCode).send(result.body);
        },
      );
    }
    for (const subject of ['service_request', 'work_order'] as const) {
      const base = subject === 'work_order' ? '/work-orders/:id/sla' : '/service-requests/:id/sla';
      const view = subject === 'work_order' ? workOrderDetail : serviceRequestView;
      app.post(
        `${base}/pause`,
        {
          config: { permission: 'sla.pause' },
          schema: {
            tags: ['SLA'],
            summary:
              'Pause the clocks whose target pauses for this reason (policy): waiting for the customer, parts, or the quote decision',
            params: idParams,
            body: slaPauseBody,
            response: { 200: view, ...errors },
          },
        },
        async (request, reply) => {
          const meta = metaOf(request);
          const result = await runCommand(ctx, meta, idem(request), 200, (tx, now) =>
            pauseOrResumeSla(
              tx,
              meta,
              { type: subject, id: request.params.id },
              { kind: 'pause', reason: request.body.reason },
              request.body.note,
              now,
            ),
          );
          return reply.status(result.statusCode).send(result.body);
        },
      );
      app.post(
        `${base}/resume`,
        {
          config: { permission: 'sla.pause' },
          schema: {
            tags: ['SLA'],
            summary: 'Resume paused clocks; their deadlines move by the working time paused',
            params: idParams,
            body: slaResumeBody,
            response: { 200: view, ...errors },
          },
        },
        async (request, reply) => {
          const meta = metaOf(request);
          const result = await runCommand(ctx, meta, idem(request), 200, (tx, now) =>
            pauseOrResumeSla(
              tx,
              meta,
              { type: subject, id: request.params.id },
              { kind: 'resume' },
              request.body.note,
              now,
            ),
          );
          return reply.status(result.statusCode).send(result.body);
        },
      );
    }
  };
