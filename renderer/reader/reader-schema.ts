// The reader's ProseMirror schema: a document of sections of text blocks, nothing else. Blocks
// carry the kind the text layout gave them (paragraph, heading, list, quote, code) so Markdown
// keeps its structure while every character of the source stays in place. Sections only group
// blocks: ProseMirror scans decorations once per top-level node, so a few hundred sections instead
// of thousands of paragraphs make building and updating highlights several times cheaper, and
// the browser can skip the layout of whole off-screen sections.
import { Schema } from 'prosemirror-model';

export const readerSchema = new Schema({
  nodes: {
    doc: { content: 'section+' },
    section: {
      content: 'block+',
      toDOM: () => ['div', { class: 'gloss-section' }, 0],
    },
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
