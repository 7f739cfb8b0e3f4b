// Statistics of the folder's annotations, as bar charts (Chart.js): per tag, per person (claims,
// quotes and denials stacked), per article. Clicking a bar searches for what it counts. Each
// chart's numbers are also given as a table for screen readers and for copying.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'react';
import { tagById, type TagDefinition } from '../../shared/tags.js';
import type { SearchFilters } from '../state/corpus-slice.js';
import { EMPTY_FILTERS } from '../state/corpus-slice.js';
import { Modal } from './Modal.js';
import { useApp, useGloss } from './session-context.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** How many people and articles a chart shows (the most annotated). */
const TOP = 15;

interface Series {
  labels: string[];
  /** One row per tag: counts per label. */
  byTag: { tag: string; counts: number[] }[];
}

export function StatisticsDialog() {
  const { session } = useApp();
  const store = session.store;
  const stats = useGloss((s) => s.statistics);
  const tags = useGloss((s) => s.tags);
  const counting = useGloss((s) => s.countProgress);

  useEffect(() => {
    void session.loadStatistics();
  }, [session, counting === null]);

  const close = () => store.getState().setDialog(null);
  const searchFor = (filters: Partial<SearchFilters>) => {
    store.getState().setFilters({ ...EMPTY_FILTERS, ...filters });
    store.getState().setLeftView('search');
    close();
  };
  if (!stats) return <Modal title="Statistics" onClose={close}>Counting…</Modal>;

  const tagIds = Object.keys(stats.byTag).sort((a, b) => stats.byTag[b]! - stats.byTag[a]!);
  const perTag: Series = { labels: tagIds, byTag: [{ tag: '', counts: tagIds.map((t) => stats.byTag[t]!) }] };
  const people = topBy(stats.byPerson);
  const files = topBy(stats.byFile);
  const stacked = (rows: [string, Record<string, number>][]): Series => ({ labels: rows.map(([k]) => k), byTag: tagIds.map((tag) => ({ tag, counts: rows.map(([, c]) => c[tag] ?? 0) })) });

  return (
    <Modal title="Statistics" className="statistics" onClose={close}>
      <p className="hint">
        {stats.annotations.toLocaleString()} annotations in {Object.keys(stats.byFile).length.toLocaleString()} of {stats.files.toLocaleString()} articles{counting ? ' (still counting)' : ''}. Click a bar to search for those annotations.
      </p>
      <div className="charts">
        <BarChart title="Annotations per tag" series={perTag} tags={tags} labelOf={(id) => tagById(tags, id).label} onBar={(label) => searchFor({ tags: [label] })} colorByLabel />
        <BarChart title={people.length ? `Per person (top ${Math.min(TOP, people.length)}): claims, quotes and denials` : 'Per person: claims, quotes and denials'} series={stacked(people)} tags={tags} onBar={(label, tag) => searchFor({ person: label, ...(tag ? { tags: [tag] } : {}) })} horizontal />
        <BarChart title={`Per article (top ${Math.min(TOP, files.length)})`} series={stacked(files)} tags={tags} onBar={(label, tag) => searchFor({ files: [label], ...(tag ? { tags: [tag] } : {}) })} horizontal />
      </div>
    </Modal>
  );
}

function topBy(counts: Record<string, Record<string, number>>): [string, Record<string, number>][] {
  const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
  return Object.entries(counts)
    .sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]))
    .slice(0, TOP);
}

function BarChart({
  title,
  series,
  tags,
  onBar,
  labelOf = (x) => x,
  colorByLabel = false,
  horizontal = false,
}: {
  title: string;
  series: Series;
  tags: readonly TagDefinition[];
  onBar: (label: string, tag: string | null) => void;
  labelOf?: (label: string) => string;
  colorByLabel?: boolean;
  horizontal?: boolean;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const text = getComputedStyle(canvas).color;
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: series.labels.map(labelOf),
        datasets: series.byTag.map(({ tag, counts }) => ({
          label: tag ? tagById(tags, tag).label : 'Annotations',
          data: counts,
          backgroundColor: colorByLabel ? series.labels.map((l) => tagById(tags, l).color) : tagById(tags, tag).color,
        })),
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        color: text,
        scales: { x: { stacked: true, ticks: { color: text } }, y: { stacked: true, ticks: { color: text } } },
        plugins: { legend: { display: series.byTag.length > 1, labels: { color: text } } },
        onClick: (_event, elements) => {
          const hit = elements[0];
          if (!hit) return;
          onBar(series.labels[hit.index]!, series.byTag.length > 1 ? series.byTag[hit.datasetIndex]!.tag : null);
        },
      },
    };
    const chart = new Chart(canvas, config);
    return () => chart.destroy();
  }, [series, tags, labelOf, colorByLabel, horizontal, onBar]);

  const summary = series.labels.map((l, i) => `${labelOf(l)}: ${series.byTag.reduce((n, s) => n + s.counts[i]!, 0)}`).join('; ');
  if (series.labels.length === 0) {
    return (
      <figure className="chart">
        <figcaption>{title}</figcaption>
        <p className="hint">Nothing to count yet{horizontal ? ' (no speaker, claimant or denier recorded)' : ''}.</p>
      </figure>
    );
  }
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div className={`chart-box${horizontal ? ' tall' : ''}`}>
        <canvas ref={canvasRef} role="img" aria-label={`${title}. ${summary || 'No annotations.'}`} />
      </div>
      <details>
        <summary>Numbers</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{horizontal ? 'Name' : 'Tag'}</th>
              {series.byTag.map((s) => (
                <th key={s.tag || 'n'} scope="col">
                  {s.tag ? tagById(tags, s.tag).label : 'Annotations'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.labels.map((l, i) => (
              <tr key={l}>
                <th scope="row">
                  <button type="button" className="link-go" onClick={() => onBar(l, null)}>
                    {labelOf(l)}
                  </button>
                </th>
                {series.byTag.map((s) => (
                  <td key={s.tag || 'n'}>{s.counts[i]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
