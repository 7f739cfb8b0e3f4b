// The selected annotation: its tag (re-tag with a click), the attributes its tag declares (who
// said it, the verdict…), its links in both directions, its note, and delete. Every field is a
// native form control, so the panel works from the keyboard (Enter in the reader comes here,
// Escape goes back).
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../shared/sidecar-format.js';
import { canLink, linksInto } from '../../shared/links.js';
import { fullestForm } from '../../shared/person-names.js';
import { linkDefinition, tagById, type AttributeDefinition } from '../../shared/tags.js';
import { targetKey } from '../state/tags-slice.js';
import { AnchorBadge } from './AnnotationList.js';
import { PersonField } from './PersonField.js';
import { shorten } from './LinkBar.js';
import { useApp, useGloss } from './session-context.js';

export function AnnotationDetails() {
  const { session, reader } = useApp();
  const store = session.store;
  // Deferred, like the list: after a key press the reader's highlight is painted first, and this
  // panel (its attribute fields, its links) catches up right after.
  const selectedId = useDeferredValue(useGloss((s) => s.selectedId));
  const annotations = useDeferredValue(useGloss((s) => s.annotations));
  const selected = useMemo(() => (selectedId ? (annotations.find((a) => a.id === selectedId) ?? null) : null), [annotations, selectedId]);
  const tags = useGloss((s) => s.tags);
  const anchorNote = useGloss((s) => (s.selectedId ? s.anchors[s.selectedId] : undefined));
  const currentText = useGloss((s) => (s.selectedId && s.document && selected ? s.document.text.slice(selected.start, selected.end) : ''));
  const readOnly = useGloss((s) => s.document?.readOnlyReason !== null);
  const [note, setNote] = useState('');

  // The panel renders deferred, so the stored note can lag behind what is being typed: take it
  // from the store when another annotation is shown, or when the note changed while not editing it.
  const editingNote = useRef(false);
  useEffect(() => setNote(selected?.note ?? ''), [selected?.id]);
  useEffect(() => {
    if (!editingNote.current) setNote(selected?.note ?? '');
  }, [selected?.note]);

  if (!selected) return <section className="annotation-details empty" aria-label="Selected annotation">Select an annotation to edit it.</section>;
  const tag = tagById(tags, selected.tag);
  const backToReader = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      reader.current?.focus();
    }
  };
  return (
    <section className="annotation-details" aria-label="Selected annotation" data-ann-id={selected.id} onKeyDown={backToReader}>
      <div className="details-head">
        <span className="details-tag" data-tag={selected.tag}>
          <span className="swatch" aria-hidden="true" /> {tag.label}
        </span>
        {anchorNote && <AnchorBadge status={anchorNote.status} score={anchorNote.score} />}
      </div>
      {/* Focusable: a long text scrolls, and keyboard users must be able to scroll it. */}
      <blockquote className="details-exact" tabIndex={0} aria-label="Annotated text">
        {selected.exact}
      </blockquote>
      {anchorNote?.status === 'fuzzy' && (
        <div className="review" role="group" aria-label="Review the changed text">
          <p>
            The source changed here. Now it reads: <q>{currentText}</q>
          </p>
          <button type="button" disabled={readOnly} onClick={() => store.getState().acceptFuzzy(selected.id)}>
            Accept the new text
          </button>
        </div>
      )}
      <div className="retag" role="group" aria-label="Change tag">
        {tags.map((t) => (
          <button key={t.id} type="button" data-tag={t.id} aria-pressed={t.id === selected.tag} disabled={readOnly} onClick={() => store.getState().retag(selected.id, t.id)}>
            <span className="swatch" aria-hidden="true" />
            {t.label}
          </button>
        ))}
      </div>
      {(tag.attributes ?? []).length > 0 && (
        <div className="attributes" role="group" aria-label={`${tag.label} attributes`}>
          {(tag.attributes ?? []).map((definition) => (
            <AttributeField key={`${selected.id}:${definition.id}`} annotation={selected} definition={definition} readOnly={readOnly} />
          ))}
        </div>
      )}
      <Links annotation={selected} annotations={annotations} readOnly={readOnly} />
      <label className="note">
        Note
        <textarea
          value={note}
          disabled={readOnly}
          onFocus={() => (editingNote.current = true)}
          onBlur={() => (editingNote.current = false)}
          placeholder="Add a note…"
          onChange={(e) => {
            setNote(e.target.value);
            store.getState().setNote(selected.id, e.target.value);
          }}
        />
      </label>
      <button type="button" className="danger" disabled={readOnly} onClick={() => session.requestDelete(selected.id)}>
        Delete annotation
      </button>
    </section>
  );
}

/** One attribute as a form control: a person field with the article's and folder's names, a choice, or text. */
function AttributeField({ annotation, definition, readOnly }: { annotation: Annotation; definition: AttributeDefinition; readOnly: boolean }) {
  const { session } = useApp();
  const store = session.store;
  const stored = annotation.attributes[definition.id] ?? '';
  const [value, setValue] = useState(stored);
  const [people, setPeople] = useState<{ name: string; source: 'folder' | 'article' }[]>([]);
  // As for the note: while the field is being edited, what is typed wins over the (lagging) stored value.
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setValue(stored);
  }, [stored]);
  // Names are asked for when a person field is first focused, not when the panel shows: finding
  // the people of a long article takes the host a while, and tagging must not wait on it.
  const loadPeople = () => {
    if (definition.kind !== 'person' || people.length) return;
    void session.people().then(
      ({ inArticle, inFolder }) => {
        const folder = inFolder.map((p) => ({ name: p.name, source: 'folder' as const }));
        setPeople([...folder, ...inArticle.filter((n) => !folder.some((f) => f.name === n)).map((name) => ({ name, source: 'article' as const }))]);
      },
      () => undefined,
    );
  };
  const set = (v: string) => store.getState().setAttribute(annotation.id, definition.id, v);
  let control: React.ReactNode;
  if (definition.kind === 'choice') {
    control = (
      <select value={stored} disabled={readOnly} onChange={(e) => set(e.target.value)}>
        <option value="">—</option>
        {(definition.options ?? []).map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
        {stored && !(definition.options ?? []).includes(stored) && <option value={stored}>{stored}</option>}
      </select>
    );
  } else if (definition.kind === 'long-text') {
    control = <textarea value={value} disabled={readOnly} onChange={(e) => (setValue(e.target.value), set(e.target.value))} />;
  } else if (definition.kind === 'person') {
    control = (
      <PersonField
        onFocus={loadPeople}
        label={definition.label}
        value={value}
        suggestions={people}
        disabled={readOnly}
        onChange={(v) => {
          setValue(v);
          set(v);
        }}
        onCommit={(v) => {
          // Keep the folder's spelling: a short or differently cased form becomes the known full name.
          if (!v.trim()) return;
          const full = fullestForm(v, people.map((p) => p.name));
          if (full !== v) {
            setValue(full);
            set(full);
          }
        }}
      />
    );
  } else {
    control = <input type="text" value={value} disabled={readOnly} onChange={(e) => (setValue(e.target.value), set(e.target.value))} />;
  }
  return (
    <label className="attribute" data-attribute={definition.id} onFocus={() => (editing.current = true)} onBlur={() => (editing.current = false)}>
      <span>{definition.label}</span>
      {control}
    </label>
  );
}

/** The annotation's links: what it links to (here or in another article) and what links to it. */
function Links({ annotation, annotations, readOnly }: { annotation: Annotation; annotations: readonly Annotation[]; readOnly: boolean }) {
  const { session } = useApp();
  const store = session.store;
  const tags = useGloss((s) => s.tags);
  const docPath = useGloss((s) => s.document?.path ?? '');
  const externalLinks = useGloss((s) => s.externalLinks);
  const linkTargets = useGloss((s) => s.linkTargets);
  const incoming = useMemo(() => linksInto(annotations, docPath, annotation.id), [annotations, docPath, annotation.id]);
  const incomingExternal = externalLinks.filter((l) => l.target === annotation.id);
  const linkable = canLink(tags, annotation.tag);
  if (!linkable && annotation.links.length === 0 && incoming.length === 0 && incomingExternal.length === 0) return null;

  const go = (file: string | null, id: string) => (file && file !== docPath ? void session.openAt(file, id) : store.getState().select(id, { reveal: true }));
  return (
    <div className="links" role="group" aria-label="Links">
      <ul>
        {annotation.links.map((link) => {
          const external = link.file && link.file !== docPath;
          const target = external ? linkTargets[targetKey(link.file!, link.target)] : annotations.find((a) => a.id === link.target);
          const label = linkDefinition(tags, link.type).label;
          return (
            <li key={`${link.type}:${link.file ?? ''}#${link.target}`} className="link-out" data-testid="link-out">
              <span className="link-label">{label}</span>{' '}
              {target ? (
                <button type="button" className="link-go" onClick={() => go(link.file ?? null, link.target)}>
                  “{shorten(target.exact, 70)}”{external ? ` in ${link.file}` : ''}
                </button>
              ) : target === null || !external ? (
                <span className="link-missing">an annotation that no longer exists{external ? ` (in ${link.file})` : ''}</span>
              ) : (
                <span className="link-loading">an annotation in {link.file}</span>
              )}
              <button type="button" className="link-remove" disabled={readOnly} aria-label={`Remove the link “${label}”`} onClick={() => store.getState().removeLink(annotation.id, link)}>
                ×
              </button>
            </li>
          );
        })}
        {incoming.map((l) => (
          <li key={`in:${l.from.id}:${l.type}`} className="link-in" data-testid="link-in">
            <span className="link-label">{linkDefinition(tags, l.type).inverseLabel}</span>{' '}
            <button type="button" className="link-go" onClick={() => go(null, l.from.id)}>
              “{shorten(l.from.exact, 70)}”
            </button>
          </li>
        ))}
        {incomingExternal.map((l) => (
          <li key={`ext:${l.from.file}:${l.from.id}:${l.type}`} className="link-in" data-testid="link-in">
            <span className="link-label">{linkDefinition(tags, l.type).inverseLabel}</span>{' '}
            <button type="button" className="link-go" onClick={() => go(l.from.file, l.from.id)}>
              “{shorten(l.from.exact, 70)}” in {l.from.file}
            </button>
          </li>
        ))}
      </ul>
      {linkable && (
        <button type="button" disabled={readOnly} onClick={() => store.getState().startLinking(annotation.id)}>
          Link… <kbd>L</kbd>
        </button>
      )}
    </div>
  );
}
