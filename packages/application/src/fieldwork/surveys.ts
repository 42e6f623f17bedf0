import { and, eq } from 'drizzle-orm';
import { DomainError, SURVEY_ITEMS, localDate, scoreSurvey, type SurveyAnswers } from '@aftercare/domain';
import { productModels, surveys, tenants, units, workOrders, type Executor } from '@aftercare/db';
import { writeAudit } from '../audit';
import type { CommandMeta } from '../context';
import { unwrap } from '../guards';
import { tenantPolicyOf } from './calendars';
import { actOnOutcome } from './follow-ups';
import { reworkCount } from './records';

/** The actor of what the system does on its own, e.g. a rework opened by a low survey score. */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

const surveyNotFound = () => new DomainError('SURVEY_NOT_FOUND', 'This survey link is not valid.');

/** The audit trail never keeps the link's token (it is the key of a public page). */
function withoutToken<T extends { token: string }>(row: T): Omit<T, 'token'> {
  const { token: _token, ...rest } = row;
  return rest;
}

/** The survey of a public link; the token is the only key (it is random and long). */
async function surveyByToken(db: Executor, token: string, lock: boolean) {
  const query = db.select().from(surveys).where(eq(surveys.token, token));
  const rows = lock ? await query.for('update') : await query;
  if (rows.length !== 1) throw surveyNotFound();
  return rows[0]!;
}

/** R-FUP-02: what the public survey page shows: the order number and product, no personal data. */
export async function getPublicSurvey(db: Executor, token: string) {
  const survey = await surveyByToken(db, token, false);
  const [row] = await db
    .select({
      number: workOrders.number,
      modelName: productModels.name,
      modelCode: productModels.code,
      timeZone: tenants.timeZone,
    })
    .from(workOrders)
    .innerJoin(tenants, eq(tenants.tenantId, workOrders.tenantId))
    .leftJoin(units, and(eq(units.tenantId, workOrders.tenantId), eq(units.id, workOrders.unitId)))
    .leftJoin(
      productModels,
      and(eq(productModels.tenantId, units.tenantId), eq(productModels.id, units.modelId)),
    )
    .where(and(eq(workOrders.tenantId, survey.tenantId), eq(workOrders.id, survey.workOrderId)));
  if (!row) throw surveyNotFound();
  return {
    orderNumber: row.number,
    product: row.modelName ? `${row.modelName} ${row.modelCode ?? ''}`.trim() : null,
    completedOn: localDate(survey.createdAt, row.timeZone),
    answered: survey.answeredAt !== null,
    items: [...SURVEY_ITEMS],
  };
}

/**
 * R-FUP-02: the customer answers the survey once. The overall score below the policy's threshold
 * opens a free rework (the request_rework move, by the system) or a complaint.
 */
export async function answerSurvey(
  tx: Executor,
  requestId: string,
  token: string,
  body: SurveyAnswers & { comment?: string | undefined },
  now: Date,
) {
  const survey = await surveyByToken(tx, token, true);
  if (survey.answeredAt)
    throw new DomainError('SURVEY_ALREADY_ANSWERED', 'This survey was answered already. Thank you!');
  const meta: CommandMeta = {
    actor: {
      userId: SYSTEM_USER_ID,
      tenantId: survey.tenantId,
      roles: ['supervisor'],
      displayName: '满意度调查 survey',
    },
    requestId,
    channel: 'system',
  };
  const policy = await tenantPolicyOf(tx, survey.tenantId);
  const previousReworks = await reworkCount(tx, survey.tenantId, survey.workOrderId);
  const answers: SurveyAnswers = {
    responseTime: body.responseTime,
    onSiteTime: body.onSiteTime,
    repairResult: body.repairResult,
    attitude: body.attitude,
  };
  const result = unwrap(scoreSurvey(answers, { previousReworks }, policy));
  const comment = body.comment?.trim() ? body.comment.trim() : null;
  const after = {
    ...survey,
    answeredAt: now,
    answers: result.items,
    comment,
    overall: result.overall,
    meetsTarget: result.meetsTarget,
    outcome: result.outcome,
  };
  await tx
    .update(surveys)
    .set({
      answeredAt: now,
      answers: result.items,
      comment,
      overall: result.overall,
      meetsTarget: result.meetsTarget,
      outcome: result.outcome,
    })
    .where(and(eq(surveys.tenantId, survey.tenantId), eq(surveys.id, survey.id)));
  await writeAudit(tx, meta, now, {
    entityType: 'survey',
    entityId: survey.id,
    action: 'survey.answer',
    before: withoutToken(survey),
    after: withoutToken(after),
  });
  await actOnOutcome(
    tx,
    meta,
    survey.workOrderId,
    result.outcome,
    'survey_low_score',
    `满意度调查低分 ${result.overall}/100`,
    now,
  );
  return { overall: result.overall, meetsTarget: result.meetsTarget, thankYou: true as const };
}
