// The versions that go into each extractor's id (and so into every sidecar's fingerprint). They are
// pinned here rather than read from node_modules at run time so that a bundled app reports the same
// id; versions.test.ts fails when package.json pins a different version, so an upgrade cannot
// change extraction silently.

/// Library versions, exactly as pinned in package.json.
export const LIBRARY_VERSIONS = {
  '@mozilla/readability': '0.6.0',
  jsdom: '26.1.0',
  mammoth: '1.11.0',
  'pdfjs-dist': '5.4.296',
} as const;

/// Versions of Gloss's own rules on top of each library (block walking, charset sniffing, PDF
/// paragraph rebuilding...). Bump one whenever a change alters the text it produces.
export const RULES_VERSIONS = {
  html: 1,
  docx: 1,
  pdf: 1,
} as const;

const v = LIBRARY_VERSIONS;

/// Extractor ids recorded in the sidecar fingerprint.
export const EXTRACTOR_IDS = {
  html: `html:readability@${v['@mozilla/readability']},jsdom@${v.jsdom},gloss@${RULES_VERSIONS.html}`,
  docx: `docx:mammoth@${v.mammoth},jsdom@${v.jsdom},gloss@${RULES_VERSIONS.docx}`,
  pdf: `pdf:pdfjs-dist@${v['pdfjs-dist']},gloss@${RULES_VERSIONS.pdf}`,
} as const;
