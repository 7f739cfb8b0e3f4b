// ../../tmp/prof.ts
import { promises as fs3 } from "node:fs";
import os from "node:os";
import path3 from "node:path";
import { chromium } from "playwright-core";

// bench/long-article.ts
import { promises as fs2 } from "node:fs";
import path2 from "node:path";

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
function serializeSidecar(sidecar) {
  return JSON.stringify(SidecarSchema.parse(sidecar), null, 2) + "\n";
}
function sidecarPathFor(sourcePath) {
  return sourcePath + SIDECAR_SUFFIX;
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

// shared/tags.ts
var DEFAULT_TAGS = [
  { id: "claim", label: "Claim", color: "#e0a800", key: "1" },
  { id: "quote", label: "Quote", color: "#2f7fd8", key: "2" },
  { id: "denial", label: "Denial", color: "#d9483b", key: "3" }
];

// host/services/source-files.ts
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";

// shared/errors.ts
var GlossError = class extends Error {
  code;
  constructor(code, message) {
    super(message);
    this.name = "GlossError";
    this.code = code;
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
  const name = path.basename(absPath);
  let bytes;
  try {
    const stat = await fs.stat(absPath);
    if (stat.size > MAX_SOURCE_BYTES) {
      throw new GlossError("too-large", `${name} is ${(stat.size / 1048576).toFixed(1)} MB; Gloss opens sources up to ${MAX_SOURCE_BYTES / 1048576} MB.`);
    }
    bytes = await fs.readFile(absPath);
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

// bench/long-article.ts
var LONG_ARTICLE = "long-article.txt";
async function makeLongArticle(dir2, bytes = 2 * 1024 * 1024, count = 1e4) {
  const text = generateText(bytes, 11);
  const file = path2.join(dir2, LONG_ARTICLE);
  await fs2.writeFile(file, text);
  const cp = new CodePointText(text);
  const spans = generateSpans(text, count, 12);
  const annotations = spans.map((s, i) => createAnnotation(cp, { tag: s.tag, start: s.start, end: s.end, id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, now: /* @__PURE__ */ new Date(0) }));
  const { fingerprint } = await loadSource(file);
  await fs2.writeFile(sidecarPathFor(file), serializeSidecar(buildSidecar(fingerprint, DEFAULT_TAGS, annotations)));
  return { file, text };
}

// ../../tmp/prof.ts
import { spawn } from "node:child_process";
var dir = await fs3.mkdtemp(path3.join(os.tmpdir(), "prof-"));
await makeLongArticle(dir);
var child = spawn(process.execPath, ["/work/main/dist/host/web-cli.mjs", dir, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
var host = await new Promise((resolve) => {
  let out = "";
  child.stdout.on("data", (c) => {
    out += c;
    const m = /running at (http:\/\/\S+)/.exec(out);
    if (m) resolve({ url: m[1] });
  });
});
var browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
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
child.kill();
