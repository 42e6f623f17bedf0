import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEntryView, auditQuery, pageOf, problem } from '@aftercare/contracts';
import { listAudit, type AppContext } from '@aftercare/application';
import { actorOfRequest } from '../http/auth';

export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit',
      {
        config: { permission: 'audit.read' },
        schema: {
          tags: ['audit'],
          summary: 'The append-only history of one entity (R-NF-02), oldest first',
          querystring: auditQuery,
          response: { 200: pageOf(auditEntryView), 400: problem, 401: problem, 403: problem },
        },
      },
      async (request) => {
        const actor = actorOfRequest(request);
        const page = await listAudit(ctx.db, actor.tenantId, request.query);
        return {
          ...page,
          items: page.items.map((e) => ({
            id: e.id,
            at: e.at.toISOString(),
            actorId: e.actorId,
            actorName: e.actorName,
            entityType: e.entityType,
            entityId: e.entityId,
            action: e.action,
            before: e.before,
            after: e.after,
            channel: e.channel,
            requestId: e.requestId,
          })),
        };
      },
    );
  };
