import { BarChart, HeatmapChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  PolarComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartOption } from './chart-options.js';

// Only the parts the situation page draws, so the lazily loaded chunk stays small.
echarts.use([
  BarChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  PolarComponent,
  VisualMapComponent,
  SVGRenderer,
]);

/** Draws `option` into `el`, following its width; returns what takes the chart down again. */
export function drawChart(el: HTMLElement, option: ChartOption): () => void {
  const chart = echarts.init(el, undefined, { renderer: 'svg' });
  chart.setOption(option as echarts.EChartsCoreOption);
  const resize = new ResizeObserver(() => chart.resize());
  resize.observe(el);
  return () => {
    resize.disconnect();
    chart.dispose();
  };
}
