// The document of Edit Text mode: one ProseMirror node per line of the source, each remembering
// the line break that ended it, so the edited text is written back exactly as it was except where
// the analyst changed it (CRLF stays CRLF, a missing final newline stays missing). This module
// converts between the source text and that document, and between code point offsets and
// positions in it.
import { Schema, type Node as PMNode } from 'prosemirror-model';
import { CodePointText } from '../../shared/code-points.js';
import { lastIndexAtOrBefore } from '../../shared/sorted-search.js';

export const editSchema = new Schema({
  nodes: {
    doc: { content: 'line+' },
    line: {
      content: 'text*',
      whitespace: 'pre',
      // The break after this line as it was in the source; null for lines made while editing (they get the text's usual break).
      attrs: { eol: { default: null } },
      parseDOM: [{ tag: 'p' }, { tag: 'div' }],
      toDOM: () => ['p', { class: 'edit-line' }, 0],
    },
    text: {},
  },
  marks: {},
});

const LINE = /([^\r\n]*)(\r\n|\r|\n|$)/gy;

/** The source text as an edit document. The last line never has a break (a final newline makes an empty last line). */
export function textToEditDoc(text: string): PMNode {
  const lines: PMNode[] = [];
  LINE.lastIndex = 0;
  for (;;) {
    const at = LINE.lastIndex;
    const m = LINE.exec(text)!;
    const content = m[1]!;
    const eol = m[2]!;
    lines.push(editSchema.node('line', { eol: eol || null }, content ? editSchema.text(content) : undefined));
    if (!eol || LINE.lastIndex >= text.length) {
      if (eol) lines.push(editSchema.node('line', { eol: null }));
      break;
    }
    if (LINE.lastIndex === at) break;
  }
  return editSchema.node('doc', null, lines);
}

/** The usual line break of a text (the most frequent), `\n` when it has none. */
export function usualLineBreak(text: string): string {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  const lf = (text.match(/(?<!\r)\n/g) ?? []).length;
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

/** The text an edit document stands for. */
export function editDocToText(doc: PMNode, lineBreak: string): string {
  const parts: string[] = [];
  const last = doc.childCount - 1;
  doc.forEach((line, _offset, i) => {
    parts.push(line.textContent);
    if (i < last) parts.push((line.attrs.eol as string | null) ?? lineBreak);
  });
  return parts.join('');
}

/**
 * Positions ↔ offsets for one edit document: where each line starts in the text (UTF-16) and in
 * the document. Built once per conversion pass (opening, saving), not per keystroke.
 */
export class EditLayout {
  readonly text: CodePointText;
  private readonly textStart: number[] = [];
  private readonly posStart: number[] = [];
  private readonly lengths: number[] = [];

  constructor(doc: PMNode, lineBreak: string) {
    let u16 = 0;
    let pos = 0;
    const last = doc.childCount - 1;
    doc.forEach((line, _offset, i) => {
      this.textStart.push(u16);
      this.posStart.push(pos + 1);
      this.lengths.push(line.content.size);
      u16 += line.content.size + (i < last ? ((line.attrs.eol as string | null) ?? lineBreak).length : 0);
      pos += line.nodeSize;
    });
    this.text = new CodePointText(editDocToText(doc, lineBreak));
  }

  /** Document position of code point `cp`; an offset inside a line break maps to the end of that line. */
  toPos(cp: number): number {
    const u16 = this.text.toUtf16(cp);
    const i = Math.max(0, lastIndexAtOrBefore(this.textStart, u16));
    return this.posStart[i]! + Math.min(u16 - this.textStart[i]!, this.lengths[i]!);
  }

  /** Code point offset of document position `pos`. */
  toOffset(pos: number): number {
    const i = Math.max(0, lastIndexAtOrBefore(this.posStart, pos));
    const within = Math.max(0, Math.min(pos - this.posStart[i]!, this.lengths[i]!));
    return this.text.toCodePoint(this.textStart[i]! + within);
  }
}
