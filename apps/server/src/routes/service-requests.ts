import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  answerBody,
  createServiceRequestBody,
  idParams,
  pageOf,
  problem,
  reviewBody,
  reviewResponse,
  serviceRequestListQuery,
  serviceRequestView,
} from '@aftercare/contracts';
import {
  answerConsultation,
  createServiceRequest,
  getServiceRequest,
  listServiceRequests,
  reviewServiceRequest,
  runCommand,
  type AppContext,
} from '@aftercare/application';
import { actorOfRequest, metaOf } from '../http/auth';
import { idem } from './master-data';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };

export const serviceRequestRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/service-requests',
      {
        config: { permission: 'request.create' },
        schema: {
          tags: ['service requests'],
          summary: 'Record a service request from any channel (R-IN-01…03); honours Idempotency-Key',
          body: createServiceRequestBody,
          response: { 201: serviceRequestView, ...errors },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        meta.channel = request.body.channel;
        const result = await runCommand(ctx, meta, idem(request), 201, (tx, now) =>
          createServiceRequest(tx, meta, request.body, now),
        );
        if (result.replayed) reply.header('Idempotent-Replayed', 'true');
        return reply.status(result.statusCode).send(result.body);
      },
    );
    app.get(
      '/service-requests',
      {
        config: { permission: 'request.read' },
        schema: {
          tags: ['service requests'],
          querystring: serviceRequestListQuery,
          response: { 200: pageOf(serviceRequestView), ...errors },
        },
      },
      async (request) => listServiceRequests(ctx.db, actorOfRequest(request), request.query, ctx.clock.now()),
    );
    app.get(
      '/service-requests/:id',
      {
        config: { permission: 'request.read' },
        schema: {
          tags: ['service requests'],
          params: idParams,
          response: { 200: serviceRequestView, ...errors },
        },
      },
      async (request) =>
        getServiceRequest(ctx.db, actorOfRequest(request), request.params.id, ctx.clock.now()),
    );
    app.post(
      '/service-requests/:id/review',
      {
        config: { permission: 'request.review' },
        schema: {
          tags: ['service requests'],
          summary: 'Initial review (R-IN-05): an eligible repair request becomes a work order',
          params: idParams,
          body: reviewBody,
          response: { 200: reviewResponse, ...errors },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const result = await runCommand(ctx, meta, idem(request), 200, (tx, now) =>
          reviewServiceRequest(tx, meta, request.params.id, request.body, now),
        );
        return reply.status(result.statusCode).send(result.body);
      },
    );
    app.post(
      '/service-requests/:id/answer',
      {
        config: { permission: 'request.answer' },
        schema: {
          tags: ['service requests'],
          summary:
            'Answer a consultation and close it without a work order (R-IN-06): new/accepted → answered',
          params: idParams,
          body: answerBody,
          response: { 200: serviceRequestView, ...errors },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const result = await runCommand(ctx, meta, idem(request), 200, async (tx, now) => {
          await answerConsultation(tx, meta, request.params.id, request.body, now);
          return getServiceRequest(tx, meta.actor, request.params.id, now);
        });
        return reply.status(result.statusCode).send(result.body);
      },
    );
  };
