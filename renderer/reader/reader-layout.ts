// The one module that converts between text offsets (code points over the source) and
// ProseMirror positions. The document is built here from the text blocks (grouped into sections
// of SECTION_SIZE blocks), so both directions use the same table: block i's content starts at
// ProseMirror position pmStart[i] and at UTF-16 index blocks[i].start; the gaps between blocks
// (blank lines) have no ProseMirror position.
import type { Node as PMNode } from 'prosemirror-model';
import type { CodePointText } from '../../shared/code-points.js';
import { blocksFromStructure, splitIntoBlocks, type StructureBlock, type TextBlock } from '../../shared/text-blocks.js';
import type { DocumentFormat } from '../../shared/contract.js';
import { readerSchema } from './reader-schema.js';
import { lastAtOrBefore, lastIndexAtOrBefore } from '../../shared/sorted-search.js';

/**
 * Blocks per section. ProseMirror scans every decoration once per top-level node when building a
 * decoration set, and walks the top-level nodes on every update; a section is also the unit the
 * browser skips when off screen, lays out when it comes into view, and the reader draws
 * highlights for. Measured on a 2 MB article (render bench, A/B, 3–4 runs each): 32 blocks made a
 * section about five screens tall, all laid out and painted in the frame that shows any of it
 * (30–35 ms frames when dragging the scroll bar); 8 made keys slower (busy p95 18 against 15 ms)
 * and opening slower; 16 kept keys as they were and cut the scrolling frames' work by a third.
 */
export const SECTION_SIZE = 16;

const BLOCK = readerSchema.nodes.block!;
const SECTION = readerSchema.nodes.section!;

export class ReaderLayout {
  readonly blocks: readonly TextBlock[];
  readonly doc: PMNode;
  /** ProseMirror position of the first character of each block. */
  private readonly pmStart: Int32Array;

  constructor(
    readonly text: CodePointText,
    format: DocumentFormat,
    /** Extracted formats: the extractor's blocks (else the text is cut into blocks by its own layout). */
    structure: readonly StructureBlock[] | null = null,
  ) {
    this.blocks = structure ? blocksFromStructure(text.text, structure) : splitIntoBlocks(text.text, format === 'md' ? 'md' : 'txt');
    this.pmStart = new Int32Array(this.blocks.length);
    const sections: PMNode[] = [];
    let pos = 0;
    for (let first = 0; first < this.blocks.length; first += SECTION_SIZE) {
      pos += 1; // into the section
      const nodes: PMNode[] = [];
      for (let i = first; i < Math.min(this.blocks.length, first + SECTION_SIZE); i++) {
        const b = this.blocks[i]!;
        this.pmStart[i] = pos + 1;
        pos += b.end - b.start + 2;
        const content = b.end > b.start ? readerSchema.text(text.text.slice(b.start, b.end)) : undefined;
        // `create`, not `node`/`createChecked`: the structure is valid by construction, and checking
        // the content of thousands of blocks cost a tenth of building a long document.
        nodes.push(BLOCK.create({ kind: b.kind, level: b.level, continued: b.continued }, content));
      }
      pos += 1; // out of the section
      sections.push(SECTION.create(null, nodes));
    }
    this.doc = readerSchema.topNodeType.create(null, sections);
  }

  /**
   * ProseMirror position of code point `cp`. An offset in a gap between blocks maps to the start of
   * the next block (bias 'start') or the end of the previous one (bias 'end').
   */
  toPos(cp: number, bias: 'start' | 'end' = 'start'): number {
    const u16 = this.text.toUtf16(cp);
    const i = this.blockAtOrBefore(u16);
    if (i < 0) return this.pmStart[0]!;
    const b = this.blocks[i]!;
    if (u16 <= b.end) return this.pmStart[i]! + (u16 - b.start);
    if (bias === 'start' && i + 1 < this.blocks.length) return this.pmStart[i + 1]!;
    return this.pmStart[i]! + (b.end - b.start);
  }

  /** Code point offset of ProseMirror position `pos`. */
  toOffset(pos: number): number {
    // Last block whose content starts at or before pos.
    const i = Math.max(0, lastIndexAtOrBefore(this.pmStart, pos));
    const b = this.blocks[i]!;
    const within = Math.max(0, Math.min(pos - this.pmStart[i]!, b.end - b.start));
    return this.text.toCodePoint(b.start + within);
  }

  /** ProseMirror range [before, after] of block i's node (for node decorations). */
  blockNodeRange(i: number): [number, number] {
    const b = this.blocks[i]!;
    return [this.pmStart[i]! - 1, this.pmStart[i]! + (b.end - b.start) + 1];
  }

  /** Number of sections in the document. */
  get sectionCount(): number {
    return Math.ceil(this.blocks.length / SECTION_SIZE);
  }

  /** The blocks of section `s`, in order (the section's DOM children are their elements). */
  sectionBlocks(s: number): readonly TextBlock[] {
    return this.blocks.slice(s * SECTION_SIZE, (s + 1) * SECTION_SIZE);
  }

  /**
   * The first and last section that code points [start, end) can reach into (a range in the gap
   * after a section's last block counts in that section: a superset, never a miss).
   */
  sectionSpan(start: number, end: number): [number, number] {
    const first = Math.max(0, this.blockAtOrBefore(this.text.toUtf16(start)));
    const last = Math.max(first, this.blockAtOrBefore(this.text.toUtf16(Math.max(start, end - 1))));
    return [Math.floor(first / SECTION_SIZE), Math.floor(last / SECTION_SIZE)];
  }

  /**
   * ProseMirror ranges covering code points [start, end), cut at block edges (empty pieces left
   * out); with `sections`, only the pieces in those sections.
   */
  segments(start: number, end: number, sections?: ReadonlySet<number>): [number, number][] {
    const from = this.text.toUtf16(start);
    const to = this.text.toUtf16(end);
    const out: [number, number][] = [];
    for (let i = Math.max(0, this.blockAtOrBefore(from)); i < this.blocks.length; i++) {
      const b = this.blocks[i]!;
      if (b.start >= to) break;
      if (sections && !sections.has(Math.floor(i / SECTION_SIZE))) continue;
      const a = Math.max(from, b.start);
      const z = Math.min(to, b.end);
      if (z > a) out.push([this.pmStart[i]! + (a - b.start), this.pmStart[i]! + (z - b.start)]);
    }
    return out;
  }

  /** Index of the last block starting at or before UTF-16 index u16, or -1. */
  private blockAtOrBefore(u16: number): number {
    return lastAtOrBefore(this.blocks.length, (i) => this.blocks[i]!.start, u16);
  }
}
