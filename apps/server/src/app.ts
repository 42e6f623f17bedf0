import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { AttachmentFiles, type AppContext } from '@aftercare/application';
import { registerAuth } from './http/auth';
import { errorHandler, sendProblem } from './http/errors';
import { authRoutes } from './routes/auth';
import { masterDataRoutes } from './routes/master-data';
import { serviceRequestRoutes } from './routes/service-requests';
import { workOrderRoutes } from './routes/work-orders';
import { fieldworkRoutes } from './routes/fieldwork';
import { surveyRoutes } from './routes/surveys';
import { readConfig } from './config';
import { assessmentRoutes } from './routes/assessment';
import { quoteRoutes } from './routes/quotes';
import { auditRoutes } from './routes/audit';
import { slaRoutes } from './routes/sla';
import { portalRoutes } from './routes/portal';
import { workforceRoutes } from './routes/workforce';
import { dispatchingRoutes } from './routes/dispatching';
import { VERSION } from './version';

export interface BuildOptions {
  ctx: AppContext;
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web UI; served at `/` when it exists. */
  webDist?: string;
  /** Reported by /health. */
  databaseKind?: string;
  /** Folder of attachment files; default `<AFTERCARE_DATA_DIR>/attachments`. */
  attachmentsDir?: string;
}

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Builds the HTTP app: API under /api/v1, OpenAPI at /api/openapi.json, docs at /api/docs, web at /. */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Aftercare API',
        description:
          'After-sales service management (售后管家). Errors are application/problem+json with a stable `code`.',
        version: VERSION,
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'aftercare_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerAuth(app, options.ctx);

  app.get('/health', { config: { public: true }, schema: { hide: true } }, async () => ({
    status: 'ok',
    version: VERSION,
    database: options.databaseKind ?? 'unknown',
  }));
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await app.register(authRoutes(options.ctx), { prefix: '/api/v1' });
  await app.register(masterDataRoutes(options.ctx), { prefix: '/api/v1' });
  await app.register(serviceRequestRoutes(options.ctx), { prefix: '/api/v1' });
  const files = new AttachmentFiles(options.attachmentsDir ?? join(readConfig().dataDir, 'attachments'));
  await app.register(workOrderRoutes(options.ctx, files), { prefix: '/api/v1' });
  await app.register(fieldworkRoutes(options.ctx, files), { prefix: '/api/v1' });
  await app.register(surveyRoutes(options.ctx), { prefix: '/api/v1' });
  await app.register(assessmentRoutes(options.ctx), { prefix: '/api/v1' });
  await app.register(quoteRoutes(options.ctx), { prefix: '/api/v1' });
  await app.register(auditRoutes(options.ctx), { prefix: '/api/v1' });
  await app.register(slaRoutes(options.ctx), { prefix: '/api/v1' });
  await app.register(workforceRoutes(options.ctx), { prefix: '/api/v1' });
  await app.register(dispatchingRoutes(options.ctx), { prefix: '/api/v1' });
  await app.register(portalRoutes(options.ctx), { prefix: '/api/v1' });

  const webDist = options.webDist ?? DEFAULT_WEB_DIST;
  const hasWeb = existsSync(`${webDist}/index.html`);
  if (hasWeb) {
    // Hashed assets never change; index.html must be fetched again after a deploy. `wildcard: true`
    // serves what is in the folder at request time, so a rebuilt UI needs no restart.
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      wildcard: true,
      index: ['index.html'],
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader(
          'Cache-Control',
          /\/assets\//.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi = path.startsWith('/api/') || path === '/api';
    // A client-side route gets the app; a missing file (an old asset after a deploy) is a real 404.
    const looksLikeFile = path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path);
    if (!isApi && !looksLikeFile && hasWeb && request.method === 'GET') {
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(
      reply,
      request,
      404,
      'NOT_FOUND',
      `No route ${request.method} ${request.url.split('?')[0]}.`,
    );
  });
  return app;
}
