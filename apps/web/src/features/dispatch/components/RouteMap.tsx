import { Alert, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ServiceCentre, UnplannedVisit } from '../api/dispatch';
import { MAP_VISIT_LIMIT, useVisitLocations } from '../hooks/useDispatch';
import type { TimelineRow } from './DispatchTimeline';

interface Props {
  centre: ServiceCentre;
  rows: TimelineRow[];
  unplanned: UnplannedVisit[];
  /** A slot inside the day, for locating the unplanned visits. */
  daySlot: { start: string; end: string };
}

const WIDTH = 600;
const HEIGHT = 400;
const PAD = 28;

/**
 * A plain map (no tiles): the service centre, the visits and each technician's route in stop order
 * (centre → visits → centre), drawn with an equirectangular projection of the coordinates.
 */
export function RouteMap({ centre, rows, unplanned, daySlot }: Props) {
  const { t } = useTranslation();
  const visits = [
    ...rows.flatMap((row) =>
      row.stops.map((s) => ({ workOrderId: s.workOrderId, slotStart: s.start, slotEnd: s.end })),
    ),
    ...unplanned.map((v) => ({ workOrderId: v.workOrderId, slotStart: daySlot.start, slotEnd: daySlot.end })),
  ];
  const { locations, pending, failed } = useVisitLocations(visits);

  if (pending) return <Skeleton active paragraph={{ rows: 6 }} />;

  const points = [{ latitude: centre.latitude, longitude: centre.longitude }, ...locations.values()];
  const minLat = Math.min(...points.map((p) => p.latitude));
  const maxLat = Math.max(...points.map((p) => p.latitude));
  const minLon = Math.min(...points.map((p) => p.longitude));
  const maxLon = Math.max(...points.map((p) => p.longitude));
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * kx, 1e-4);
  const spanY = Math.max(maxLat - minLat, 1e-4);
  const scale = Math.min((WIDTH - 2 * PAD) / spanX, (HEIGHT - 2 * PAD) / spanY);
  const offX = (WIDTH - spanX * scale) / 2;
  const offY = (HEIGHT - spanY * scale) / 2;
  const project = (p: { latitude: number; longitude: number }) => ({
    x: offX + (p.longitude - minLon) * kx * scale,
    y: HEIGHT - (offY + (p.latitude - minLat) * scale),
  });
  const home = project(centre);
  const short = (number: string) => number.slice(-9);

  return (
    <>
      {(failed > 0 || visits.length > MAP_VISIT_LIMIT) && (
        <Alert type="warning" showIcon message={t('dispatch.mapPartial')} style={{ marginBottom: 8 }} />
      )}
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('dispatch.map')}
        style={{ width: '100%', height: 'auto', background: '#fafafa', borderRadius: 6 }}
      >
        {rows.map((row) => {
          const path = row.stops
            .map((s) => locations.get(s.workOrderId))
            .filter((p) => p !== undefined)
            .map(project);
          if (path.length === 0) return null;
          const all = [home, ...path, home].map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
          return (
            <polyline
              key={row.technicianId}
              points={all}
              fill="none"
              stroke={row.color}
              strokeWidth={2.5}
              strokeLinejoin="round"
              opacity={0.85}
            />
          );
        })}
        {rows.flatMap((row) =>
          row.stops.map((stop, i) => {
            const at = locations.get(stop.workOrderId);
            if (!at) return null;
            const p = project(at);
            return (
              <g key={stop.workOrderId}>
                <title>{`${row.name} #${i + 1} ${stop.number}`}</title>
                <circle cx={p.x} cy={p.y} r={9} fill={row.color} stroke="#fff" strokeWidth={1.5} />
                <text x={p.x} y={p.y + 3.5} fontSize={10} textAnchor="middle" fill="#fff">
                  {i + 1}
                </text>
                <text x={p.x + 12} y={p.y + 4} fontSize={10} fill="#555">
                  {short(stop.number)}
                </text>
              </g>
            );
          }),
        )}
        {unplanned.map((visit) => {
          const at = locations.get(visit.workOrderId);
          if (!at) return null;
          const p = project(at);
          return (
            <g key={visit.workOrderId}>
              <title>{`${t('dispatch.unplannedCount')} ${visit.number}`}</title>
              <circle
                cx={p.x}
                cy={p.y}
                r={7}
                fill="#fff"
                stroke="#fa8c16"
                strokeWidth={2}
                strokeDasharray="3 2"
              />
              <text x={p.x + 10} y={p.y + 4} fontSize={10} fill="#d46b08">
                {short(visit.number)}
              </text>
            </g>
          );
        })}
        <g>
          <title>{centre.name}</title>
          <rect x={home.x - 8} y={home.y - 8} width={16} height={16} fill="#262626" rx={2} />
          <text x={home.x + 12} y={home.y - 10} fontSize={11} fill="#262626" fontWeight={600}>
            {centre.name}
          </text>
        </g>
      </svg>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('dispatch.mapLegend')}
      </Typography.Text>
    </>
  );
}
