// ../../tmp/prof.ts
import { promises as fs7 } from "node:fs";
import os from "node:os";
import path7 from "node:path";
import { chromium as chromium2 } from "playwright-core";

// host/services/gloss-services.ts
import { EventEmitter } from "node:events";

// shared/errors.ts
var GlossError = class extends Error {
  code;
  constructor(code, message) {
    super(message);
    this.name = "GlossError";
    this.code = code;
  }
};
function toWireError(err) {
  if (err instanceof GlossError) return { code: err.code, message: err.message };
  return { code: "internal", message: `Something went wrong inside Gloss: ${err instanceof Error ? err.message : String(err)}` };
}

// shared/contract.ts
import { z as z2 } from "zod";

// shared/sidecar-format.ts
import { z } from "zod";
var SIDECAR_FORMAT = "gloss-annotations";
var SIDECAR_VERSION = 1;
var SIDECAR_SUFFIX = ".gloss.json";
var CONTEXT_LENGTH = 32;
var LineEndingsSchema = z.enum(["lf", "crlf", "cr", "mixed", "none"]);
var SourceFingerprintSchema = z.object({
  name: z.string().min(1).describe("File name of the source, without folder."),
  bytes: z.number().int().nonnegative().describe("Size of the source file in bytes."),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe("sha256 of the source file's bytes, lowercase hex."),
  encoding: z.string().min(1).describe("Encoding the bytes were decoded with, e.g. `utf-8`, `utf-16le`, `windows-1252`."),
  lineEndings: LineEndingsSchema.describe("Line-ending style of the decoded text. Line endings are kept as they are and counted."),
  codePoints: z.number().int().nonnegative().describe("Length of the decoded text in code points."),
  extractor: z.string().optional().describe("Extractor id and version for sources that are not plain text (e.g. HTML); absent for .txt/.md.")
});
var TagDefinitionSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  key: z.string().max(1)
});
var AnnotationLinkSchema = z.object({
  type: z.string().min(1).describe("What the link means, e.g. `denies`."),
  target: z.string().min(1).describe("Id of the annotation linked to."),
  file: z.string().optional().describe("Folder-relative path of the source holding the target; absent when it is this source.")
});
var AnnotationSchema = z.object({
  id: z.uuid(),
  tag: z.string().min(1),
  start: z.number().int().nonnegative().describe("First code point covered."),
  end: z.number().int().nonnegative().describe("Code point after the last one covered."),
  exact: z.string().describe("The covered text, exactly."),
  prefix: z.string().describe("Up to 32 code points before `start`."),
  suffix: z.string().describe("Up to 32 code points after `end`."),
  attributes: z.record(z.string(), z.string()),
  note: z.string(),
  links: z.array(AnnotationLinkSchema),
  created: z.iso.datetime({ offset: true }),
  modified: z.iso.datetime({ offset: true }),
  author: z.string()
}).refine((a) => a.end >= a.start, { message: "end must not be before start", path: ["end"] });
var SidecarSchema = z.object({
  format: z.literal(SIDECAR_FORMAT),
  version: z.literal(SIDECAR_VERSION),
  source: SourceFingerprintSchema,
  tags: z.array(TagDefinitionSchema),
  annotations: z.array(AnnotationSchema)
});
function parseSidecar(json) {
  let data;
  try {
    data = JSON.parse(json);
  } catch (err) {
    return { kind: "invalid", message: `it is not valid JSON (${err.message}); it may be truncated or damaged` };
  }
  if (typeof data !== "object" || data === null || data.format !== SIDECAR_FORMAT) {
    return { kind: "invalid", message: `it is not a Gloss annotation file (no "format": "${SIDECAR_FORMAT}")` };
  }
  const version = data.version;
  if (typeof version === "number" && version > SIDECAR_VERSION) {
    return {
      kind: "newer",
      version,
      message: `it was written by a newer Gloss (format version ${version}; this Gloss reads up to ${SIDECAR_VERSION})`
    };
  }
  const parsed = SidecarSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? first.path.join(".") : "";
    return { kind: "invalid", message: `it does not match the Gloss format${where ? ` at ${where}` : ""}: ${first?.message ?? "unknown problem"}` };
  }
  return { kind: "ok", sidecar: parsed.data };
}
function serializeSidecar(sidecar) {
  return JSON.stringify(SidecarSchema.parse(sidecar), null, 2) + "\n";
}
function sidecarPathFor(sourcePath) {
  return sourcePath + SIDECAR_SUFFIX;
}
function isSidecarPath(path8) {
  return path8.endsWith(SIDECAR_SUFFIX);
}
function buildSidecar(source, tags, annotations) {
  return {
    format: SIDECAR_FORMAT,
    version: SIDECAR_VERSION,
    source,
    tags: tags.map((t) => ({ ...t })),
    annotations: [...annotations]
  };
}
function applyAnnotationChanges(current, upsert, remove) {
  const byId = new Map(current.map((a) => [a.id, a]));
  for (const id of remove) byId.delete(id);
  for (const a of upsert) byId.set(a.id, a);
  return [...byId.values()].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// shared/contract.ts
var WorkspacePathSchema = z2.string().min(1).max(4096).refine((p) => !p.includes("\0") && !p.startsWith("/") && !/^[a-zA-Z]:/.test(p) && !p.includes("\\") && !p.split("/").some((s) => s === ".." || s === "." || s === ""), {
  message: "must be a relative path inside the opened folder"
});
var SourceFormatSchema = z2.enum(["txt", "md"]);
var FileEntrySchema = z2.object({
  /** Path relative to the workspace root, `/`-separated. */
  path: z2.string(),
  name: z2.string(),
  format: SourceFormatSchema,
  bytes: z2.number().int().nonnegative(),
  /** Last change of the source, ISO 8601. */
  modified: z2.string(),
  /** Number of annotations in its sidecar; 0 without one; null when the sidecar cannot be read. */
  annotationCount: z2.number().int().nonnegative().nullable()
});
var WorkspaceSchema = z2.object({
  /** Absolute path of the opened folder (for display). */
  root: z2.string(),
  /** Folder name, or the file name when a single file was opened. */
  name: z2.string(),
  kind: z2.enum(["folder", "file"]),
  files: z2.array(FileEntrySchema)
});
var SidecarStateSchema = z2.discriminatedUnion("kind", [
  /** No sidecar yet: the source has never been annotated. */
  z2.object({ kind: z2.literal("none") }),
  z2.object({ kind: z2.literal("ok"), sidecar: SidecarSchema }),
  /** Written by a newer Gloss: shown read-only. */
  z2.object({ kind: z2.literal("newer"), message: z2.string() }),
  /** Damaged or not ours: left untouched, never overwritten; annotations read-only until the user recovers. */
  z2.object({ kind: z2.literal("invalid"), message: z2.string(), backupAvailable: z2.boolean() })
]);
var OpenedDocumentSchema = z2.object({
  path: z2.string(),
  name: z2.string(),
  format: SourceFormatSchema,
  /** The decoded text. Offsets everywhere are code points over this string. */
  text: z2.string(),
  fingerprint: SourceFingerprintSchema,
  sidecar: SidecarStateSchema
});
var HostInfoSchema = z2.object({
  kind: z2.enum(["electron", "web"]),
  /** True when the host can show the operating system's open dialogs. */
  hasDialogs: z2.boolean(),
  version: z2.string()
});
var OpenInputSchema = z2.object({
  /**
   * Absolute path to open, or null to ask the user with the system dialog. The Electron host
   * accepts only null (the renderer may not name paths); the browser host has no dialog and
   * needs a path typed by the user.
   */
  path: z2.string().min(1).max(4096).nullable()
});
var OpenOutputSchema = z2.discriminatedUnion("kind", [
  z2.object({ kind: z2.literal("opened"), workspace: WorkspaceSchema }),
  z2.object({ kind: z2.literal("canceled") })
]);
var NoInput = z2.object({}).strict();
var contract = {
  /** Which host this is and what it can do. */
  getHostInfo: { input: NoInput, output: HostInfoSchema },
  /** The folder (or single file) open now, with its supported sources; null when none is. */
  getWorkspace: { input: NoInput, output: WorkspaceSchema.nullable() },
  /** Open a folder: it becomes the workspace, the only place files are read from or written to. */
  openFolder: { input: OpenInputSchema, output: OpenOutputSchema },
  /** Open a single source file: the workspace becomes that file alone. */
  openFile: { input: OpenInputSchema, output: OpenOutputSchema },
  /** Read a source and its sidecar. */
  readDocument: { input: z2.object({ path: WorkspacePathSchema }).strict(), output: OpenedDocumentSchema },
  /**
   * Save changes of a source's annotations to its sidecar, atomically: the host applies them to
   * the sidecar on disk (by id: `upsert` adds or replaces, `remove` deletes) and writes it with
   * this fingerprint and tag set. Only what changed crosses the boundary, so saving stays cheap
   * with 10,000 annotations. Refused when the sidecar on disk is damaged or newer (it is never
   * overwritten) or when the source no longer matches the fingerprint.
   */
  saveAnnotations: {
    input: z2.object({
      path: WorkspacePathSchema,
      source: SourceFingerprintSchema,
      tags: z2.array(TagDefinitionSchema),
      upsert: z2.array(AnnotationSchema),
      remove: z2.array(z2.string())
    }).strict(),
    output: z2.object({ savedAt: z2.string() })
  },
  /**
   * Recover from a damaged sidecar as the user chose: the damaged file is renamed aside (never
   * deleted), then the backup is restored or the source starts with no annotations. Returns the
   * document as it now reads.
   */
  recoverSidecar: {
    input: z2.object({ path: WorkspacePathSchema, action: z2.enum(["restore-backup", "start-over"]) }).strict(),
    output: z2.object({ document: OpenedDocumentSchema, renamedTo: z2.string() })
  }
};
var CONTRACT_NAMES = Object.keys(contract);
function isContractName(name) {
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(contract, name);
}
var MenuCommandSchema = z2.enum(["undo", "redo", "delete-annotation"]);
var HostEventSchema = z2.discriminatedUnion("type", [
  /** Another folder or file was opened (from the host's menu). */
  z2.object({ type: z2.literal("workspace-changed"), workspace: WorkspaceSchema }),
  z2.object({ type: z2.literal("menu-command"), command: MenuCommandSchema }),
  /** A source or sidecar in the workspace was changed on disk by something other than this app. */
  z2.object({ type: z2.literal("file-changed"), path: z2.string(), kind: z2.enum(["source", "sidecar"]) })
]);

// shared/contract-validation.ts
function validateInput(name, payload) {
  if (!isContractName(name)) throw new GlossError("invalid-request", `Unknown request "${String(name).slice(0, 60)}".`);
  const parsed = contract[name].input.safeParse(payload ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new GlossError("invalid-request", `Refused ${name}: ${first ? `${first.path.join(".") || "payload"} ${first.message}` : "invalid payload"}.`);
  }
  return parsed.data;
}

// host/services/workspace.ts
import { promises as fs2 } from "node:fs";
import path2 from "node:path";

// host/services/sidecar-files.ts
import { promises as fs } from "node:fs";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";
var BACKUP_SUFFIX = ".bak";
var backupPathFor = (sourcePath) => sidecarPathFor(sourcePath) + BACKUP_SUFFIX;
async function readSidecarState(sourcePath) {
  const file = sidecarPathFor(sourcePath);
  let json;
  try {
    json = await fs.readFile(file, "utf8");
  } catch (err) {
    if (err.code === "ENOENT") return { kind: "none" };
    return {
      kind: "invalid",
      message: `${path.basename(file)} cannot be read (${err.code ?? "error"}). Gloss has left it untouched and will not overwrite it.`,
      backupAvailable: await readBackup(sourcePath) !== null
    };
  }
  const parsed = parseSidecar(json);
  switch (parsed.kind) {
    case "ok":
      return { kind: "ok", sidecar: parsed.sidecar };
    case "newer":
      return { kind: "newer", message: `${path.basename(file)} ${parsed.message}. Its annotations are shown read-only; update Gloss to change them.` };
    case "invalid":
      return {
        kind: "invalid",
        message: `${path.basename(file)} cannot be used: ${parsed.message}. Gloss has left it untouched and will not overwrite it.`,
        backupAvailable: await readBackup(sourcePath) !== null
      };
  }
}
async function readBackup(sourcePath) {
  const json = await fs.readFile(backupPathFor(sourcePath), "utf8").catch(() => null);
  if (json === null) return null;
  const parsed = parseSidecar(json);
  return parsed.kind === "ok" ? parsed.sidecar : null;
}
async function recoverSidecar(sourcePath, action) {
  const file = sidecarPathFor(sourcePath);
  const current = await readSidecarState(sourcePath);
  if (current.kind !== "invalid") throw new GlossError("invalid-request", `${path.basename(file)} is not damaged; nothing to recover.`);
  const backup = action === "restore-backup" ? await readBackup(sourcePath) : null;
  if (action === "restore-backup" && !backup) throw new GlossError("not-found", `There is no usable backup of ${path.basename(file)}.`);
  const aside = `${file}.damaged-${(/* @__PURE__ */ new Date()).toISOString().replace(/[:.]/g, "-")}`;
  await fs.rename(file, aside).catch((err) => {
    if (err.code !== "ENOENT") throw new GlossError("write-failed", `Could not rename ${path.basename(file)} aside: ${err.message}`);
  });
  if (backup) await writeFileAtomic(file, serializeSidecar(backup), { encoding: "utf8", fsync: true });
  return path.basename(aside);
}
async function countSidecarAnnotations(sourcePath) {
  const state = await readSidecarState(sourcePath);
  if (state.kind === "none") return 0;
  if (state.kind === "ok") return state.sidecar.annotations.length;
  return null;
}
async function writeSidecar(sourcePath, sidecar, beforeWrite) {
  const current = await readSidecarState(sourcePath);
  if (current.kind === "invalid" || current.kind === "newer") throw new GlossError("write-failed", `Not saved: ${current.message}`);
  const file = sidecarPathFor(sourcePath);
  try {
    if (current.kind === "ok") await keepBackup(file);
    const content = serializeSidecar(sidecar);
    beforeWrite?.(file, content);
    await writeFileAtomic(file, content, { encoding: "utf8", fsync: true });
  } catch (err) {
    const code = err.code;
    const why = code === "EACCES" || code === "EPERM" || code === "EROFS" ? "the folder is read-only" : code === "ENOSPC" ? "the disk is full" : err.message;
    throw new GlossError("write-failed", `Could not save ${path.basename(file)}: ${why}. Your annotations are kept in memory and saving will be retried.`);
  }
}
async function keepBackup(file) {
  const temporary = `${file}${BACKUP_SUFFIX}.${process.pid}.tmp`;
  await fs.copyFile(file, temporary);
  await fs.rename(temporary, file + BACKUP_SUFFIX);
}

// host/services/workspace.ts
var FORMATS = { ".txt": "txt", ".md": "md", ".markdown": "md" };
function sourceFormatOf(fileName) {
  return FORMATS[path2.extname(fileName).toLowerCase()] ?? null;
}
var MAX_DEPTH = 16;
var OpenedWorkspace = class _OpenedWorkspace {
  constructor(root, kind, onlyFile) {
    this.root = root;
    this.kind = kind;
    this.onlyFile = onlyFile;
  }
  static async openFolder(folder) {
    const real = await realpathOrFail(folder);
    const stat = await fs2.stat(real);
    if (!stat.isDirectory()) throw new GlossError("not-found", `${folder} is not a folder.`);
    return new _OpenedWorkspace(real, "folder", null);
  }
  static async openFile(file) {
    const real = await realpathOrFail(file);
    const stat = await fs2.stat(real);
    if (!stat.isFile()) throw new GlossError("not-found", `${file} is not a file.`);
    if (!sourceFormatOf(real)) throw new GlossError("unsupported", `${path2.basename(file)} is not a kind of file Gloss opens (.txt, .md).`);
    return new _OpenedWorkspace(path2.dirname(real), "file", path2.basename(real));
  }
  /**
   * Absolute path of a workspace-relative source path, after checking it stays inside the
   * workspace (also through symbolic links). For a single-file workspace only that file passes.
   */
  async resolveSource(relative) {
    const parts = relative.split("/");
    if (this.onlyFile !== null && relative !== this.onlyFile) throw outside(relative);
    const joined = path2.join(this.root, ...parts);
    if (!isInside(this.root, joined)) throw outside(relative);
    let real;
    try {
      real = await fs2.realpath(joined);
    } catch {
      throw new GlossError("not-found", `${relative} is no longer in ${path2.basename(this.root)}; it may have been moved or deleted.`);
    }
    if (!isInside(this.root, real)) throw outside(relative);
    if (!sourceFormatOf(real)) throw new GlossError("unsupported", `${relative} is not a kind of file Gloss opens (.txt, .md).`);
    return joined;
  }
  async describe() {
    return {
      root: this.root,
      name: this.onlyFile ?? path2.basename(this.root),
      kind: this.kind,
      files: await this.listSources()
    };
  }
  /** Supported sources, sorted by path; hidden folders and Gloss's own files skipped; symlink loops broken. */
  async listSources() {
    const entries = [];
    if (this.onlyFile !== null) {
      const entry = await this.entryFor(this.onlyFile, path2.join(this.root, this.onlyFile));
      if (entry) entries.push(entry);
      return entries;
    }
    const seen = /* @__PURE__ */ new Set();
    const walk = async (dir2, rel, depth) => {
      let real;
      try {
        real = await fs2.realpath(dir2);
      } catch {
        return;
      }
      if (seen.has(real) || !isInside(this.root, real) || depth > MAX_DEPTH) return;
      seen.add(real);
      let names;
      try {
        names = await fs2.readdir(dir2);
      } catch {
        return;
      }
      for (const name of names.sort()) {
        if (name.startsWith(".")) continue;
        const abs = path2.join(dir2, name);
        const relPath = rel ? `${rel}/${name}` : name;
        let stat;
        try {
          stat = await fs2.stat(abs);
        } catch {
          continue;
        }
        if (stat.isDirectory()) await walk(abs, relPath, depth + 1);
        else if (stat.isFile() && !isSidecarPath(name)) {
          const entry = await this.entryFor(relPath, abs);
          if (entry) entries.push(entry);
        }
      }
    };
    await walk(this.root, "", 0);
    return entries;
  }
  async entryFor(relPath, abs) {
    const format = sourceFormatOf(abs);
    if (!format) return null;
    let stat;
    try {
      stat = await fs2.stat(abs);
    } catch {
      return null;
    }
    return {
      path: relPath,
      name: path2.basename(abs),
      format,
      bytes: stat.size,
      modified: stat.mtime.toISOString(),
      annotationCount: await countSidecarAnnotations(abs)
    };
  }
};
function isInside(root, candidate) {
  const rel = path2.relative(root, candidate);
  return rel === "" || !rel.startsWith("..") && !path2.isAbsolute(rel);
}
function outside(relative) {
  return new GlossError("outside-workspace", `Refused: ${relative} is not inside the opened folder.`);
}
async function realpathOrFail(p) {
  try {
    return await fs2.realpath(path2.resolve(p));
  } catch {
    throw new GlossError("not-found", `${p} does not exist or cannot be read.`);
  }
}

// host/services/source-files.ts
import { createHash } from "node:crypto";
import { promises as fs3 } from "node:fs";
import path3 from "node:path";

// shared/annotations.ts
function createAnnotation(text, input) {
  const start = Math.max(0, Math.min(input.start, input.end, text.length));
  const end = Math.min(text.length, Math.max(input.start, input.end));
  const stamp = (input.now ?? /* @__PURE__ */ new Date()).toISOString();
  return {
    id: input.id ?? globalThis.crypto.randomUUID(),
    tag: input.tag,
    start,
    end,
    ...quoteAt(text, start, end),
    attributes: {},
    note: "",
    links: [],
    created: stamp,
    modified: stamp,
    author: input.author ?? ""
  };
}
function quoteAt(text, start, end) {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, Math.min(text.length, end + CONTEXT_LENGTH))
  };
}
function detectLineEndings(text) {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  const lf = (text.match(/(?<!\r)\n/g) ?? []).length;
  const kinds = [crlf > 0, cr > 0, lf > 0].filter(Boolean).length;
  if (kinds === 0) return "none";
  if (kinds > 1) return "mixed";
  return crlf > 0 ? "crlf" : cr > 0 ? "cr" : "lf";
}

// shared/code-points.ts
function hasAstral(text) {
  return /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text);
}
function codePointLength(text) {
  if (!hasAstral(text)) return text.length;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 55296 && c <= 56319 && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 56320 && d <= 57343) i++;
    }
    n++;
  }
  return n;
}
function isLow(c) {
  return c >= 56320 && c <= 57343;
}
var CodePointText = class _CodePointText {
  text;
  astral;
  length;
  /** checkpoints[k] = code point index at UTF-16 index k * STEP (only when astral). */
  checkpoints;
  static STEP = 1024;
  constructor(text) {
    this.text = text;
    this.astral = hasAstral(text);
    if (!this.astral) {
      this.checkpoints = null;
      this.length = text.length;
      return;
    }
    const step = _CodePointText.STEP;
    const cps = new Int32Array(Math.floor(text.length / step) + 2);
    let n = 0;
    let i = 0;
    let next = 0;
    while (i < text.length) {
      while (next * step <= i) cps[next++] = n;
      const c = text.charCodeAt(i);
      i += c >= 55296 && c <= 56319 && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
      n++;
    }
    while (next < cps.length) cps[next++] = n;
    this.checkpoints = cps;
    this.length = n;
  }
  /** UTF-16 index → code point index. */
  toCodePoint(u16) {
    if (!this.checkpoints) return Math.max(0, Math.min(u16, this.text.length));
    const end = Math.max(0, Math.min(u16, this.text.length));
    const k = Math.floor(end / _CodePointText.STEP);
    let i = k * _CodePointText.STEP;
    if (i > 0 && isLow(this.text.charCodeAt(i)) && this.isHigh(i - 1)) {
      i -= 1;
    }
    let n = this.cpAtUnit(i, k);
    while (i < end) {
      const c = this.text.charCodeAt(i);
      i += c >= 55296 && c <= 56319 && isLow(this.text.charCodeAt(i + 1)) ? 2 : 1;
      n++;
    }
    return n;
  }
  /** Code point index → UTF-16 index. */
  toUtf16(cp) {
    if (!this.checkpoints) return Math.max(0, Math.min(cp, this.text.length));
    if (cp <= 0) return 0;
    if (cp >= this.length) return this.text.length;
    const cps = this.checkpoints;
    let lo = 0;
    let hi = cps.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (cps[mid] <= cp) lo = mid;
      else hi = mid - 1;
    }
    let i = lo * _CodePointText.STEP;
    if (i > 0 && i < this.text.length && isLow(this.text.charCodeAt(i)) && this.isHigh(i - 1)) i -= 1;
    let n = this.cpAtUnit(i, lo);
    while (n < cp && i < this.text.length) {
      const c = this.text.charCodeAt(i);
      i += c >= 55296 && c <= 56319 && isLow(this.text.charCodeAt(i + 1)) ? 2 : 1;
      n++;
    }
    return i;
  }
  /** The code points [start, end) as a string. */
  slice(start, end) {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
  isHigh(i) {
    const c = this.text.charCodeAt(i);
    return c >= 55296 && c <= 56319;
  }
  /** Code point index at UTF-16 unit i, where i is checkpoint k's unit or one before it. */
  cpAtUnit(i, k) {
    const base = this.checkpoints[k];
    return i === k * _CodePointText.STEP ? base : base - 1;
  }
};

// host/services/source-decoding.ts
import chardet from "chardet";
import iconv from "iconv-lite";
var MAX_SOURCE_BYTES = 32 * 1024 * 1024;
function decodeSource(bytes, name) {
  if (bytes.length > MAX_SOURCE_BYTES) {
    throw new GlossError("too-large", `${name} is ${formatMB(bytes.length)}; Gloss opens sources up to ${formatMB(MAX_SOURCE_BYTES)}.`);
  }
  if (bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) {
    return { text: decodeStrict("utf-8", bytes.subarray(3), name), encoding: "utf-8-bom" };
  }
  if (bytes[0] === 255 && bytes[1] === 254) return { text: decodeStrict("utf-16le", bytes.subarray(2), name), encoding: "utf-16le" };
  if (bytes[0] === 254 && bytes[1] === 255) return { text: decodeStrict("utf-16be", bytes.subarray(2), name), encoding: "utf-16be" };
  if (bytes.includes(0)) {
    throw new GlossError("binary", `${name} looks like a binary file (it contains NUL bytes), not text; Gloss opens .txt and .md text files.`);
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes), encoding: "utf-8" };
  } catch {
  }
  const { firstInvalid, sawMultiByte } = scanUtf8(bytes);
  if (sawMultiByte) {
    throw new GlossError(
      "unreadable",
      `${name} is not valid UTF-8: the byte at offset ${firstInvalid} cannot be decoded, although the text before it is UTF-8. It may be damaged or mix encodings; repair it or save it again as UTF-8.`
    );
  }
  const detected = chardet.detect(bytes);
  const encoding = detected && iconv.encodingExists(detected) ? detected.toLowerCase() : null;
  if (!encoding || encoding.startsWith("utf")) {
    throw new GlossError("unreadable", `${name} is not valid UTF-8 and its encoding could not be recognised; save it as UTF-8 and open it again.`);
  }
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding };
}
function decodeStrict(encoding, bytes, name) {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new GlossError("unreadable", `${name} starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}; it may be damaged.`);
  }
}
function formatMB(bytes) {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
function scanUtf8(bytes) {
  let sawMultiByte = false;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 128) {
      i++;
      continue;
    }
    const len = b >= 194 && b <= 223 ? 2 : b >= 224 && b <= 239 ? 3 : b >= 240 && b <= 244 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return { firstInvalid: i, sawMultiByte };
    const second = bytes[i + 1];
    const lo = b === 224 ? 160 : b === 240 ? 144 : 128;
    const hi = b === 237 ? 159 : b === 244 ? 143 : 191;
    if (second < lo || second > hi) return { firstInvalid: i, sawMultiByte };
    for (let k = 2; k < len; k++) if ((bytes[i + k] & 192) !== 128) return { firstInvalid: i, sawMultiByte };
    sawMultiByte = true;
    i += len;
  }
  return { firstInvalid: -1, sawMultiByte };
}

// host/services/source-files.ts
async function loadSource(absPath) {
  const name = path3.basename(absPath);
  let bytes;
  try {
    const stat = await fs3.stat(absPath);
    if (stat.size > MAX_SOURCE_BYTES) {
      throw new GlossError("too-large", `${name} is ${(stat.size / 1048576).toFixed(1)} MB; Gloss opens sources up to ${MAX_SOURCE_BYTES / 1048576} MB.`);
    }
    bytes = await fs3.readFile(absPath);
  } catch (err) {
    if (err instanceof GlossError) throw err;
    throw new GlossError("unreadable", `${name} cannot be read (${err.code ?? err.message}).`);
  }
  const { text, encoding } = decodeSource(bytes, name);
  return {
    text,
    fingerprint: {
      name,
      bytes: bytes.length,
      sha256: sha256(bytes),
      encoding,
      lineEndings: detectLineEndings(text),
      codePoints: codePointLength(text)
    }
  };
}
function sha256(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}
async function currentSha256(absPath) {
  return sha256(await fs3.readFile(absPath));
}

// host/services/workspace-watcher.ts
import { watch } from "chokidar";
import { createHash as createHash2 } from "node:crypto";
import { promises as fs4 } from "node:fs";
import path4 from "node:path";
var SETTLE_MS = 60;
var WorkspaceWatcher = class {
  constructor(workspace, report) {
    this.workspace = workspace;
    this.report = report;
    const targets = workspace.onlyFile !== null ? [path4.join(workspace.root, workspace.onlyFile), path4.join(workspace.root, workspace.onlyFile + SIDECAR_SUFFIX)] : [workspace.root];
    this.watcher = watch(targets, {
      ignoreInitial: true,
      depth: 16,
      ignored: (p) => path4.relative(workspace.root, p).split(path4.sep).some((part) => part.startsWith(".") && part.length > 1)
    });
    this.isReady = new Promise((resolve) => this.watcher.once("ready", () => resolve()));
    const onEvent = (abs) => this.schedule(abs);
    this.watcher.on("add", onEvent).on("change", onEvent).on("unlink", onEvent);
  }
  watcher;
  timers = /* @__PURE__ */ new Map();
  /** sha256 of what this app last wrote, by absolute path. */
  ownWrites = /* @__PURE__ */ new Map();
  isReady;
  /** Note content this app is about to write, so the resulting events are not reported. */
  noteOwnWrite(absPath, content) {
    this.ownWrites.set(absPath, sha2562(content));
  }
  /** Resolves once the watcher is watching (tests wait for it). */
  ready() {
    return this.isReady;
  }
  async close() {
    for (const t of this.timers.values()) clearTimeout(t);
    await this.watcher.close();
  }
  schedule(abs) {
    const change = this.classify(abs);
    if (!change) return;
    clearTimeout(this.timers.get(abs));
    this.timers.set(
      abs,
      setTimeout(() => {
        this.timers.delete(abs);
        void this.settle(abs, change);
      }, SETTLE_MS)
    );
  }
  async settle(abs, change) {
    const own = this.ownWrites.get(abs);
    if (own !== void 0) {
      const now = await fs4.readFile(abs).catch(() => null);
      if (now !== null && sha2562(now) === own) return;
    }
    this.report(change);
  }
  classify(abs) {
    const rel = path4.relative(this.workspace.root, abs).split(path4.sep).join("/");
    if (rel.startsWith("..")) return null;
    if (isSidecarPath(rel)) return { path: rel.slice(0, -SIDECAR_SUFFIX.length), kind: "sidecar" };
    return sourceFormatOf(rel) ? { path: rel, kind: "source" } : null;
  }
};
function sha2562(content) {
  return createHash2("sha256").update(content).digest("hex");
}

// host/services/gloss-services.ts
var GlossServices = class {
  constructor(policy) {
    this.policy = policy;
    this.handlers = {
      getHostInfo: async () => ({ kind: policy.kind, hasDialogs: Boolean(policy.pickPath), version: policy.version }),
      getWorkspace: async () => this.workspace ? this.workspace.describe() : null,
      openFolder: async ({ path: path8 }) => this.openFromUi("folder", path8),
      openFile: async ({ path: path8 }) => this.openFromUi("file", path8),
      readDocument: async ({ path: path8 }) => {
        const abs = await this.requireWorkspace().resolveSource(path8);
        const [source, sidecar] = await Promise.all([loadSource(abs), readSidecarState(abs)]);
        return { path: path8, name: source.fingerprint.name, format: sourceFormatOf(abs), text: source.text, fingerprint: source.fingerprint, sidecar };
      },
      saveAnnotations: async ({ path: path8, source, tags, upsert, remove }) => {
        const abs = await this.requireWorkspace().resolveSource(path8);
        if (await currentSha256(abs) !== source.sha256) {
          throw new GlossError(
            "source-changed",
            `Not saved: ${source.name} changed on disk since it was opened. Reopen it; your annotations stay in memory until then.`
          );
        }
        const current = await readSidecarState(abs);
        const base = current.kind === "ok" ? current.sidecar.annotations : [];
        const sidecar = buildSidecar(source, tags, applyAnnotationChanges(base, upsert, remove));
        await writeSidecar(abs, sidecar, (file, content) => this.watcher?.noteOwnWrite(file, content));
        return { savedAt: (/* @__PURE__ */ new Date()).toISOString() };
      },
      recoverSidecar: async ({ path: path8, action }) => {
        const abs = await this.requireWorkspace().resolveSource(path8);
        const renamedTo = await recoverSidecar(abs, action);
        return { document: await this.handlers.readDocument({ path: path8 }), renamedTo };
      }
    };
  }
  workspace = null;
  watcher = null;
  events = new EventEmitter();
  handlers;
  /** Open a folder or file named by the host itself (command line, dialog, menu); tells the UI. */
  async open(what, target) {
    const opened = what === "folder" ? await OpenedWorkspace.openFolder(target) : await OpenedWorkspace.openFile(target);
    await this.watcher?.close();
    this.workspace = opened;
    this.watcher = new WorkspaceWatcher(opened, (change) => this.emit({ type: "file-changed", ...change }));
    const workspace = await opened.describe();
    this.emit({ type: "workspace-changed", workspace });
    return this.workspace;
  }
  /** Validate and run one contract entry; never throws. */
  async dispatch(name, payload) {
    try {
      const input = validateInput(name, payload);
      const handler = this.handlers[name];
      return { ok: true, value: await handler(input) };
    } catch (err) {
      return { ok: false, error: toWireError(err) };
    }
  }
  /** Resolves when the workspace watcher is ready to report changes. */
  async watching() {
    await this.watcher?.ready();
  }
  /** Stop watching (when the host shuts down). */
  async close() {
    await this.watcher?.close();
    this.watcher = null;
  }
  onEvent(listener) {
    this.events.on("event", listener);
    return () => this.events.off("event", listener);
  }
  emit(event) {
    this.events.emit("event", event);
  }
  async openFromUi(what, path8) {
    let target = path8;
    if (target === null) {
      if (!this.policy.pickPath) throw new GlossError("no-dialog", `This host has no ${what} dialog; type the ${what}'s path instead.`);
      target = await this.policy.pickPath(what);
      if (target === null) return { kind: "canceled" };
    } else if (!this.policy.uiMayNamePaths) {
      throw new GlossError("invalid-request", `Refused: open a ${what} through the File menu.`);
    }
    const ws = await this.open(what, target);
    return { kind: "opened", workspace: await ws.describe() };
  }
  requireWorkspace() {
    if (!this.workspace) throw new GlossError("no-workspace", "No folder is open. Use File \u203A Open Folder\u2026 first.");
    return this.workspace;
  }
};

// host/web/web-host.ts
import { randomBytes, timingSafeEqual } from "node:crypto";
import { promises as fs5 } from "node:fs";
import http from "node:http";
import path5 from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
var gzipAsync = promisify(gzip);
var MAX_BODY_BYTES = 64 * 1024 * 1024;
var CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join("; ");
var SECURITY_HEADERS = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Cache-Control": "no-store"
};
var MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".json": "application/json"
};
async function startWebHost(options) {
  const token = options.token ?? randomBytes(24).toString("base64url");
  const tokenBytes = Buffer.from(token);
  let port = 0;
  const sseClients = /* @__PURE__ */ new Set();
  const tokenMatches = (candidate) => {
    if (!candidate) return false;
    const given = Buffer.from(candidate);
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  };
  const allowedHosts = () => /* @__PURE__ */ new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", `Internal error: ${err.message}`);
      else res.end();
    });
  });
  async function handle(req, res) {
    if (!allowedHosts().has(req.headers.host ?? "")) return send(res, 403, "text/plain; charset=utf-8", "Refused: unexpected Host header.");
    const origin = req.headers.origin;
    if (origin !== void 0 && !(origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`)) {
      return send(res, 403, "text/plain; charset=utf-8", "Refused: request from another origin.");
    }
    const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
    if (url.pathname === "/api/events" && req.method === "GET") {
      if (!tokenMatches(url.searchParams.get("token"))) return send(res, 401, "text/plain; charset=utf-8", "Refused: missing or wrong token.");
      res.writeHead(200, { ...SECURITY_HEADERS, "Content-Type": "text/event-stream", Connection: "keep-alive" });
      res.write(": connected\n\n");
      sseClients.add(res);
      req.on("close", () => sseClients.delete(res));
      return;
    }
    if (url.pathname.startsWith("/api/")) {
      if (req.method !== "POST") return send(res, 405, "text/plain; charset=utf-8", "Use POST.");
      if (!tokenMatches(req.headers["x-gloss-token"])) {
        return sendJson(res, 401, { ok: false, error: { code: "invalid-request", message: "Refused: missing or wrong token." } });
      }
      if (!(req.headers["content-type"] ?? "").startsWith("application/json")) {
        return sendJson(res, 415, { ok: false, error: { code: "invalid-request", message: "Refused: send application/json." } });
      }
      const body = await readBody(req);
      if (body === null) return sendJson(res, 413, { ok: false, error: { code: "invalid-request", message: "Refused: request too large." } });
      let payload;
      try {
        payload = body.length ? JSON.parse(body) : {};
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: "invalid-request", message: "Refused: the request is not valid JSON." } });
      }
      const result = await options.services.dispatch(url.pathname.slice("/api/".length), payload);
      const status = result.ok ? 200 : result.error.code === "invalid-request" ? 400 : result.error.code === "outside-workspace" ? 403 : result.error.code === "internal" ? 500 : 422;
      return sendJson(res, status, result, String(req.headers["accept-encoding"] ?? ""));
    }
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "text/plain; charset=utf-8", "Method not allowed.");
    if (url.pathname === "/" || url.pathname === "/index.html") {
      if (!tokenMatches(url.searchParams.get("token"))) {
        return send(res, 401, "text/plain; charset=utf-8", "Open Gloss with the address printed in the terminal: it carries this launch's access token.");
      }
      return sendFile(res, path5.join(options.rendererDir, "index.html"));
    }
    const file = path5.join(options.rendererDir, path5.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ""));
    if (!file.startsWith(options.rendererDir + path5.sep)) return send(res, 404, "text/plain; charset=utf-8", "Not found.");
    return sendFile(res, file);
  }
  const unsubscribe = options.services.onEvent((event) => {
    const data = `data: ${JSON.stringify(event)}

`;
    for (const client of sseClients) client.write(data);
  });
  const heartbeat = setInterval(() => {
    for (const client of sseClients) client.write(": keep-alive\n\n");
  }, 25e3);
  heartbeat.unref();
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  port = server.address().port;
  return {
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`,
    port,
    token,
    close: async () => {
      clearInterval(heartbeat);
      unsubscribe();
      for (const client of sseClients) client.end();
      await new Promise((resolve) => server.close(() => resolve()));
    }
  };
}
function send(res, status, type, body) {
  res.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": type });
  res.end(body);
}
var COMPRESS_ABOVE = 64 * 1024;
async function sendJson(res, status, value, acceptEncoding = "") {
  const body = Buffer.from(JSON.stringify(value));
  if (body.length > COMPRESS_ABOVE && /\bgzip\b/.test(acceptEncoding)) {
    const zipped = await gzipAsync(body, { level: 1 });
    res.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": "application/json; charset=utf-8", "Content-Encoding": "gzip", Vary: "Accept-Encoding" });
    res.end(zipped);
    return;
  }
  send(res, status, "application/json; charset=utf-8", body);
}
async function sendFile(res, file) {
  let body;
  try {
    body = await fs5.readFile(file);
  } catch {
    return send(res, 404, "text/plain; charset=utf-8", "Not found.");
  }
  send(res, 200, MIME[path5.extname(file)] ?? "application/octet-stream", body);
}
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

// bench/render-bench.ts
import { build } from "esbuild";
import { promises as fs6, readFileSync } from "node:fs";
import path6 from "node:path";
import { chromium } from "playwright-core";

// shared/tags.ts
var DEFAULT_TAGS = [
  { id: "claim", label: "Claim", color: "#e0a800", key: "1" },
  { id: "quote", label: "Quote", color: "#2f7fd8", key: "2" },
  { id: "denial", label: "Denial", color: "#d9483b", key: "3" }
];

// bench/generate.ts
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
var WORDS = "the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people mr how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three states himself few house use during without again place american around however home small found mrs thought went say part once general high upon school every don does got united left number course war until always away something fact though water less public put think almost hand enough far took head yet government system better set told nothing night end why called didn find going look asked later knew point next city business give group toward young let room president side social given present several order national possible rather second face per among form important often things looked early white case john become large big need four within felt along children saw best church ever least power development light thing seemed family interest want members mind country area others done turned although open god service problem certain kind began different door thus help sense means whole matter perhaps itself york times law human line above name example action company hands local show whether five history gave today either act feet across taken past quite anything having seen death experience body word half really week free minister kremlin spokesman denied claimed warned accused rejected dismissed".split(" ");
function generateText(bytes, seed = 1) {
  const rnd = random(seed);
  const parts = [];
  let size = 0;
  while (size < bytes) {
    const sentences = 3 + Math.floor(rnd() * 6);
    const para = [];
    for (let s = 0; s < sentences; s++) {
      const n = 6 + Math.floor(rnd() * 18);
      const words = [];
      for (let w = 0; w < n; w++) words.push(WORDS[Math.floor(rnd() * WORDS.length)]);
      const sentence = words.join(" ");
      para.push(sentence[0].toUpperCase() + sentence.slice(1) + (rnd() < 0.15 ? "?" : "."));
    }
    const p = para.join(" ");
    parts.push(p);
    size += p.length + 2;
  }
  return parts.join("\n\n");
}
function generateSpans(text, count, seed = 2) {
  const rnd = random(seed);
  const wordStarts = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) wordStarts.push(m.index);
  const tags = ["claim", "quote", "denial"];
  const spans = [];
  for (let i = 0; i < count; i++) {
    const w = Math.floor(rnd() * (wordStarts.length - 41));
    const len = 3 + Math.floor(rnd() * 38);
    const start = wordStarts[w];
    let end = wordStarts[w + len] - 1;
    while (end > start && /\s/.test(text[end - 1])) end--;
    spans.push({ start, end, tag: tags[i % 3] });
  }
  return spans;
}

// bench/render-bench.ts
var TEXT_BYTES = 2 * 1024 * 1024;
var ANNOTATIONS = 1e4;
var CHROMIUM = process.env.GLOSS_CHROMIUM ?? "/usr/bin/chromium";
async function makeLongArticle(dir2, bytes = TEXT_BYTES, count = ANNOTATIONS) {
  const text = generateText(bytes, 11);
  const file = path6.join(dir2, "long-article.txt");
  await fs6.writeFile(file, text);
  const cp = new CodePointText(text);
  const spans = generateSpans(text, count, 12);
  const annotations = spans.map((s, i) => createAnnotation(cp, { tag: s.tag, start: s.start, end: s.end, id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, now: /* @__PURE__ */ new Date(0) }));
  const { fingerprint } = await loadSource(file);
  await fs6.writeFile(sidecarPathFor(file), serializeSidecar(buildSidecar(fingerprint, DEFAULT_TAGS, annotations)));
  return { file, text };
}

// ../../tmp/prof.ts
var dir = await fs7.mkdtemp(path7.join(os.tmpdir(), "prof-"));
await makeLongArticle(dir);
var services = new GlossServices({ kind: "web", version: "x", uiMayNamePaths: true });
await services.open("folder", dir);
var host = await startWebHost({ services, rendererDir: "/work/main/dist/renderer" });
var browser = await chromium2.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
var page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
await page.goto(host.url);
var cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
var mode = process.argv[2] ?? "open";
if (mode === "open") await cdp.send("Profiler.start");
await page.getByRole("button", { name: /long-article/ }).click();
await page.waitForFunction(() => performance.getEntriesByName("gloss:open-to-painted").length > 0, null, { timeout: 6e4 });
if (mode === "keys" || mode === "keyscroll") await cdp.send("Profiler.start");
if (mode === "keys" || mode === "keyscroll") for (let r = 0; r < 6; r++) {
  await page.evaluate((r2) => {
    const blocks = document.querySelectorAll(".reader-doc .gloss-block");
    const block = blocks[Math.floor(blocks.length / 2) + r2 * 7];
    block.scrollIntoView({ block: "center" });
    const node = document.createTreeWalker(block, NodeFilter.SHOW_TEXT).nextNode();
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, 10);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  }, r);
  await page.waitForTimeout(60);
  await page.keyboard.press("1");
  await page.waitForTimeout(60);
  await page.keyboard.press("Delete");
  await page.waitForTimeout(60);
}
if (mode === "scroll" || mode === "keyscroll") {
  if (mode === "scroll") {
    await page.waitForTimeout(1e3);
    await cdp.send("Profiler.start");
  }
  console.log(JSON.stringify(await page.evaluate(async () => {
    const tasks = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push([Math.round(e.startTime), Math.round(e.duration)])));
    observer.observe({ type: "longtask", buffered: false });
    const reader = document.querySelector(".reader");
    reader.scrollTop = 0;
    const steps = 120;
    const step = (reader.scrollHeight - reader.clientHeight) / steps;
    const marks = [];
    for (let i = 1; i <= steps; i++) {
      const t = performance.now();
      reader.scrollTop = i * step;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 16)));
      const d = performance.now() - t;
      if (d > 50) marks.push([i, Math.round(d)]);
    }
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    return { tasks, marks, h: reader.scrollHeight };
  })));
}
var { profile } = await cdp.send("Profiler.stop");
console.log(JSON.stringify(await page.evaluate(() => performance.getEntries().filter((e) => e.name.startsWith("gloss") || e.name.includes("readDocument")).map((e) => [e.name.slice(-30), Math.round(e.startTime), Math.round(e.duration), Math.round(e.requestStart ?? 0), Math.round(e.responseStart ?? 0), Math.round(e.responseEnd ?? 0)]))));
var self = {};
var dt = {};
profile.samples.forEach((s, i) => dt[s] = (dt[s] ?? 0) + (profile.timeDeltas[i] ?? 0));
for (const n of profile.nodes) {
  const k = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`;
  self[k] = (self[k] ?? 0) + (dt[n.id] ?? 0);
}
Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, v]) => console.log((v / 1e3).toFixed(1) + "ms", k));
var parent = {};
for (const n of profile.nodes) for (const c of n.children ?? []) parent[c] = n.id;
var incl = {};
for (const n of profile.nodes) {
  const t = dt[n.id] ?? 0;
  if (!t) continue;
  const seen = /* @__PURE__ */ new Set();
  for (let id = n.id; id !== void 0; id = parent[id]) {
    const node = profile.nodes.find((x) => x.id === id);
    const k = `${node.callFrame.functionName || "(anon)"}:${node.callFrame.lineNumber}`;
    if (!seen.has(k)) {
      seen.add(k);
      incl[k] = (incl[k] ?? 0) + t;
    }
  }
}
console.log("--- inclusive");
Object.entries(incl).filter(([k]) => /ReaderLayout|EditorView|ReaderView|update:|init|splitIntoBlocks|showDocument|anchorAll|AnnotationList|commitRoot|performWorkOnRoot|json|placeAnnotations|DecorationSet|create:|buildTree|renderRootSync|flushSync|setHighlights|docViewDesc|updateStateInner|Reader/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, v]) => console.log((v / 1e3).toFixed(1) + "ms", k));
await browser.close();
await host.close();
await services.close();
