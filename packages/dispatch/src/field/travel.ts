import type { GeoPoint } from './types';

/** Distances (km) and travel times (minutes), row-major `origins × destinations`. */
export interface TravelMatrix {
  readonly km: Float64Array;
  readonly minutes: Float64Array;
}

/**
 * Pluggable source of travel data (R-DIS-04). Synchronous so that the optimiser stays pure: a
 * road-network service is queried by the caller beforehand and wrapped in a provider.
 */
export interface TravelMatrixProvider {
  between(origins: readonly GeoPoint[], destinations: readonly GeoPoint[]): TravelMatrix;
}

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle (haversine) distance in km. */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Default provider: great-circle distance × road factor, driven at a city speed (policy settings). */
export function greatCircleTravel(roadFactor: number, speedKmh: number): TravelMatrixProvider {
  if (!(roadFactor > 0) || !(speedKmh > 0))
    throw new Error('TRAVEL_PARAMS: road factor and speed must be > 0');
  return {
    between(origins, destinations) {
      const m = destinations.length;
      const km = new Float64Array(origins.length * m);
      const minutes = new Float64Array(origins.length * m);
      for (let i = 0; i < origins.length; i++) {
        const o = origins[i]!;
        for (let j = 0; j < m; j++) {
          const d = haversineKm(o, destinations[j]!) * roadFactor;
          km[i * m + j] = d;
          minutes[i * m + j] = (d / speedKmh) * 60;
        }
      }
      return { km, minutes };
    },
  };
}
