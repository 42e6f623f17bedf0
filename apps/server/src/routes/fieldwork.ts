import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attachmentHeaders,
  attachmentList,
  attachmentView,
  followUpCallBody,
  followUpListQuery,
  followUpRecordResult,
  followUpTaskView,
  idParams,
  pageOf,
  problem,
  serviceReportQuery,
} from '@aftercare/contracts';
import { largestAllowedSize } from '@aftercare/domain';
import {
  ATTACHMENT_LIMITS,
  getAttachment,
  getFieldwork,
  getServiceReportData,
  listAttachments,
  listFollowUps,
  recordFollowUp,
  runCommand,
  uploadAttachment,
  type AppContext,
  type AttachmentFiles,
  type AttachmentOwner,
} from '@aftercare/application';
import { actorOfRequest, metaOf } from '../http/auth';
import { sendProblem } from '../http/errors';
import { renderServiceReport } from '../documents/service-report';
import { idem } from './master-data';

const errors = {
  400: problem,
  401: problem,
  403: problem,
  404: problem,
  409: problem,
  413: problem,
  415: problem,
  422: problem,
};

/** The raw upload types: the file is the body (issue 4 item 6). */
const UPLOAD_TYPES = /^(image\/[\w.+-]+|video\/[\w.+-]+|application\/pdf)$/i;

/**
 * Field work that is not a move: attachments (upload, list, download), the printable service report,
 * the order's field-work summary and the follow-up call tasks (R-FUP-01).
 */
export const fieldworkRoutes =
  (ctx: AppContext, files: AttachmentFiles): FastifyPluginAsyncZod =>
  async (app) => {
    const uploadLimit = largestAllowedSize(ATTACHMENT_LIMITS);
    // Encapsulated: only the routes of this plugin take raw file bodies.
    app.addContentTypeParser(
      UPLOAD_TYPES,
      { parseAs: 'buffer', bodyLimit: uploadLimit },
      (_request, body, done) => done(null, body),
    );

    const upload =
      (kind: AttachmentOwner['kind']) => async (request: FastifyRequest, reply: FastifyReply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body)) {
          return sendProblem(
            reply,
            request,
            415,
            'UNSUPPORTED_MEDIA_TYPE',
            'Send the file itself as the body, with its Content-Type (image/*, video/*, application/pdf).',
            [{ field: 'body', code: 'UNSUPPORTED_MEDIA_TYPE', message: 'not a file body' }],
          );
        }
        const meta = metaOf(request);
        const { id } = request.params as { id: string };
        const fileName = String(request.headers['x-file-name'] ?? '');
        const declaredMime = String(request.headers['content-type'] ?? '')
          .split(';')[0]!
          .trim();
        const batch = files.batch();
        const digest = createHash('sha256').update(body).digest('hex');
        try {
          const result = await runCommand(
            ctx,
            meta,
            { ...idem(request), body: { fileName, declaredMime, sha256: digest } },
            201,
            (tx, now) =>
              uploadAttachment(tx, meta, { kind, id }, { fileName, declaredMime, bytes: body }, batch, now),
          );
          return reply.status(result.statusCode).send(result.body);
        } catch (error) {
          await batch.discard();
          throw error;
        }
      };
    const uploadSchema = (tag: string, summary: string) => ({
      bodyLimit: uploadLimit,
      config: { permission: 'attachment.write' as const },
      schema: {
        tags: [tag],
        summary,
        params: idParams,
        headers: attachmentHeaders,
        response: { 201: attachmentView, ...errors },
      },
    });
    app.post(
      '/work-orders/:id/attachments',
      uploadSchema(
        'attachments',
        'Upload a photo, video or PDF of a work order: the raw file as the body, its name in X-File-Name (percent-encoded)',
      ),
      upload('work_order'),
    );
    app.post(
      '/service-requests/:id/attachments',
      uploadSchema(
        'attachments',
        'Upload a photo, video or PDF of a service request: the raw file as the body, its name in X-File-Name (percent-encoded)',
      ),
      upload('service_request'),
    );
    app.get(
      '/work-orders/:id/attachments',
      {
        config: { permission: 'attachment.read' },
        schema: { tags: ['attachments'], params: idParams, response: { 200: attachmentList, ...errors } },
      },
      async (request) =>
        listAttachments(ctx.db, actorOfRequest(request), { kind: 'work_order', id: request.params.id }),
    );
    app.get(
      '/service-requests/:id/attachments',
      {
        config: { permission: 'attachment.read' },
        schema: { tags: ['attachments'], params: idParams, response: { 200: attachmentList, ...errors } },
      },
      async (request) =>
        listAttachments(ctx.db, actorOfRequest(request), { kind: 'service_request', id: request.params.id }),
    );
    app.get(
      '/attachments/:id',
      {
        config: { permission: 'attachment.read' },
        schema: {
          tags: ['attachments'],
          summary: 'Download an attachment (checked like its order or request)',
          params: idParams,
        },
      },
      async (request, reply) => {
        const row = await getAttachment(ctx.db, actorOfRequest(request), request.params.id);
        return reply
          .header('content-type', row.contentType)
          .header('content-length', String(row.sizeBytes))
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, max-age=0')
          .send(files.stream(row.tenantId, row.id));
      },
    );

    app.get(
      '/work-orders/:id/service-report',
      {
        config: { permission: 'work_order.read' },
        schema: {
          tags: ['work orders'],
          summary: 'The printable service report (维修单, R-WO-07) as HTML; ?lang=en for English',
          params: idParams,
          querystring: serviceReportQuery,
          response: { 200: z.string(), 404: problem, 403: problem },
        },
      },
      async (request, reply) => {
        const data = await getServiceReportData(ctx.db, actorOfRequest(request), request.params.id, files);
        const lang = request.query.lang === 'en' ? 'en' : 'zh';
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
          .header('x-content-type-options', 'nosniff')
          .send(renderServiceReport(data, lang));
      },
    );

    app.get(
      '/work-orders/:id/fieldwork',
      {
        config: { permission: 'work_order.read' },
        schema: {
          tags: ['work orders'],
          summary:
            'Field work of an order: take-back receipts, follow-up tasks, survey link, complaints, attachments',
          params: idParams,
          response: { 200: z.record(z.string(), z.unknown()), ...errors },
        },
      },
      async (request) => getFieldwork(ctx.db, actorOfRequest(request), request.params.id),
    );

    app.get(
      '/follow-ups',
      {
        config: { permission: 'work_order.follow_up' },
        schema: {
          tags: ['follow-up'],
          summary: 'Follow-up call tasks (R-FUP-01), earliest due first; filter by status and due-by instant',
          querystring: followUpListQuery,
          response: { 200: pageOf(followUpTaskView), ...errors },
        },
      },
      async (request) => listFollowUps(ctx.db, actorOfRequest(request), request.query, ctx.clock.now()),
    );
    app.post(
      '/follow-ups/:id/record',
      {
        config: { permission: 'work_order.follow_up' },
        schema: {
          tags: ['follow-up'],
          summary:
            'Record the follow-up call (R-FUP-01): satisfaction 1–5, product running, suggestions; or a call not reached',
          params: idParams,
          body: followUpCallBody,
          response: { 200: followUpRecordResult, ...errors },
        },
      },
      async (request, reply) => {
        const meta = metaOf(request);
        const result = await runCommand(ctx, meta, idem(request), 200, (tx, now) =>
          recordFollowUp(tx, meta, request.params.id, request.body, now),
        );
        return reply.status(result.statusCode).send(result.body);
      },
    );
  };
