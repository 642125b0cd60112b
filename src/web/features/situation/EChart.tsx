import { useEffect, useRef } from 'react';
import type { ChartOption } from './chart-options.js';

/**
 * An ECharts chart, loaded when first drawn so the library stays out of the JavaScript every page loads.
 * The chart is a picture with a one-line summary (`label`); the numbers are in the table beside it.
 */
export function EChart({ option, label, height }: { option: ChartOption; label: string; height: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    void import('./echarts-setup.js').then(({ drawChart }) => {
      if (disposed || !box.current) return;
      dispose = drawChart(box.current, option);
    });
    return () => {
      disposed = true;
      dispose();
    };
  }, [option]);
  return (
    <div className="echart" role="img" aria-label={label}>
      <div ref={box} aria-hidden="true" style={{ height, width: '100%' }} />
    </div>
  );
}
