import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Rate, Result, Skeleton, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { apiRequest } from '../../../app/api/client';
import { errorMessage } from '../../../app/api/errors';
import { LanguageSwitch } from '../../../app/i18n/LanguageSwitch';
import { useDocumentTitle } from '../../../app/useDocumentTitle';

type Item = 'responseTime' | 'onSiteTime' | 'repairResult' | 'attitude';
interface SurveyView {
  orderNumber: string;
  product: string | null;
  completedOn: string | null;
  answered: boolean;
  items: Item[];
}

/** Stars 1–5 on the survey's 0–100 scale: (stars − 1) × 25. */
const toScore = (stars: number) => (Math.max(1, stars) - 1) * 25;

/** R-FUP-02: the public survey behind the link sent after completion (/survey/<token>). */
export function SurveyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('portal.survey.title'));
  const { token = '' } = useParams();
  const path = `/surveys/${encodeURIComponent(token)}`;
  const survey = useQuery({
    queryKey: ['survey', token],
    queryFn: ({ signal }) => apiRequest<SurveyView>(path, { signal }),
  });
  const [stars, setStars] = useState<Record<Item, number>>({
    responseTime: 0,
    onSiteTime: 0,
    repairResult: 0,
    attitude: 0,
  });
  const [comment, setComment] = useState('');
  const send = useMutation({
    mutationFn: () =>
      apiRequest(path, {
        method: 'POST',
        body: {
          responseTime: toScore(stars.responseTime),
          onSiteTime: toScore(stars.onSiteTime),
          repairResult: toScore(stars.repairResult),
          attitude: toScore(stars.attitude),
          comment: comment.trim() || undefined,
        },
      }),
  });
  const labels: Record<Item, string> = {
    responseTime: t('portal.survey.responseTime'),
    onSiteTime: t('portal.survey.onSiteTime'),
    repairResult: t('portal.survey.repairResult'),
    attitude: t('portal.survey.attitude'),
  };
  const items: Item[] = survey.data?.items.length
    ? survey.data.items
    : ['responseTime', 'onSiteTime', 'repairResult', 'attitude'];
  const complete = items.every((i) => stars[i] > 0);

  let body;
  if (survey.isPending) body = <Skeleton active />;
  else if (survey.isError) body = <Alert type="error" showIcon title={errorMessage(survey.error, t)} />;
  else if (survey.data.answered || send.isSuccess)
    body = <Result status="success" title={t('portal.survey.thanks')} />;
  else
    body = (
      <Flex vertical gap={16}>
        <Typography.Text>
          {t('portal.order')} {survey.data.orderNumber}
          {survey.data.product ? ` · ${survey.data.product}` : ''}
        </Typography.Text>
        {items.map((item) => (
          <Flex key={item} vertical gap={4}>
            <Typography.Text strong>{labels[item]}</Typography.Text>
            <Rate
              value={stars[item]}
              onChange={(v) => setStars((s) => ({ ...s, [item]: v }))}
              aria-label={labels[item]}
            />
          </Flex>
        ))}
        <Input.TextArea
          value={comment}
          maxLength={2000}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t('portal.survey.comment')}
          aria-label={t('portal.survey.comment')}
          autoSize={{ minRows: 2 }}
        />
        {send.isError && <Alert type="error" showIcon title={errorMessage(send.error, t)} />}
        <Button
          type="primary"
          block
          disabled={!complete}
          loading={send.isPending}
          onClick={() => send.mutate()}
        >
          {t('portal.survey.submit')}
        </Button>
      </Flex>
    );

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f5f5' }}>
      <Card style={{ width: '100%', maxWidth: 480 }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('portal.survey.title')}
          </Typography.Title>
          <LanguageSwitch size="small" />
        </Flex>
        {body}
      </Card>
    </Flex>
  );
}
