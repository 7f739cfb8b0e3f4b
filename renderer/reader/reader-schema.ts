// The reader's ProseMirror schema: a document of text blocks, nothing else. Blocks carry the
// kind the text layout gave them (paragraph, heading, list, quote, code) so Markdown keeps its
// structure while every character of the source stays in place.
import { Schema } from 'prosemirror-model';

export const readerSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    block: {
      content: 'text*',
      whitespace: 'pre',
      attrs: { kind: { default: 'paragraph' }, level: { default: 0 }, continued: { default: false } },
      toDOM(node) {
        const { kind, level, continued } = node.attrs as { kind: string; level: number; continued: boolean };
        const tag = kind === 'heading' ? `h${Math.min(6, Math.max(1, level))}` : kind === 'code' ? 'pre' : kind === 'quote' ? 'blockquote' : 'p';
        return [tag, { class: `gloss-block gloss-${kind}${continued ? ' gloss-continued' : ''}` }, 0];
      },
    },
    text: {},
  },
  marks: {},
});
