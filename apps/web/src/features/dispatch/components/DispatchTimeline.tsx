import { Tooltip, Typography } from 'antd';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlannedStop, RosterTechnician } from '../api/dispatch';

export interface TimelineRow {
  technicianId: string;
  name: string;
  color: string;
  shifts: RosterTechnician['shifts'];
  leave: RosterTechnician['leave'];
  stops: PlannedStop[];
  /** The row's route failed the last feasibility check. */
  infeasible: boolean;
}

interface Props {
  rows: TimelineRow[];
  /** Frame of the day, epoch ms. */
  from: number;
  to: number;
  formatTime: (iso: string) => string;
  /** Drag and drop is on (tablet and wider, plan not published). */
  draggable: boolean;
  violating: ReadonlySet<string>;
  onDrop: (workOrderId: string, technicianId: string) => void;
}

const HOUR = 3_600_000;
const NAME_WIDTH = 120;
const ROW_HEIGHT = 44;
export const DRAG_TYPE = 'application/x-aftercare-work-order';

/** One row per technician: the shift as a band, approved leave hatched, the planned visits as blocks. */
export function DispatchTimeline({ rows, from, to, formatTime, draggable, violating, onDrop }: Props) {
  const { t } = useTranslation();
  const [over, setOver] = useState<string | null>(null);
  const span = Math.max(to - from, HOUR);
  const pct = (ms: number) => `${(Math.min(Math.max(ms - from, 0), span) / span) * 100}%`;
  const width = (a: number, b: number) => `${((Math.min(b, to) - Math.max(a, from)) / span) * 100}%`;
  const hours: number[] = [];
  for (let h = Math.ceil(from / HOUR) * HOUR; h <= to; h += HOUR) hours.push(h);

  const dropHandlers = (technicianId: string) =>
    draggable
      ? {
          onDragOver: (event: DragEvent) => {
            if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
            setOver(technicianId);
          },
          onDragLeave: () => setOver((current) => (current === technicianId ? null : current)),
          onDrop: (event: DragEvent) => {
            event.preventDefault();
            setOver(null);
            const id = event.dataTransfer.getData(DRAG_TYPE);
            if (id) onDrop(id, technicianId);
          },
        }
      : {};

  return (
    <div
      role="table"
      aria-label={t('dispatch.timeline')}
      style={{ minWidth: Math.max(640, NAME_WIDTH + 24 + (span / HOUR) * 72) }}
    >
      <div role="row" style={{ display: 'flex', height: 22 }}>
        <div style={{ width: NAME_WIDTH, flex: 'none' }} />
        <div style={{ position: 'relative', flex: 1, marginRight: 24 }}>
          {hours.map((h) => (
            <Typography.Text
              key={h}
              type="secondary"
              style={{
                position: 'absolute',
                left: pct(h),
                transform: 'translateX(-50%)',
                fontSize: 11,
                whiteSpace: 'nowrap',
              }}
            >
              {formatTime(new Date(h).toISOString())}
            </Typography.Text>
          ))}
        </div>
      </div>
      {rows.map((row) => (
        <div
          role="row"
          key={row.technicianId}
          data-testid={`dispatch-row-${row.technicianId}`}
          style={{
            display: 'flex',
            height: ROW_HEIGHT,
            borderTop: '1px solid rgba(0,0,0,0.06)',
            background: over === row.technicianId ? 'rgba(22,119,255,0.08)' : undefined,
          }}
          {...dropHandlers(row.technicianId)}
        >
          <div
            role="rowheader"
            style={{ width: NAME_WIDTH, flex: 'none', display: 'flex', alignItems: 'center', gap: 6 }}
          >
            <span
              aria-hidden
              style={{ width: 10, height: 10, borderRadius: 5, background: row.color, flex: 'none' }}
            />
            <Typography.Text ellipsis strong type={row.infeasible ? 'danger' : undefined}>
              {row.name}
            </Typography.Text>
          </div>
          <div role="cell" style={{ position: 'relative', flex: 1, marginRight: 24 }}>
            {hours.map((h) => (
              <div
                key={h}
                aria-hidden
                style={{
                  position: 'absolute',
                  left: pct(h),
                  top: 0,
                  bottom: 0,
                  borderLeft: '1px dashed rgba(0,0,0,0.06)',
                }}
              />
            ))}
            {row.shifts.map((shift) => (
              <Tooltip
                key={`${shift.start}-${shift.end}`}
                title={`${t(shift.kind === 'on_call' ? 'dispatch.onCall' : 'dispatch.shift')} ${formatTime(shift.start)}–${formatTime(shift.end)}`}
              >
                <div
                  style={{
                    position: 'absolute',
                    left: pct(Date.parse(shift.start)),
                    width: width(Date.parse(shift.start), Date.parse(shift.end)),
                    top: 6,
                    bottom: 6,
                    borderRadius: 4,
                    background: shift.kind === 'on_call' ? 'rgba(250,173,20,0.12)' : 'rgba(82,196,26,0.12)',
                    border: '1px solid rgba(82,196,26,0.35)',
                  }}
                />
              </Tooltip>
            ))}
            {row.leave.map((leave) => (
              <Tooltip key={leave.id} title={t('dispatch.onLeave')}>
                <div
                  style={{
                    position: 'absolute',
                    left: pct(Date.parse(leave.start)),
                    width: width(Date.parse(leave.start), Date.parse(leave.end)),
                    top: 6,
                    bottom: 6,
                    background:
                      'repeating-linear-gradient(45deg, rgba(0,0,0,0.08) 0 4px, transparent 4px 8px)',
                  }}
                />
              </Tooltip>
            ))}
            {row.stops.map((stop) => {
              const bad = violating.has(stop.workOrderId);
              const late = stop.lateMinutes > 0;
              return (
                <Tooltip
                  key={stop.workOrderId}
                  title={
                    <>
                      {stop.number} · {formatTime(stop.start)}–{formatTime(stop.end)}
                      <br />
                      {t('dispatch.travel', {
                        minutes: Math.round(stop.travelMinutes),
                        km: stop.distanceKm.toFixed(1),
                      })}
                      {late && (
                        <>
                          <br />
                          {t('dispatch.lateBy', { minutes: Math.round(stop.lateMinutes) })}
                        </>
                      )}
                    </>
                  }
                >
                  <div
                    draggable={draggable}
                    onDragStart={(event) => {
                      event.dataTransfer.setData(DRAG_TYPE, stop.workOrderId);
                      event.dataTransfer.effectAllowed = 'move';
                    }}
                    data-testid={`dispatch-stop-${stop.number}`}
                    style={{
                      position: 'absolute',
                      left: pct(Date.parse(stop.start)),
                      width: width(Date.parse(stop.start), Date.parse(stop.end)),
                      minWidth: 40,
                      top: 10,
                      bottom: 10,
                      borderRadius: 4,
                      background: row.color,
                      outline: bad ? '2px solid #ff4d4f' : late ? '2px solid #faad14' : undefined,
                      color: '#fff',
                      fontSize: 10,
                      lineHeight: '24px',
                      textOverflow: 'ellipsis',
                      padding: '0 4px',
                      overflow: 'hidden',
                      whiteSpace: 'nowrap',
                      cursor: draggable ? 'grab' : 'default',
                    }}
                  >
                    {stop.number}
                  </div>
                </Tooltip>
              );
            })}
          </div>
        </div>
      ))}
    </div>
  );
}
