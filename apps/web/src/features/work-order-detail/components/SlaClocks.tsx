import { Flex, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/format';
import type { SlaClock } from '../api/workOrder';

/** green running · orange at risk · red breached · grey met, paused or cancelled. */
export function slaColour(clock: SlaClock): string {
  if (clock.breached || clock.state === 'breached') return 'red';
  if (clock.state !== 'running') return 'default';
  return clock.atRisk ? 'orange' : 'green';
}

/** Working minutes as "3 h 20 min" (negative: overdue). */
export function formatMinutes(minutes: number, t: TFunction): string {
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  const text =
    hours > 0 ? t('sla.hoursMinutes', { hours, minutes: rest }) : t('sla.minutes', { minutes: rest });
  return minutes < 0 ? t('sla.overdueBy', { time: text }) : text;
}

export function slaStateText(clock: SlaClock, t: TFunction): string {
  if (clock.state === 'running' && clock.atRisk) return t('sla.state.at_risk');
  return t(`sla.state.${clock.state}`, { defaultValue: clock.state });
}

export function SlaClocks({ clocks }: { clocks: readonly SlaClock[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  if (clocks.length === 0) return <Typography.Text type="secondary">{t('sla.none')}</Typography.Text>;
  const zh = (i18n.resolvedLanguage ?? i18n.language).startsWith('zh');
  return (
    <Flex vertical gap={8} data-testid="sla-clocks">
      {clocks.map((clock) => {
        const open = clock.state === 'running' || clock.state === 'breached';
        return (
          <Flex
            key={clock.id}
            wrap
            gap={8}
            align="center"
            justify="space-between"
            data-sla-state={clock.state}
            style={{ borderBottom: '1px solid rgba(5,5,5,0.06)', paddingBottom: 6 }}
          >
            <Flex gap={8} align="center" wrap>
              <Tag color={slaColour(clock)} style={{ marginInlineEnd: 0 }}>
                {slaStateText(clock, t)}
              </Tag>
              <Typography.Text strong>{zh ? clock.label.zh : clock.label.en}</Typography.Text>
            </Flex>
            <Flex vertical align="end">
              <Typography.Text className="tabular">
                {t('sla.deadline')} {format.dateTime(clock.deadline)} ({format.zoneLabel})
              </Typography.Text>
              {open && (
                <Typography.Text type={clock.remainingMinutes < 0 || clock.breached ? 'danger' : 'secondary'}>
                  {clock.breached && clock.remainingMinutes >= 0
                    ? t('sla.breached')
                    : clock.remainingMinutes < 0
                      ? formatMinutes(clock.remainingMinutes, t)
                      : `${t('sla.remaining')} ${formatMinutes(clock.remainingMinutes, t)}`}
                </Typography.Text>
              )}
              {clock.state === 'paused' && clock.pausedReason && (
                <Typography.Text type="secondary">
                  {t(`sla.pauseReason.${clock.pausedReason}`, { defaultValue: clock.pausedReason })}
                </Typography.Text>
              )}
            </Flex>
          </Flex>
        );
      })}
    </Flex>
  );
}
