import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
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
        const result = await runCommand(ctx, meta, idem(request), 201, (tx, now) => createServiceRequest(tx, meta, request.body, now));
        if (result.replayed) reply.header('Idempotent-Replayed', 'true');
        return reply.status(result.statusCode).send(result.body);
      },
    );
    app.get(
      '/service-requests',
      {
        config: { permission: 'request.read' },
        schema: { tags: ['service requests'], querystring: serviceRequestListQuery, response: { 200: pageOf(serviceRequestView), ...errors } },
      },
      async (request) => listServiceRequests(ctx.db, actorOfRequest(request), request.query),
    );
    app.get(
      '/service-requests/:id',
      { config: { permission: 'request.read' }, schema: { tags: ['service requests'], params: idParams, response: { 200: serviceRequestView, ...errors } } },
      async (request) => getServiceRequest(ctx.db, actorOfRequest(request), request.params.id),
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
  };
