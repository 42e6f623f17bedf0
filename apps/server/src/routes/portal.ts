import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  loginResponse,
  portalCodeBody,
  portalCodeResponse,
  portalLoginBody,
  problem,
} from '@aftercare/contracts';
import {
  loggingCodeNotifier,
  portalLogin,
  requestPortalCode,
  SESSION_HOURS,
  type AppContext,
  type CodeNotifier,
} from '@aftercare/application';
import { SESSION_COOKIE } from '../http/auth';
import { userView } from './auth';

/** Issue 5 §3: the customer portal signs in with a one-time code sent to the phone. */
export const portalRoutes =
  (ctx: AppContext, notifier?: CodeNotifier): FastifyPluginAsyncZod =>
  async (app) => {
    const send = notifier ?? loggingCodeNotifier(app.log);

    app.post(
      '/portal/code',
      {
        config: { public: true },
        schema: {
          tags: ['portal'],
          summary:
            'Send a one-time login code to a customer phone (6 digits, 5 minutes; in a demo company the answer carries it)',
          body: portalCodeBody,
          response: { 200: portalCodeResponse, 400: problem, 429: problem },
        },
      },
      async (request) => {
        const result = await requestPortalCode(ctx, send, request.body);
        return { expiresAt: result.expiresAt.toISOString(), demoCode: result.demoCode };
      },
    );

    app.post(
      '/portal/login',
      {
        config: { public: true },
        schema: {
          tags: ['portal'],
          summary:
            'Log a customer in with the phone and the code; sets the same session cookie as /auth/login',
          body: portalLoginBody,
          response: { 200: loginResponse, 400: problem, 401: problem, 429: problem },
        },
      },
      async (request, reply) => {
        const result = await portalLogin(ctx, {
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
  };
