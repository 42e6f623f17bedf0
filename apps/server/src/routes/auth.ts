import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginBody, loginResponse, meResponse, metaResponse, problem } from '@aftercare/contracts';
import { login, logout, SESSION_HOURS, type AppContext, type SessionUser } from '@aftercare/application';
import { findTenantByCode } from '@aftercare/application';
import { SESSION_COOKIE } from '../http/auth';
import { sendProblem } from '../http/errors';
import { VERSION } from '../version';

export const userView = (u: SessionUser) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  roles: u.roles,
  tenant: {
    id: u.tenant.id,
    code: u.tenant.code,
    name: u.tenant.name,
    timeZone: u.tenant.timeZone,
    locale: u.tenant.locale,
  },
});

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/auth/login',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: 'Log in; returns a bearer token and sets an httpOnly session cookie',
          body: loginBody,
          response: { 200: loginResponse, 400: problem, 401: problem, 429: problem },
        },
      },
      async (request, reply) => {
        const result = await login(ctx, {
          ...request.body,
          ip: request.ip,
          ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'] } : {}),
        });
        reply.setCookie(SESSION_COOKIE, result.token, {
          httpOnly: true,
          sameSite: 'lax',
          path: '/',
          secure: request.protocol === 'https',
          maxAge: SESSION_HOURS * 3600,
        });
        return { token: result.token, user: userView(result.user) };
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { public: true },
        schema: { tags: ['auth'], summary: 'Log out (revokes the session)', response: { 204: z.null() } },
      },
      async (request, reply) => {
        if (request.token) await logout(ctx, request.token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          summary: 'The logged-in user',
          response: { 200: meResponse, 401: problem },
        },
      },
      async (request, reply) => {
        if (!request.user) return sendProblem(reply, request, 401, 'AUTH_REQUIRED', 'Please log in.');
        return { user: userView(request.user) };
      },
    );

    app.get(
      '/meta',
      {
        config: { public: true },
        schema: {
          tags: ['meta'],
          summary: 'Product name, version, demo mode',
          response: { 200: metaResponse },
        },
      },
      async () => ({
        name: 'Aftercare',
        version: VERSION,
        demo: Boolean(await findTenantByCode(ctx.db, 'demo').then((t) => t?.isDemo)),
      }),
    );
  };
