import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParams,
  leaveBody,
  leaveDecisionBody,
  leaveListQuery,
  leavePage,
  leaveView,
  problem,
  rosterQuery,
  rosterView,
  serviceCentreBody,
  serviceCentreListQuery,
  serviceCentrePage,
  serviceCentrePatch,
  serviceCentreView,
  shiftBody,
  shiftListQuery,
  shiftPage,
  shiftView,
  technicianListQuery,
  technicianPage,
  technicianParams,
  technicianProfileBody,
  technicianProfilePatch,
  technicianProfileView,
} from '@aftercare/contracts';
import {
  createServiceCentre,
  createShift,
  createTechnicianProfile,
  decideLeave,
  deleteShift,
  getRoster,
  getServiceCentre,
  getTechnicianProfile,
  listLeave,
  listServiceCentres,
  listShifts,
  listTechnicianProfiles,
  requestLeave,
  runCommand,
  updateServiceCentre,
  updateTechnicianProfile,
  type AppContext,
} from '@aftercare/application';
import { actorOfRequest, metaOf } from '../http/auth';
import { idem } from './master-data';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };
const tags = ['workforce'];

/** Workforce (R-DIS-01, R-DIS-02): service centres, technician profiles, shifts, leave. */
export const workforceRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/service-centres',
      {
        config: { permission: 'workforce.write' },
        schema: {
          tags,
          summary: 'Create a service centre (the base technicians start from)',
          body: serviceCentreBody,
          response: { 201: serviceCentreView, ...errors },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const r = await runCommand(ctx, meta, idem(request), 201, (tx, now) =>
          createServiceCentre(tx, meta, request.body, now),
        );
        return reply.status(r.statusCode).send(r.body);
      },
    );
    app.get(
      '/service-centres',
      {
        config: { permission: 'workforce.read' },
        schema: {
          tags,
          summary: 'List service centres (by name, active)',
          querystring: serviceCentreListQuery,
          response: { 200: serviceCentrePage, ...errors },
        },
      },
      async (request) => listServiceCentres(ctx.db, actorOfRequest(request), request.query),
    );
    app.get(
      '/service-centres/:id',
      {
        config: { permission: 'workforce.read' },
        schema: {
          tags,
          summary: 'One service centre',
          params: idParams,
          response: { 200: serviceCentreView, ...errors },
        },
      },
      async (request) => getServiceCentre(ctx.db, actorOfRequest(request), request.params.id),
    );
    app.patch(
      '/service-centres/:id',
      {
        config: { permission: 'workforce.write' },
        schema: {
          tags,
          summary: 'Change a service centre (or deactivate it)',
          params: idParams,
          body: serviceCentrePatch,
          response: { 200: serviceCentreView, ...errors },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const r = await runCommand(ctx, meta, idem(request), 200, (tx, now) =>
          updateServiceCentre(tx, meta, request.params.id, request.body, now),
        );
        return reply.status(r.statusCode).send(r.body);
      },
    );
    app.get(
      '/service-centres/:id/roster',
      {
        config: { permission: 'workforce.read' },
        schema: {
          tags,
          summary:
            "Who works at the centre on a date: shifts (templates with that day's exceptions) and approved leave",
          params: idParams,
          querystring: rosterQuery.pick({ date: true }),
          response: { 200: rosterView, ...errors },
        },
      },
      async (request) => getRoster(ctx.db, actorOfRequest(request), request.params.id, request.query.date),
    );

    app.post(
      '/technicians',
      {
        config: { permission: 'workforce.write' },
        schema: {
          tags,
          summary: 'Create the profile of a user with the technician role (R-DIS-01)',
          body: technicianProfileBody,
          response: { 201: technicianProfileView, ...errors },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const r = await runCommand(ctx, meta, idem(request), 201, (tx, now) =>
          createTechnicianProfile(tx, meta, request.body, now),
        );
        return reply.status(r.statusCode).send(r.body);
      },
    );
    app.get(
      '/technicians',
      {
        config: { permission: 'workforce.read' },
        schema: {
          tags,
          summary: 'List technician profiles (by centre, product line skill, active)',
          querystring: technicianListQuery,
          response: { 200: technicianPage, ...errors },
        },
      },
      async (request) => listTechnicianProfiles(ctx.db, actorOfRequest(request), request.query),
    );
    app.get(
      '/technicians/:userId',
      {
        config: { permission: 'workforce.read' },
        schema: {
          tags,
          summary: 'One technician profile',
          params: technicianParams,
          response: { 200: technicianProfileView, ...errors },
        },
      },
      async (request) => getTechnicianProfile(ctx.db, actorOfRequest(request), request.params.userId),
    );
    app.patch(
      '/technicians/:userId',
      {
        config: { permission: 'workforce.write' },
        schema: {
          tags,
          summary: 'Change a technician profile: skills, certificates, assessment, home, area, van, centre',
          params: technicianParams,
          body: technicianProfilePatch,
          response: { 200: technicianProfileView, ...errors },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const r = await runCommand(ctx, meta, idem(request), 200, (tx, now) =>
          updateTechnicianProfile(tx, meta, request.params.userId, request.body, now),
        );
        return reply.status(r.statusCode).send(r.body);
      },
    );

    app.post(
      '/shifts',
      {
        config: { permission: 'workforce.write' },
        schema: {
          tags,
          summary: 'Add a weekly shift template or a dated exception (regular, on-call or off) (R-DIS-02)',
          body: shiftBody,
          response: { 201: shiftView, ...errors },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const r = await runCommand(ctx, meta, idem(request), 201, (tx, now) =>
          createShift(tx, meta, request.body, now),
        );
        return reply.status(r.statusCode).send(r.body);
      },
    );
    app.get(
      '/shifts',
      {
        config: { permission: 'workforce.read' },
        schema: {
          tags,
          summary: 'List shifts (by technician, centre, kind, weekly or dated)',
          querystring: shiftListQuery,
          response: { 200: shiftPage, ...errors },
        },
      },
      async (request) => listShifts(ctx.db, actorOfRequest(request), request.query),
    );
    app.delete(
      '/shifts/:id',
      {
        config: { permission: 'workforce.write' },
        schema: { tags, summary: 'Remove a shift', params: idParams, response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        await runCommand(ctx, meta, idem(request), 204, (tx, now) =>
          deleteShift(tx, meta, request.params.id, now),
        );
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/leave-requests',
      {
        config: { permission: 'leave.request' },
        schema: {
          tags,
          summary:
            "Ask for leave at least the policy's notice ahead (36 h); a supervisor may let a short-notice one through with a reason (R-DIS-02)",
          body: leaveBody,
          response: { 201: leaveView, ...errors },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const r = await runCommand(ctx, meta, idem(request), 201, (tx, now) =>
          requestLeave(tx, meta, request.body, now),
        );
        return reply.status(r.statusCode).send(r.body);
      },
    );
    app.get(
      '/leave-requests',
      {
        config: { permission: 'workforce.read' },
        schema: {
          tags,
          summary: 'List leave requests (a technician sees their own)',
          querystring: leaveListQuery,
          response: { 200: leavePage, ...errors },
        },
      },
      async (request) => listLeave(ctx.db, actorOfRequest(request), request.query),
    );
    app.post(
      '/leave-requests/:id/decision',
      {
        config: { permission: 'leave.approve' },
        schema: {
          tags,
          summary: 'Approve or reject a leave request (supervisor)',
          params: idParams,
          body: leaveDecisionBody,
          response: { 200: leaveView, ...errors },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const r = await runCommand(ctx, meta, idem(request), 200, (tx, now) =>
          decideLeave(tx, meta, request.params.id, request.body, now),
        );
        return reply.status(r.statusCode).send(r.body);
      },
    );
  };
