import { useState } from 'react';

/** Six decimals (~0.1 m) are more than anyone can point at on a map or a phone can tell. */
export const roundCoordinate = (n: number) => Math.round(n * 1e6) / 1e6;

export type DevicePositionState = 'idle' | 'locating' | 'failed';

/**
 * "Use my position": asks the device once for where it is. `state` drives the button and the message shown
 * when the device cannot tell (no permission, no fix within ten seconds, or no geolocation at all).
 */
export function useDevicePosition(
  onPosition: (point: { lon: number; lat: number }) => void,
  options: { maximumAgeMs: number },
) {
  const [state, setState] = useState<DevicePositionState>('idle');
  const locate = () => {
    if (!('geolocation' in navigator)) {
      setState('failed');
      return;
    }
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setState('idle');
        onPosition({ lon: roundCoordinate(pos.coords.longitude), lat: roundCoordinate(pos.coords.latitude) });
      },
      () => setState('failed'),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: options.maximumAgeMs },
    );
  };
  return { state, locate };
}
