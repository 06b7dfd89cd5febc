// A bar chart on a canvas (chart.js, only the parts we use). Colours come from the theme's CSS
// variables, so it follows dark and light; the table next to each chart carries the same numbers
// for screen readers and for print.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/useT';
import { useTheme } from '../../theme/useTheme';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface Series {
  label: string;
  data: number[];
  /** A theme variable, e.g. '--accent'. */
  color: string;
}

interface Props {
  title: string;
  labels: string[];
  series: Series[];
  stacked?: boolean;
  horizontal?: boolean;
  /** Shares (0..1) shown as percentages. */
  percent?: boolean;
  height?: number;
}

const cssVar = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
/** Paper is white whatever the screen theme: the light theme's colours (theme.css) while printing. */
const PRINT: Record<string, string> = {
  '--text': '#0d1117',
  '--muted': '#4a5563',
  '--border': '#8b96a5',
  '--accent': '#0b5cc7',
  '--ok': '#1a7f37',
  '--warn': '#9a6700',
  '--danger': '#b42318',
};

export function BarChart({
  title,
  labels,
  series,
  stacked = false,
  horizontal = false,
  percent = false,
  height = 260,
}: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { theme } = useTheme();
  const { lang } = useI18n();

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const number = new Intl.NumberFormat(
      lang,
      percent ? { style: 'percent', maximumFractionDigits: 1 } : { maximumFractionDigits: 1 },
    );
    const build = (print: boolean) => {
      const color = (name: string) => (print ? (PRINT[name] ?? cssVar(name)) : cssVar(name));
      const valueAxis = {
        stacked,
        beginAtZero: true,
        grid: { color: color('--border') },
        ticks: {
          color: color('--muted'),
          precision: percent ? undefined : 0,
          callback: (v: string | number) => number.format(Number(v)),
        },
      };
      // Long category names (ETHOS situations) are shortened on a narrow screen; the table has them in full.
      const max = el.clientWidth < 420 ? 18 : 34;
      const short = (l: string) => (l.length > max ? `${l.slice(0, max - 1)}…` : l);
      const labelAxis = {
        stacked,
        grid: { display: false },
        ticks: {
          color: color('--muted'),
          autoSkip: true,
          maxRotation: 0,
          callback: (v: string | number, i: number) => short(labels[i] ?? String(v)),
        },
      };
      return new Chart(el, {
        type: 'bar',
        data: {
          labels,
          datasets: series.map((s) => ({
            label: s.label,
            data: s.data,
            backgroundColor: color(s.color),
            borderWidth: 0,
            borderRadius: 3,
          })),
        },
        options: {
          indexAxis: horizontal ? 'y' : 'x',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
          plugins: {
            legend: { display: series.length > 1, labels: { color: color('--text'), boxWidth: 14 } },
            tooltip: { callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${number.format(Number(c.raw))}` } },
          },
        },
      });
    };
    let chart = build(false);
    // Paper gets the light colours: redraw before printing and back after.
    const redraw = (print: boolean) => () => {
      chart.destroy();
      chart = build(print);
    };
    const toPaper = redraw(true);
    const toScreen = redraw(false);
    window.addEventListener('beforeprint', toPaper);
    window.addEventListener('afterprint', toScreen);
    return () => {
      window.removeEventListener('beforeprint', toPaper);
      window.removeEventListener('afterprint', toScreen);
      chart.destroy();
    };
  }, [labels, series, stacked, horizontal, percent, theme, lang]);

  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={title} />
    </div>
  );
}
