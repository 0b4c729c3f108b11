// chart.js configurations for the dashboard's charts: plain data and already translated words in,
// a configuration out. Type-only imports: chart.js itself loads with the first chart.
import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';

export const PALETTE = ['#1a5fd1', '#b4232a', '#1f7a3a', '#9a5b00', '#6b3fa0', '#00838f', '#5b6470', '#c2185b'] as const;

export function colour(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}

const LOW = [238, 243, 251] as const;
const HIGH = [18, 63, 133] as const;

/** Heat-map colour of a share of max: pale at 0, deep blue at 100%; grey when there is no score. */
export function heatColour(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '#c9ced6';
  const t = Math.min(1, Math.max(0, share));
  const [r, g, b] = LOW.map((low, i) => Math.round(low + (HIGH[i]! - low) * t));
  return `rgb(${r}, ${g}, ${b})`;
}

const integerTicks = { precision: 0 } as const;

export function countBars(labels: readonly string[], series: readonly { label: string; data: readonly number[] }[], axisTitle: string): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: [...labels],
      datasets: series.map((s, i) => ({ label: s.label, data: [...s.data], backgroundColor: colour(i) })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: series.length > 1 } },
      scales: { y: { beginAtZero: true, ticks: integerTicks, title: { display: true, text: axisTitle } } },
    },
  };
}

export function shareBars(labels: readonly string[], label: string, percents: readonly (number | null)[]): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: { labels: [...labels], datasets: [{ label, data: [...percents], backgroundColor: colour(0) }] },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: { x: { min: 0, max: 100, ticks: { callback: (value) => `${value}%` } } },
    },
  };
}

export interface HeatChartInput {
  readonly columns: readonly string[];
  readonly rows: readonly string[];
  /** rows × columns shares of max. */
  readonly shares: readonly (readonly (number | null)[])[];
  /** Tooltip text of one cell. */
  readonly describe: (row: number, column: number) => string;
}

/**
 * A heat map from stacked horizontal bars: one row per person, one unit-wide segment per
 * indicator, coloured by the score's share of max. chart.js has no matrix chart; stacked bars
 * give the same picture with its axes, tooltips and PNG export.
 */
export function heatMap(input: HeatChartInput): ChartConfiguration<'bar'> {
  const datasets: ChartDataset<'bar'>[] = input.columns.map((name, column) => ({
    label: name,
    data: input.rows.map(() => 1),
    backgroundColor: input.rows.map((_, row) => heatColour(input.shares[row]?.[column] ?? null)),
    borderColor: '#ffffff',
    borderWidth: 1,
    barPercentage: 1,
    categoryPercentage: 1,
  }));
  return {
    type: 'bar',
    data: { labels: [...input.rows], datasets },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item: TooltipItem<'bar'>) => input.describe(item.dataIndex, item.datasetIndex) } },
      },
      scales: {
        x: {
          stacked: true,
          min: 0,
          max: input.columns.length,
          position: 'top',
          grid: { display: false },
          // One label in the middle of each indicator's column.
          afterBuildTicks: (axis) => {
            axis.ticks = input.columns.map((_, i) => ({ value: i + 0.5 }));
          },
          ticks: { autoSkip: false, maxRotation: 60, minRotation: 30, callback: (value) => input.columns[Math.floor(Number(value))] ?? '' },
        },
        y: { stacked: true, grid: { display: false }, ticks: { autoSkip: false } },
      },
    },
  };
}

export function radar(labels: readonly string[], series: readonly { label: string; data: readonly (number | null)[] }[]): ChartConfiguration<'radar'> {
  return {
    type: 'radar',
    data: {
      labels: [...labels],
      datasets: series.map((s, i) => ({
        label: s.label,
        data: [...s.data],
        borderColor: colour(i),
        backgroundColor: `${colour(i)}33`,
        pointBackgroundColor: colour(i),
        fill: i === 0,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      scales: { r: { min: 0, max: 100, ticks: { stepSize: 20, callback: (value) => `${value}%` } } },
    },
  };
}

export function totalAndRank(labels: readonly string[], totals: readonly (number | null)[], ranks: readonly (number | null)[], words: { total: string; rank: string }): ChartConfiguration<'line'> {
  return {
    type: 'line',
    data: {
      labels: [...labels],
      datasets: [
        { label: words.total, data: [...totals], borderColor: colour(0), backgroundColor: colour(0), yAxisID: 'total', spanGaps: false },
        { label: words.rank, data: [...ranks], borderColor: colour(1), backgroundColor: colour(1), yAxisID: 'rank', borderDash: [6, 4], spanGaps: false },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        total: { type: 'linear', position: 'left', beginAtZero: true, title: { display: true, text: words.total } },
        // Rank 1 at the top: a better rank is higher on the chart, like a better total.
        rank: { type: 'linear', position: 'right', reverse: true, min: 1, ticks: integerTicks, grid: { drawOnChartArea: false }, title: { display: true, text: words.rank } },
      },
    },
  };
}

export function groupedBars(labels: readonly string[], series: readonly { label: string; data: readonly (number | null)[] }[], axisTitle: string, stacked = false): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: { labels: [...labels], datasets: series.map((s, i) => ({ label: s.label, data: [...s.data], backgroundColor: colour(i) })) },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { stacked },
        y: { stacked, beginAtZero: true, ticks: stacked ? integerTicks : {}, title: { display: true, text: axisTitle } },
      },
    },
  };
}

export function line(labels: readonly string[], label: string, data: readonly (number | null)[]): ChartConfiguration<'line'> {
  return {
    type: 'line',
    data: { labels: [...labels], datasets: [{ label, data: [...data], borderColor: colour(0), backgroundColor: colour(0) }] },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, title: { display: true, text: label } } },
    },
  };
}
