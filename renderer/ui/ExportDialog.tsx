// Exporting from the app: the same formats and choices as `gloss export`, with progress for long
// exports and a Cancel that leaves no half-written file. Exports go into the folder's
// `gloss-exports/` (never listed as articles), or, where the host has dialogs, wherever the
// analyst chooses.
import { useState } from 'react';
import type { ContractInput, ContractOutput } from '../../shared/contract.js';
import { Modal } from './Modal.js';
import { useApp, useGloss } from './session-context.js';

type Format = ContractInput<'exportAnnotations'>['format'];

const FORMATS: { id: Format; label: string; what: string }[] = [
  { id: 'csv', label: 'CSV', what: 'One row per annotation, attributes as columns; opens in spreadsheets.' },
  { id: 'jsonl', label: 'JSON Lines', what: 'One annotation per line with file, offsets, text, attributes (spaCy/Prodigy-style spans).' },
  { id: 'w3c', label: 'W3C Web Annotation', what: 'JSON-LD collection with text quote and position selectors.' },
  { id: 'bundle', label: 'JSON bundle', what: 'Every annotation file of the set with its source path.' },
  { id: 'brat', label: 'brat standoff', what: 'A folder of .ann files beside .txt copies, with annotation.conf.' },
  { id: 'claimreview', label: 'ClaimReview', what: 'schema.org JSON-LD for claims that have a verdict.' },
  { id: 'html', label: 'HTML report', what: 'The articles with highlights and a table of annotations; printable, self-contained.' },
];

export function ExportDialog() {
  const { session } = useApp();
  const store = session.store;
  const tags = useGloss((s) => s.tags);
  const hostInfo = useGloss((s) => s.hostInfo);
  const progress = useGloss((s) => (s.progress?.task === 'export' ? s.progress : null));
  const [format, setFormat] = useState<Format>('csv');
  const [chosenTags, setChosenTags] = useState<string[]>([]);
  const [speaker, setSpeaker] = useState('');
  const [bom, setBom] = useState(true);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ContractOutput<'exportAnnotations'> | { kind: 'error'; message: string } | null>(null);
  const close = () => {
    if (running) return;
    store.getState().setDialog(null);
  };

  const run = async (destination: 'folder' | 'dialog') => {
    setRunning(true);
    setResult(null);
    try {
      setResult(
        await session.host.exportAnnotations({
          format,
          destination,
          ...(chosenTags.length ? { tags: chosenTags } : {}),
          ...(speaker.trim() ? { speaker: speaker.trim() } : {}),
          ...(format === 'csv' ? { bom } : {}),
        }),
      );
    } catch (err) {
      setResult({ kind: 'error', message: (err as Error).message });
    } finally {
      setRunning(false);
      store.getState().setProgress(null);
    }
  };

  return (
    <Modal title="Export annotations" className="export-dialog" onClose={close}>
      <fieldset disabled={running}>
        <legend>Format</legend>
        {FORMATS.map((f) => (
          <label key={f.id} className="export-format">
            <input type="radio" name="format" value={f.id} checked={format === f.id} onChange={() => setFormat(f.id)} />
            <span>
              <strong>{f.label}</strong> — {f.what}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset disabled={running}>
        <legend>Which annotations</legend>
        <div className="export-tags">
          {tags.map((t) => (
            <label key={t.id} data-tag={t.id}>
              <input type="checkbox" checked={chosenTags.includes(t.id)} onChange={(e) => setChosenTags(e.target.checked ? [...chosenTags, t.id] : chosenTags.filter((x) => x !== t.id))} />
              <span className="swatch" aria-hidden="true" />
              {t.label}
            </label>
          ))}
          <span className="hint">{chosenTags.length ? '' : 'All tags.'}</span>
        </div>
        <label className="export-speaker">
          Said by (speaker, claimant or denier) <input value={speaker} onChange={(e) => setSpeaker(e.target.value)} placeholder="Anyone" />
        </label>
        {format === 'csv' && (
          <label>
            <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} /> Start with a byte-order mark (spreadsheet tools then read accents right)
          </label>
        )}
      </fieldset>
      {progress && (
        <div className="export-progress" role="status">
          Reading {progress.done.toLocaleString()} of {progress.total.toLocaleString()} articles
          <progress max={progress.total} value={progress.done} aria-label="Export progress" />
        </div>
      )}
      {result && (
        <p className={result.kind === 'error' ? 'error' : 'export-result'} role={result.kind === 'error' ? 'alert' : 'status'} data-testid="export-result">
          {result.kind === 'exported'
            ? `Exported ${result.annotations.toLocaleString()} annotation${result.annotations === 1 ? '' : 's'} from ${result.sources.toLocaleString()} article${result.sources === 1 ? '' : 's'} to ${result.out}${result.skipped.length ? ` (${result.skipped.length} skipped: ${result.skipped.map((s) => `${s.path}: ${s.reason}`).join('; ')})` : ''}.`
            : result.kind === 'canceled'
              ? 'Export cancelled; nothing was written.'
              : result.message}
        </p>
      )}
      <div className="modal-actions">
        {running ? (
          <button type="button" onClick={() => void session.host.cancelExport({})}>
            Cancel export
          </button>
        ) : (
          <>
            <button type="button" className="primary" onClick={() => void run('folder')}>
              Export to the folder’s gloss-exports
            </button>
            {hostInfo?.hasDialogs && (
              <button type="button" onClick={() => void run('dialog')}>
                Export to…
              </button>
            )}
          </>
        )}
      </div>
    </Modal>
  );
}
