// The workspace is what the user opened: a folder, or a single file. It is the only place Gloss
// reads from or writes to. Every path the UI sends is relative to it and is resolved here, with
// symbolic links followed, and refused if it would land outside.
import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { GlossError, writeFailureReason } from '../../shared/errors.js';
import { MAX_SOURCE_BYTES } from './source-decoding.js';
import type { FileEntry, Workspace } from '../../shared/contract.js';
import { isSidecarPath } from '../../shared/sidecar-format.js';
import type { DocumentFormat } from '../../shared/contract.js';

const FORMATS: Record<string, DocumentFormat> = { '.txt': 'txt', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.docx': 'docx', '.pdf': 'pdf' };

/** The folder the app writes exports to inside an opened folder (see corpus-export.ts); never listed. */
export const EXPORTS_FOLDER_NAME = 'gloss-exports';

/** What Gloss opens, for messages. */
export const SUPPORTED_KINDS = '.txt, .md, .html, .docx, .pdf';

/** Source format from a file name, or null when Gloss does not open that kind of file. */
export function sourceFormatOf(fileName: string): DocumentFormat | null {
  return FORMATS[path.extname(fileName).toLowerCase()] ?? null;
}

/** How deep listing descends into sub-folders. */
const MAX_DEPTH = 16;

export class OpenedWorkspace {
  private constructor(
    /** Real (symlink-free) absolute path of the folder. */
    readonly root: string,
    readonly kind: 'folder' | 'file',
    /** For a single opened file, its name inside root. */
    readonly onlyFile: string | null,
  ) {}

  static async openFolder(folder: string): Promise<OpenedWorkspace> {
    const real = await realpathOrFail(folder);
    const stat = await fs.stat(real);
    if (!stat.isDirectory()) throw new GlossError('not-found', `${folder} is not a folder.`);
    return new OpenedWorkspace(real, 'folder', null);
  }

  static async openFile(file: string): Promise<OpenedWorkspace> {
    const real = await realpathOrFail(file);
    const stat = await fs.stat(real);
    if (!stat.isFile()) throw new GlossError('not-found', `${file} is not a file.`);
    if (!sourceFormatOf(real)) throw new GlossError('unsupported', `${path.basename(file)} is not a kind of file Gloss opens (${SUPPORTED_KINDS}).`);
    return new OpenedWorkspace(path.dirname(real), 'file', path.basename(real));
  }

  /**
   * Absolute path of a workspace-relative source path, after checking it stays inside the
   * workspace (also through symbolic links). For a single-file workspace only that file passes.
   */
  async resolveSource(relative: string): Promise<string> {
    const parts = relative.split('/');
    if (this.onlyFile !== null && relative !== this.onlyFile) throw outside(relative);
    const joined = path.join(this.root, ...parts);
    if (!isInside(this.root, joined)) throw outside(relative);
    let real: string;
    try {
      real = await fs.realpath(joined);
    } catch {
      throw new GlossError('not-found', `${relative} is no longer in ${path.basename(this.root)}; it may have been moved or deleted.`);
    }
    if (!isInside(this.root, real)) throw outside(relative);
    if (!sourceFormatOf(real)) throw new GlossError('unsupported', `${relative} is not a kind of file Gloss opens (${SUPPORTED_KINDS}).`);
    return joined;
  }

  async describe(): Promise<Workspace> {
    return {
      root: this.root,
      name: this.onlyFile ?? path.basename(this.root),
      kind: this.kind,
      files: await this.listSources(),
    };
  }

  /**
   * Supported sources, sorted by path; hidden folders and Gloss's own files skipped; symlink loops
   * broken. Only directories are read (file types come with the entries; links are followed with
   * a stat): sidecars are counted in the background by the folder index, so listing 10,000
   * articles takes a few directory reads.
   */
  async listSources(): Promise<FileEntry[]> {
    const entries: FileEntry[] = [];
    if (this.onlyFile !== null) {
      const entry = await this.entryFor(this.onlyFile, path.join(this.root, this.onlyFile));
      if (entry) entries.push(entry);
      return entries;
    }
    const seen = new Set<string>();
    // Sources found while walking, in path order; their stats are taken afterwards, many at a time.
    const found: { relPath: string; abs: string }[] = [];
    const walk = async (dir: string, rel: string, depth: number): Promise<void> => {
      let real: string;
      try {
        real = await fs.realpath(dir);
      } catch {
        return;
      }
      if (seen.has(real) || !isInside(this.root, real) || depth > MAX_DEPTH) return;
      seen.add(real);
      let dirents: Dirent[];
      try {
        dirents = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        return; // An unreadable sub-folder is skipped, not fatal.
      }
      for (const dirent of dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const name = dirent.name;
        if (name.startsWith('.')) continue;
        // Gloss's own exports (brat copies, HTML reports) are not articles of the folder.
        if (rel === '' && name === EXPORTS_FOLDER_NAME) continue;
        // Sidecars and other files are passed over by name, without a stat.
        if (dirent.isFile() && (isSidecarPath(name) || !sourceFormatOf(name))) continue;
        const abs = path.join(dir, name);
        const relPath = rel ? `${rel}/${name}` : name;
        let isDirectory = dirent.isDirectory();
        let isFile = dirent.isFile();
        if (dirent.isSymbolicLink()) {
          try {
            const target = await fs.stat(abs);
            isDirectory = target.isDirectory();
            isFile = target.isFile();
          } catch {
            continue; // Broken link.
          }
        }
        if (isDirectory) await walk(abs, relPath, depth + 1);
        else if (isFile && !isSidecarPath(name) && sourceFormatOf(name)) found.push({ relPath, abs });
      }
    };
    await walk(this.root, '', 0);
    for (const { relPath, abs } of found) {
      const entry = await this.entryFor(relPath, abs);
      if (entry) entries.push(entry);
    }
    return entries;
  }

  private async entryFor(relPath: string, abs: string): Promise<FileEntry | null> {
    const format = sourceFormatOf(abs);
    if (!format) return null;
    return { path: relPath, name: path.basename(abs), format, annotationCount: null, counts: 'pending' };
  }

}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function outside(relative: string): GlossError {
  return new GlossError('outside-workspace', `Refused: ${relative} is not inside the opened folder.`);
}

async function realpathOrFail(p: string): Promise<string> {
  try {
    return await fs.realpath(path.resolve(p));
  } catch {
    throw new GlossError('not-found', `${p} does not exist or cannot be read.`);
  }
}

/**
 * Put a file the analyst dropped on the window into the folder's root under its own name, or
 * "name (2).ext" when that is taken (created exclusively: an existing file is never replaced).
 * Returns its folder-relative path.
 */
export async function addFileToFolder(root: string, name: string, bytes: Buffer): Promise<string> {
  const base = path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim();
  if (!base || base.startsWith('.') || !sourceFormatOf(base)) throw new GlossError('unsupported', `${name || 'That file'} is not a kind of file Gloss opens (${SUPPORTED_KINDS}).`);
  if (bytes.length > MAX_SOURCE_BYTES) throw new GlossError('too-large', `${base} is larger than Gloss opens (${MAX_SOURCE_BYTES / 1048576} MB).`);
  const ext = path.extname(base);
  const stem = base.slice(0, base.length - ext.length);
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${stem} (${n})${ext}`;
    try {
      // 'wx': never replace a file that is there.
      await fs.writeFile(path.join(root, candidate), bytes, { flag: 'wx' });
      return candidate;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new GlossError('write-failed', `Could not add ${base} to the folder: ${writeFailureReason(err)}.`);
    }
  }
  throw new GlossError('write-failed', `Could not find a free name for ${base} in the folder.`);
}
