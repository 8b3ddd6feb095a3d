/*
 * Charts for the KPI dashboard with Chart.js (its UMD build, served by Mesa from the npm package at
 * /console/vendor/chart.umd.min.js, loaded the first time a chart is drawn so other pages do not pay for it).
 */
interface ChartInstance {
  destroy(): void;
}
type ChartConstructor = new (canvas: HTMLCanvasElement, config: unknown) => ChartInstance;

let loading: Promise<ChartConstructor> | null = null;

function chartLibrary(): Promise<ChartConstructor> {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/console/vendor/chart.umd.min.js';
    script.onload = () => resolve((window as unknown as { Chart: ChartConstructor }).Chart);
    script.onerror = () => reject(new Error('the chart library did not load'));
    document.head.appendChild(script);
  });
  return loading;
}

export interface BarSeries {
  label: string;
  values: number[];
  color: string;
}

/** Draws a bar chart into `canvas`; returns the function that removes it. A chart that cannot load leaves the tables. */
export async function barChart(canvas: HTMLCanvasElement, title: string, labels: string[], series: BarSeries[]): Promise<() => void> {
  const Chart = await chartLibrary();
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: series.map((one) => ({ label: one.label, data: one.values, backgroundColor: one.color })) },
    options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { title: { display: true, text: title }, legend: { display: series.length > 1 } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  return () => chart.destroy();
}
