import { AlignmentType, Document, ExternalHyperlink, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocx } from './docx-extractor.js';
import type { ExtractedArticle } from './article.js';
import { startRequestTrap, settle, type RequestTrap } from './testing/request-trap.js';
import { ARABIC, CYRILLIC, KOREAN } from './testing/samples.js';

const blockTexts = (a: ExtractedArticle) => a.blocks.map((b) => ({ kind: b.kind, level: b.level, text: a.text.slice(b.start, b.end) }));

/** A Word file written with the docx library: title, headings, paragraphs, lists, a quote, a hyperlink, three scripts. */
async function buildDocx(origin: string): Promise<Buffer> {
  const doc = new Document({
    title: 'Ministry denies the report',
    creator: 'Jane Roe',
    styles: { paragraphStyles: [{ id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true } }] },
    numbering: { config: [{ reference: 'steps', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Ministry denies the report', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'Background', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('The ministry published '),
              new ExternalHyperlink({ link: `${origin}/hyperlink`, children: [new TextRun({ text: 'the full statement', style: 'Hyperlink' })] }),
              new TextRun({ text: ' on Monday', bold: true }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({ text: 'What it says', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'No meeting took place.', bullet: { level: 0 } }),
          new Paragraph({ text: 'The signatures are forged.', bullet: { level: 0 } }),
          new Paragraph({ text: 'Withdraw the report.', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: '“We deny every word of it,” the spokeswoman said.', style: 'Quote' }),
          new Paragraph({ text: CYRILLIC }),
          new Paragraph({ text: KOREAN }),
          new Paragraph({ bidirectional: true, children: [new TextRun({ text: ARABIC, rightToLeft: true })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * Add references to files outside the package, the way Word writes them: an image linked (not
 * embedded) by URL, an attached template, and an INCLUDEPICTURE field.
 */
async function addExternalReferences(docx: Buffer, origin: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const relsPath = 'word/_rels/document.xml.rels';
  const rels = await zip.file(relsPath)!.async('string');
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  zip.file(
    relsPath,
    rels.replace(
      '</Relationships>',
      `<Relationship Id="rIdGlossLinked" Type="${R}/image" Target="${origin}/linked-image.png" TargetMode="External"/>` +
        `<Relationship Id="rIdGlossFrame" Type="${R}/frame" Target="${origin}/frame.html" TargetMode="External"/></Relationships>`,
    ),
  );
  zip.file('word/_rels/settings.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdTpl" Type="${R}/attachedTemplate" Target="${origin}/template.dotx" TargetMode="External"/></Relationships>`);
  const settings = await zip.file('word/settings.xml')!.async('string');
  zip.file('word/settings.xml', settings.replace(/(<w:settings\b[^>]*>)/, '$1<w:attachedTemplate r:id="rIdTpl"/>').replace('<w:settings ', `<w:settings xmlns:r="${R}" `));
  const picture =
    '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="99" name="Linked picture"/>' +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" name="linked-image.png"/><pic:cNvPicPr/></pic:nvPicPr>' +
    '<pic:blipFill><a:blip r:link="rIdGlossLinked"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>' +
    `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> INCLUDEPICTURE "${origin}/include.png" \\d </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`;
  const body = await zip.file('word/document.xml')!.async('string');
  expect(body).toContain('<w:sectPr');
  zip.file('word/document.xml', body.replace(/<w:sectPr\b/, `${picture}<w:sectPr`));
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('extractDocx', () => {
  let trap: RequestTrap;
  let a: ExtractedArticle;
  beforeAll(async () => {
    trap = await startRequestTrap();
    a = await extractDocx(await addExternalReferences(await buildDocx(trap.origin), trap.origin), 'statement.docx');
    await settle();
  });
  afterAll(() => trap.close());

  it('keeps title, headings with levels, paragraphs, list items, the quote and the link text', () => {
    expect(blockTexts(a)).toEqual([
      { kind: 'heading', level: 1, text: 'Ministry denies the report' },
      { kind: 'heading', level: 1, text: 'Background' },
      { kind: 'paragraph', level: 0, text: 'The ministry published the full statement on Monday.' },
      { kind: 'heading', level: 2, text: 'What it says' },
      { kind: 'list', level: 0, text: 'No meeting took place.' },
      { kind: 'list', level: 0, text: 'The signatures are forged.' },
      { kind: 'list', level: 0, text: 'Withdraw the report.' },
      { kind: 'quote', level: 0, text: '“We deny every word of it,” the spokeswoman said.' },
      { kind: 'paragraph', level: 0, text: CYRILLIC },
      { kind: 'paragraph', level: 0, text: KOREAN },
      { kind: 'paragraph', level: 0, text: ARABIC },
    ]);
    expect(a.blocks.map((b) => a.text.slice(b.start, b.end)).join('\n\n')).toBe(a.text);
  });

  it('reads the document properties', () => {
    expect(a.metadata).toEqual({ title: 'Ministry denies the report', byline: 'Jane Roe' });
    expect(a.extractor).toBe('docx:mammoth@1.11.0,jsdom@26.1.0,gloss@1');
  });

  it('opens none of the external references, and says so', () => {
    expect(trap.requests).toEqual([]);
    expect(trap.connections()).toBe(0);
    expect(a.warnings).toEqual(['This document refers to files outside itself (linked images, templates or included files); Gloss did not open them.']);
    expect(a.text).not.toContain(trap.origin);
  });

  it('has no warning for a document without external references', async () => {
    const plain = await extractDocx(await buildDocx('https://example.org'));
    expect(plain.warnings).toEqual([]);
  });

  it('refuses a file that is not a .docx with a clear message', async () => {
    await expect(extractDocx(new TextEncoder().encode('just text'), 'notes.docx')).rejects.toThrow(/notes\.docx is not a Word document \(\.docx\)/);
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    await expect(extractDocx(await zip.generateAsync({ type: 'nodebuffer' }), 'empty.docx')).rejects.toThrow(/empty\.docx .*has no document part/);
  });
});
