import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  problem,
  surveyAnswerBody,
  surveyAnswerResult,
  surveyPublicView,
  tokenParams,
} from '@aftercare/contracts';
import { answerSurvey, getPublicSurvey, type AppContext } from '@aftercare/application';

const errors = { 400: problem, 404: problem, 409: problem, 422: problem };

/**
 * The public satisfaction survey (R-FUP-02): the link's random token is the only key, and these
 * routes read and write only that token's survey and order; nothing personal is shown.
 */
export const surveyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/surveys/:token',
      {
        config: { public: true },
        schema: {
          tags: ['survey'],
          summary: 'What the survey page shows: order number and product',
          params: tokenParams,
          response: { 200: surveyPublicView, ...errors },
        },
      },
      async (request) => getPublicSurvey(ctx.db, request.params.token),
    );
    app.post(
      '/surveys/:token',
      {
        config: { public: true },
        schema: {
          tags: ['survey'],
          summary:
            'Answer the survey once: four scores 0–100 and a comment; a low score opens rework or a complaint',
          params: tokenParams,
          body: surveyAnswerBody,
          response: { 200: surveyAnswerResult, ...errors },
        },
      },
      async (request) => {
        const now = ctx.clock.now();
        return ctx.db.transaction((tx) =>
          answerSurvey(tx, request.id, request.params.token, request.body, now),
        );
      },
    );
  };
