import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, type Action } from '@aftercare/domain';
import {
  actorOf,
  authenticate,
  type AppContext,
  type CommandMeta,
  type SessionUser,
} from '@aftercare/application';
import { sendProblem } from './errors';

export const SESSION_COOKIE = 'aftercare_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    token: string | null;
  }
  interface FastifyContextConfig {
    /** The action of the permission table this route performs (R-ROLE-03). */
    permission?: Action;
    /** No login needed (login, meta, health). */
    public?: boolean;
  }
}

function tokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  return request.cookies[SESSION_COOKIE] ?? null;
}

/**
 * Every API route declares either `public` or the `permission` it needs; a route that declares
 * neither fails at start-up. Before the handler runs, the token is resolved and the permission
 * checked against the domain's table.
 */
export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('user', null);
  app.decorateRequest('token', null);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/')) return;
    const config = route.config as { permission?: Action; public?: boolean } | undefined;
    if (!config?.public && !config?.permission) {
      throw new Error(`Route ${route.method} ${route.url} declares neither a permission nor public.`);
    }
  });
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const config = request.routeOptions.config;
    const token = tokenOf(request);
    if (token) {
      request.token = token;
      request.user = await authenticate(ctx, token);
    }
    if (config.public || !request.routeOptions.url?.startsWith('/api/v1/')) return;
    if (!request.user) {
      return sendProblem(reply, request, 401, 'AUTH_REQUIRED', 'Please log in.');
    }
    if (config.permission && !can(request.user.roles, config.permission)) {
      return sendProblem(
        reply,
        request,
        403,
        'FORBIDDEN',
        `Your roles may not perform ${config.permission}.`,
      );
    }
  });
}

/** The audit metadata of a command from this request. */
export function metaOf(request: FastifyRequest): CommandMeta {
  const user = request.user;
  if (!user) throw new Error('metaOf called on an unauthenticated request');
  const header = request.headers['x-aftercare-channel'];
  const channel =
    typeof header === 'string' && header ? header : user.roles.includes('customer') ? 'portal' : 'web';
  return { actor: actorOf(user), requestId: request.id, channel: channel as CommandMeta['channel'] };
}

export function actorOfRequest(request: FastifyRequest) {
  if (!request.user) throw new Error('actorOfRequest called on an unauthenticated request');
  return actorOf(request.user);
}
