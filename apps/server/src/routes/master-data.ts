import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  customerInput,
  customerListQuery,
  customerView,
  idParams,
  pageOf,
  problem,
  productLineInput,
  productLineView,
  productModelInput,
  productModelView,
  unitCreateBody,
  unitListQuery,
  unitView,
} from '@aftercare/contracts';
import {
  createCustomer,
  createProductLine,
  createProductModel,
  createUnit,
  getCustomer,
  getTenant,
  getUnit,
  listCustomers,
  listProductLines,
  listProductModels,
  listUnits,
  runCommand,
  type AppContext,
} from '@aftercare/application';
import { actorOfRequest, metaOf } from '../http/auth';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };

export const masterDataRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/customers',
      {
        config: { permission: 'customer.read' },
        schema: {
          tags: ['customers'],
          summary: 'Search customers (name, pinyin initials, phone)',
          querystring: customerListQuery,
          response: { 200: pageOf(customerView), ...errors },
        },
      },
      async (request) => listCustomers(ctx.db, actorOfRequest(request), request.query),
    );
    app.get(
      '/customers/:id',
      {
        config: { permission: 'customer.read' },
        schema: { tags: ['customers'], params: idParams, response: { 200: customerView, ...errors } },
      },
      async (request) => getCustomer(ctx.db, actorOfRequest(request), request.params.id),
    );
    app.post(
      '/customers',
      {
        config: { permission: 'customer.write' },
        schema: { tags: ['customers'], body: customerInput, response: { 201: customerView, ...errors } },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const result = await runCommand(ctx, meta, idem(request), 201, async (tx, now) => {
          const { customer } = await createCustomer(tx, meta, request.body, now);
          return getCustomer(tx, meta.actor, customer.id);
        });
        return reply.status(result.statusCode).send(result.body);
      },
    );

    app.get(
      '/product-lines',
      {
        config: { permission: 'catalog.read' },
        schema: { tags: ['catalog'], response: { 200: z.object({ items: z.array(productLineView) }) } },
      },
      async (request) => ({ items: (await listProductLines(ctx.db, actorOfRequest(request))).map(lineView) }),
    );
    app.post(
      '/product-lines',
      {
        config: { permission: 'catalog.write' },
        schema: { tags: ['catalog'], body: productLineInput, response: { 201: productLineView, ...errors } },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const result = await runCommand(ctx, meta, idem(request), 201, async (tx, now) =>
          lineView(await createProductLine(tx, meta, request.body, now)),
        );
        return reply.status(result.statusCode).send(result.body);
      },
    );
    app.get(
      '/product-models',
      {
        config: { permission: 'catalog.read' },
        schema: {
          tags: ['catalog'],
          querystring: z.object({ productLineId: z.uuid().optional() }),
          response: { 200: z.object({ items: z.array(productModelView) }) },
        },
      },
      async (request) => ({
        items: (await listProductModels(ctx.db, actorOfRequest(request), request.query.productLineId)).map(
          modelView,
        ),
      }),
    );
    app.post(
      '/product-models',
      {
        config: { permission: 'catalog.write' },
        schema: {
          tags: ['catalog'],
          body: productModelInput,
          response: { 201: productModelView, ...errors },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const result = await runCommand(ctx, meta, idem(request), 201, async (tx, now) =>
          modelView(await createProductModel(tx, meta, request.body, now)),
        );
        return reply.status(result.statusCode).send(result.body);
      },
    );

    app.get(
      '/units',
      {
        config: { permission: 'unit.read' },
        schema: {
          tags: ['units'],
          summary: 'Sold units (serial number, model, purchase)',
          querystring: unitListQuery,
          response: { 200: pageOf(unitView), ...errors },
        },
      },
      async (request) => listUnits(ctx.db, actorOfRequest(request), request.query),
    );
    app.get(
      '/units/:id',
      {
        config: { permission: 'unit.read' },
        schema: { tags: ['units'], params: idParams, response: { 200: unitView, ...errors } },
      },
      async (request) => getUnit(ctx.db, actorOfRequest(request), request.params.id),
    );
    app.post(
      '/units',
      {
        config: { permission: 'unit.write' },
        schema: { tags: ['units'], body: unitCreateBody, response: { 201: unitView, ...errors } },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const result = await runCommand(ctx, meta, idem(request), 201, async (tx, now) => {
          const tenant = await getTenant(tx, meta.actor.tenantId);
          const unit = await createUnit(tx, meta, request.body, now, tenant.timeZone);
          return getUnit(tx, meta.actor, unit.id);
        });
        return reply.status(result.statusCode).send(result.body);
      },
    );
  };

type LineRow = Awaited<ReturnType<typeof listProductLines>>[number];
type ModelRow = Awaited<ReturnType<typeof listProductModels>>[number];
const lineView = (l: LineRow) => ({
  id: l.id,
  code: l.code,
  name: l.name,
  category: l.category as 'own' | 'partner' | 'partner_sold' | 'competitor',
  warrantyMonths: l.warrantyMonths,
});
const modelView = (m: ModelRow) => ({
  id: m.id,
  productLineId: m.productLineId,
  code: m.code,
  name: m.name,
  warrantyMonths: m.warrantyMonths,
});

/** The idempotency fingerprint of a POST. */
export function idem(request: {
  headers: Record<string, unknown>;
  method: string;
  url: string;
  body: unknown;
}) {
  const key = request.headers['idempotency-key'];
  return {
    key: typeof key === 'string' ? key : undefined,
    method: request.method,
    path: request.url,
    body: request.body,
  };
}
