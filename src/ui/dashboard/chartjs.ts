// chart.js, loaded on first use only (a chunk of its own: the rest of the app never waits for it),
// with just the controllers the dashboard draws. The page's CSP allows it: chart.js draws on a
// canvas and sets inline styles through the CSSOM, never injects script.
import type { Chart as ChartType, ChartConfiguration, Plugin } from 'chart.js';

export type { ChartConfiguration };
export type ChartInstance = ChartType;

/** Paint the canvas white first, so a saved PNG is not transparent. */
const whiteBackground: Plugin = {
  id: 'kaoheWhiteBackground',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

let loading: Promise<typeof ChartType> | undefined;

export function loadChartJs(): Promise<typeof ChartType> {
  loading ??= import('chart.js').then((module) => {
    const { Chart } = module;
    Chart.register(
      module.BarController,
      module.BarElement,
      module.LineController,
      module.LineElement,
      module.PointElement,
      module.RadarController,
      module.RadialLinearScale,
      module.CategoryScale,
      module.LinearScale,
      module.Filler,
      module.Legend,
      module.Tooltip,
      whiteBackground,
    );
    // The app's Chinese-first font stack, read from the page's CSS variables.
    const font = getComputedStyle(document.documentElement).getPropertyValue('--font').trim();
    if (font) Chart.defaults.font.family = font;
    Chart.defaults.color = '#1f2328';
    // Charts appear at once: no animation to wait for (or to race in tests).
    Chart.defaults.animation = false;
    return Chart;
  });
  return loading;
}
