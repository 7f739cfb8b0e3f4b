// Bench page for @recogito/text-annotator: the same text and spans, rendered by that library on a
// plain page, timed from data in the page to highlights painted.
import { createTextAnnotator } from '@recogito/text-annotator';

declare global {
  interface Window {
    runRecogito(text: string, spans: { start: number; end: number; tag: string }[]): Promise<{ buildMs: number; paintedMs: number; loaded: number; painted: boolean; spans: number }>;
  }
}

const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Resolves once the library has drawn its first highlight spans and that frame was painted; false after `limitMs`. */
function highlightsPainted(limitMs: number): Promise<boolean> {
  const until = performance.now() + limitMs;
  return new Promise((resolve) => {
    const check = () => {
      if (document.querySelector('.r6o-annotation')) void nextPaint().then(() => resolve(true));
      else if (performance.now() > until) resolve(false);
      else setTimeout(check, 16);
    };
    check();
  });
}

window.runRecogito = async (text, spans) => {
  const t0 = performance.now();
  const container = document.getElementById('content')!;
  // Paragraphs as <p>, like an article page.
  for (const para of text.split('\n\n')) {
    const p = document.createElement('p');
    p.textContent = para;
    container.appendChild(p);
    container.appendChild(document.createTextNode('\n\n'));
  }
  const annotator = createTextAnnotator(container);
  const buildMs = performance.now() - t0;
  const annotations = spans.map((s, i) => ({
    id: `a${i}`,
    bodies: [{ id: `b${i}`, annotation: `a${i}`, purpose: 'tagging', value: s.tag }],
    target: { annotation: `a${i}`, selector: [{ quote: text.slice(s.start, s.end), start: s.start, end: s.end }] },
  }));
  annotator.setAnnotations(annotations as never, true);
  const painted = await highlightsPainted(120_000);
  return { buildMs, paintedMs: performance.now() - t0, loaded: annotator.getAnnotations().length, painted, spans: document.querySelectorAll('.r6o-annotation').length };
};
