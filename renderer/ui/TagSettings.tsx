// Tag settings: the folder's tag set (gloss-tags.json) edited in place. Colours, keys, attributes
// and new tags are saved together; renaming a tag is its own action because it rewrites every
// sidecar of the folder that uses it (with a progress bar). Tags this article uses that the set
// does not know can be mapped onto a known tag, or added to the set.
import { useState } from 'react';
import { idFromLabel, tagSetProblem } from '../../shared/tag-set.js';
import type { AttributeDefinition, AttributeKind, TagDefinition } from '../../shared/tags.js';
import { Modal } from './Modal.js';
import { useApp, useGloss } from './session-context.js';

const KINDS: { kind: AttributeKind; label: string }[] = [
  { kind: 'person', label: 'Person' },
  { kind: 'text', label: 'Text' },
  { kind: 'long-text', label: 'Long text' },
  { kind: 'choice', label: 'Choice' },
];
const KEYS = ['', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const PALETTE = ['#7b61c4', '#2a9d8f', '#c2571a', '#5a7d2a', '#b8336a', '#3d5a80'];

export function TagSettings() {
  const { session } = useApp();
  const store = session.store;
  const tagSet = useGloss((s) => s.tagSet);
  const unknownTags = useGloss((s) => s.unknownTags);
  const docTags = useGloss((s) => s.tags);
  const progress = useGloss((s) => s.progress);
  const [draft, setDraft] = useState<TagDefinition[]>(() => structuredClone(tagSet?.tags ?? []));
  const [renaming, setRenaming] = useState<{ id: string; label: string } | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => store.getState().setDialog(null);
  const savedIds = new Set((tagSet?.tags ?? []).map((t) => t.id));
  const problem = tagSetProblem(draft);
  const dirty = JSON.stringify(draft) !== JSON.stringify(tagSet?.tags ?? []);

  const update = (index: number, change: Partial<TagDefinition>) => setDraft((d) => d.map((t, i) => (i === index ? { ...t, ...change } : t)));
  const updateAttribute = (index: number, a: number, change: Partial<AttributeDefinition>) =>
    update(index, { attributes: (draft[index]!.attributes ?? []).map((x, j) => (j === a ? { ...x, ...change } : x)) });

  const run = async (work: () => Promise<string | null>, done: string) => {
    setBusy(true);
    const error = await work();
    setBusy(false);
    setMessage(error ?? done);
    if (!error) setDraft(structuredClone(store.getState().tagSet?.tags ?? []));
  };

  return (
    <Modal title="Tags of this folder" className="tag-settings" onClose={close}>
      <p className="hint">
        Saved in <code>{tagSet?.location ?? 'gloss-tags.json'}</code>
        {tagSet && !tagSet.exists ? ' (not created yet: these are the default tags)' : ''}.
      </p>
      {tagSet?.problem && (
        <p className="error" role="alert">
          {tagSet.problem}
        </p>
      )}
      <table className="tag-table">
        <thead>
          <tr>
            <th scope="col">Tag</th>
            <th scope="col">Colour</th>
            <th scope="col">Key</th>
            <th scope="col">Attributes</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {draft.map((tag, i) => (
            <tr key={tag.id} data-tag={tag.id}>
              <td>
                {savedIds.has(tag.id) ? (
                  renaming?.id === tag.id ? (
                    <span className="rename">
                      <input aria-label={`New name for ${tag.label}`} value={renaming.label} autoFocus onChange={(e) => setRenaming({ id: tag.id, label: e.target.value })} />
                      <button
                        type="button"
                        disabled={busy || !renaming.label.trim() || renaming.label.trim() === tag.label}
                        onClick={() => void run(() => session.renameTag(tag.id, renaming.label.trim()), `Renamed ${tag.label} to ${renaming.label.trim()}.`).then(() => setRenaming(null))}
                      >
                        Rename in every file
                      </button>
                      <button type="button" onClick={() => setRenaming(null)}>
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <span className="tag-name">
                      <span className="swatch" aria-hidden="true" /> {tag.label}{' '}
                      <button type="button" disabled={busy || dirty} title={dirty ? 'Save or discard the other changes first' : undefined} onClick={() => setRenaming({ id: tag.id, label: tag.label })}>
                        Rename…
                      </button>
                    </span>
                  )
                ) : (
                  <input aria-label="Name of the new tag" value={tag.label} onChange={(e) => update(i, { label: e.target.value, id: idFromLabel(e.target.value || 'tag', draft.filter((_, j) => j !== i).map((t) => t.id)) })} />
                )}
              </td>
              <td>
                <input type="color" aria-label={`Colour of ${tag.label}`} value={tag.color} onChange={(e) => update(i, { color: e.target.value })} />
              </td>
              <td>
                <select aria-label={`Key of ${tag.label}`} value={tag.key} onChange={(e) => update(i, { key: e.target.value })}>
                  {KEYS.map((k) => (
                    <option key={k} value={k}>
                      {k || 'none'}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <ul className="attribute-defs">
                  {(tag.attributes ?? []).map((a, j) => (
                    <li key={j}>
                      <input aria-label={`${tag.label} attribute name`} value={a.label} onChange={(e) => updateAttribute(i, j, { label: e.target.value, ...(savedIds.has(tag.id) && (tagSet?.tags.find((t) => t.id === tag.id)?.attributes ?? []).some((x) => x.id === a.id) ? {} : { id: idFromLabel(e.target.value || 'attribute', (tag.attributes ?? []).filter((_, k) => k !== j).map((x) => x.id)).replace(/-/g, '_') }) })} />
                      <select aria-label={`${a.label} kind`} value={a.kind} onChange={(e) => updateAttribute(i, j, { kind: e.target.value as AttributeKind, ...(e.target.value === 'choice' && !a.options ? { options: ['yes', 'no'] } : {}) })}>
                        {KINDS.map((k) => (
                          <option key={k.kind} value={k.kind}>
                            {k.label}
                          </option>
                        ))}
                      </select>
                      {a.kind === 'choice' && (
                        <input
                          aria-label={`${a.label} choices, separated by commas`}
                          value={(a.options ?? []).join(', ')}
                          onChange={(e) => updateAttribute(i, j, { options: e.target.value.split(',').map((o) => o.trim()).filter(Boolean) })}
                        />
                      )}
                      <button type="button" aria-label={`Remove attribute ${a.label}`} onClick={() => update(i, { attributes: (tag.attributes ?? []).filter((_, k) => k !== j) })}>
                        ×
                      </button>
                    </li>
                  ))}
                </ul>
                <button
                  type="button"
                  onClick={() => {
                    const taken = (tag.attributes ?? []).map((x) => x.id);
                    update(i, { attributes: [...(tag.attributes ?? []), { id: idFromLabel('attribute', taken).replace(/-/g, '_'), label: 'Attribute', kind: 'text' }] });
                  }}
                >
                  Add attribute
                </button>
              </td>
              <td>
                <button type="button" className="danger" aria-label={`Remove tag ${tag.label}`} title="Annotations keep this tag; it will show as unknown and can be mapped" onClick={() => setDraft((d) => d.filter((_, j) => j !== i))}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="modal-actions">
        <button
          type="button"
          onClick={() => {
            const label = `Tag ${draft.length + 1}`;
            const freeKey = KEYS.find((k) => k && !draft.some((t) => t.key === k)) ?? '';
            setDraft((d) => [...d, { id: idFromLabel(label, d.map((t) => t.id)), label, color: PALETTE[d.length % PALETTE.length]!, key: freeKey, attributes: [], links: [] }]);
          }}
        >
          Add a tag
        </button>
        <span className="spacer" />
        {problem && <span className="error">Cannot save: {problem}.</span>}
        <button type="button" disabled={!dirty || busy} onClick={() => setDraft(structuredClone(tagSet?.tags ?? []))}>
          Discard changes
        </button>
        <button type="button" className="primary" disabled={!dirty || busy || Boolean(problem)} onClick={() => void run(() => session.saveTagSet(draft), 'Tags saved.')}>
          Save tags
        </button>
      </div>
      {unknownTags.length > 0 && (
        <section className="unknown-tags" aria-label="Tags unknown to this folder">
          <h3>Tags in this article that the folder does not define</h3>
          {unknownTags.map((id) => {
            const shown = docTags.find((t) => t.id === id);
            return (
              <div key={id} className="unknown-tag" data-tag={id}>
                <span className="swatch" aria-hidden="true" /> {shown?.label ?? id}
                <select aria-label={`Map ${id} onto`} value={mapping[id] ?? ''} onChange={(e) => setMapping((m) => ({ ...m, [id]: e.target.value }))}>
                  <option value="">Map onto…</option>
                  {(tagSet?.tags ?? []).map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.label}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  disabled={busy || !mapping[id]}
                  onClick={() => {
                    const to = (tagSet?.tags ?? []).find((t) => t.id === mapping[id]);
                    if (to) void run(() => session.renameTag(id, to.label, to.id), `Mapped ${id} onto ${to.label}.`);
                  }}
                >
                  Map in every file
                </button>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => {
                    const key = KEYS.find((k) => k && !(tagSet?.tags ?? []).some((t) => t.key === k)) ?? '';
                    void run(() => session.saveTagSet([...(tagSet?.tags ?? []), { ...(shown ?? { id, label: id, color: '#8a8a8a' }), key, attributes: shown?.attributes ?? [], links: shown?.links ?? [] }]), `Added ${id} to the folder’s tags.`);
                  }}
                >
                  Add to the tag set
                </button>
              </div>
            );
          })}
        </section>
      )}
      {progress && <progress max={progress.total} value={progress.done} aria-label="Updating annotation files" />}
      {message && (
        <p role="status" className="tag-settings-message">
          {message}
        </p>
      )}
    </Modal>
  );
}
