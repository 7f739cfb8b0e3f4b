// A person field (speaker, claimant, denier): free text with suggestions — names already used in
// this folder first (so spellings stay consistent across articles), then people named in this
// article. A combobox in the ARIA pattern: type to filter, arrows to move, Enter to choose.
import { useId, useMemo, useState } from 'react';

export function PersonField({
  value,
  suggestions,
  disabled,
  label,
  onChange,
  onCommit,
  onFocus,
}: {
  value: string;
  suggestions: readonly { name: string; source: 'folder' | 'article' }[];
  disabled: boolean;
  label: string;
  onChange: (value: string) => void;
  /** The field lost focus or a suggestion was chosen: the value is final. */
  onCommit: (value: string) => void;
  /** The field got focus (suggestions may be fetched now). */
  onFocus?: () => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const wanted = value.trim().toLowerCase();
  const shown = useMemo(() => suggestions.filter((s) => !wanted || (s.name.toLowerCase().includes(wanted) && s.name.toLowerCase() !== wanted)).slice(0, 12), [suggestions, wanted]);
  const choose = (name: string) => {
    onChange(name);
    onCommit(name);
    setOpen(false);
    setActive(-1);
  };
  const expanded = open && shown.length > 0;
  return (
    <span className="person-field">
      <input
        type="text"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-activedescendant={expanded && active >= 0 ? `${id}-${active}` : undefined}
        autoComplete="off"
        value={value}
        disabled={disabled}
        onFocus={() => {
          setOpen(true);
          onFocus?.();
        }}
        onBlur={() => {
          setOpen(false);
          onCommit(value);
        }}
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && shown.length) setActive((i) => (i + 1) % shown.length);
          else if (e.key === 'ArrowUp' && shown.length) setActive((i) => (i <= 0 ? shown.length - 1 : i - 1));
          else if (e.key === 'Enter' && expanded && active >= 0) choose(shown[active]!.name);
          else if (e.key === 'Escape' && expanded) setOpen(false);
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      {expanded && (
        <ul id={`${id}-list`} role="listbox" aria-label={`${label} suggestions`} className="person-suggestions">
          {shown.map((s, i) => (
            <li key={s.name} id={`${id}-${i}`} role="option" aria-selected={i === active} className={i === active ? 'active' : undefined} onMouseDown={(e) => e.preventDefault()} onClick={() => choose(s.name)}>
              {s.name}
              <span className="person-source">{s.source === 'folder' ? 'used in this folder' : 'in this article'}</span>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
