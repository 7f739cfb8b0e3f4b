// `gloss` on the command line: the same services as the app, for pipelines (docs/EXPORTS.md).
//   gloss export <folder> --format jsonl|csv|w3c|bundle|brat|claimreview|html [--tags quote,denial] [--speaker NAME] [--out FILE|DIR] [--bom]
//   gloss import <folder> --from brat|w3c <input> [--source PATH]
//   gloss stats <folder> [--json]
//   gloss suggest <file> [--json] [--tags quote,claim] [--min-confidence 0.5]
import { Command, Option } from 'commander';
import path from 'node:path';
import type { Suggestion, SuggestionTag } from '../../shared/suggestions/suggest.js';
import { DEFAULT_EXPORT_NAMES, EXPORT_FORMATS, folderStats, FOLDER_FORMATS, type ExportFormat } from '../services/corpus-export.js';
import { runExport } from '../services/export-runner.js';
import { importBratInto, importW3cInto } from '../services/corpus-import.js';
import { loadSource } from '../services/source-files.js';

const program = new Command();
program.name('gloss').description('Gloss: annotations of claims, quotes and denials, from the command line.').showHelpAfterError();

program
  .command('export')
  .description('Export the annotations of every article in a folder.')
  .argument('<folder>', 'the folder of articles and their .gloss.json sidecars')
  .addOption(new Option('-f, --format <format>', 'output format').choices(EXPORT_FORMATS as unknown as string[]).makeOptionMandatory())
  .option('-t, --tags <tags>', 'only these tags, comma-separated (e.g. quote,denial)', (v) => v.split(',').map((t) => t.trim()).filter(Boolean))
  .option('-s, --speaker <name>', 'only annotations whose speaker, claimant or denier is this person')
  .option('-o, --out <path>', 'output file; for brat a new (or empty) folder (default: gloss-export.<ext>, gloss-brat, gloss-report.html… in the current folder)')
  .option('--bom', 'CSV: begin with a UTF-8 byte-order mark, so spreadsheet tools read accents right')
  .option('--publisher <name>', 'ClaimReview: the fact-checking organization (author and sdPublisher)')
  .option('--publisher-url <url>', 'ClaimReview: its web site')
  .option('--review-url <url>', 'ClaimReview: the page the reviews are published on (each review is <url>#<id>)')
  .option('--source-url <url>', 'ClaimReview: base URL of the articles (the claim appears at <url><source path>)')
  .action(async (folder: string, options: { format: ExportFormat; tags?: string[]; speaker?: string; out?: string; bom?: boolean; publisher?: string; publisherUrl?: string; reviewUrl?: string; sourceUrl?: string }) => {
    const out = path.resolve(options.out ?? DEFAULT_EXPORT_NAMES[options.format]);
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    const result = await runExport(folder, {
      format: options.format,
      filter: { tags: options.tags, speaker: options.speaker },
      out,
      bom: options.bom,
      claimReview: {
        publisher: options.publisher ? { name: options.publisher, url: options.publisherUrl } : undefined,
        reviewUrlBase: options.reviewUrl,
        sourceUrlBase: options.sourceUrl,
      },
      signal: controller.signal,
      onProgress: (done, total) => process.stderr.isTTY && process.stderr.write(`\rReading sidecars: ${done}/${total}`),
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const what = options.format === 'claimreview' ? 'claim review' : 'annotation';
    console.log(`Exported ${result.annotations} ${what}${result.annotations === 1 ? '' : 's'} from ${result.sources} source${result.sources === 1 ? '' : 's'} to ${out}${FOLDER_FORMATS.includes(options.format) ? path.sep : ''}`);
    for (const s of result.skipped) console.error(`Skipped ${s.path}: ${s.reason}`);
    for (const p of result.problems) console.error(`${p.path}: ${p.message}`);
  });

program
  .command('import')
  .description('Import annotations made in brat or as W3C Web Annotations into the sidecars of a folder (merged by annotation id).')
  .argument('<folder>', 'the Gloss folder to import into')
  .argument('<input>', 'brat: an .ann file or a folder of .ann + .txt pairs; w3c: a JSON(-LD) file')
  .addOption(new Option('--from <format>', 'what the input is').choices(['brat', 'w3c']).makeOptionMandatory())
  .option('--source <path>', 'w3c: the article (folder-relative) every annotation belongs to, instead of the targets\' source IRIs')
  .option('--tag <tag>', 'w3c: tag for annotations without a tagging body', 'annotation')
  .action(async (folder: string, input: string, options: { from: 'brat' | 'w3c'; source?: string; tag: string }) => {
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    const result =
      options.from === 'brat'
        ? await importBratInto(folder, input, { signal: controller.signal })
        : await importW3cInto(folder, input, { signal: controller.signal, source: options.source, defaultTag: options.tag });
    for (const p of result.problems) console.error(`${p.path}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    console.log(`Imported ${result.annotations} annotation${result.annotations === 1 ? '' : 's'} into ${result.written.length} sidecar${result.written.length === 1 ? '' : 's'}${result.problems.length ? ` (${result.problems.length} reported above)` : ''}.`);
  });

program
  .command('stats')
  .description('Count the annotations of a folder by tag and by person.')
  .argument('<folder>', 'the folder of articles')
  .option('--json', 'print JSON')
  .action(async (folder: string, options: { json?: boolean }) => {
    const stats = await folderStats(folder);
    if (options.json) {
      console.log(JSON.stringify(stats, null, 2));
      return;
    }
    console.log(`${stats.annotations} annotations in ${stats.annotatedSources} of ${stats.sources} sources`);
    for (const [tag, n] of Object.entries(stats.byTag).sort((a, b) => b[1] - a[1])) console.log(`  ${tag.padEnd(12)} ${n}`);
    const people = Object.entries(stats.byPerson).sort((a, b) => sum(b[1]) - sum(a[1]));
    if (people.length) console.log('By person:');
    for (const [person, byTag] of people) console.log(`  ${person.padEnd(28)} ${Object.entries(byTag).map(([t, n]) => `${t} ${n}`).join(', ')}`);
    for (const s of stats.skipped) console.error(`Skipped ${s.path}: ${s.reason}`);
  });

program
  .command('suggest')
  .description('Suggest quotes (with speakers), claims and denials for one source, as the app does. Offsets are code points.')
  .argument('<file>', 'a .txt or .md source')
  .option('--json', 'print JSON: the suggestions with offsets, attributes, confidence, rule and links')
  .addOption(new Option('-t, --tags <tags>', 'only these tags, comma-separated (quote,claim,denial)').argParser((v) => v.split(',').map((t) => t.trim()).filter(Boolean)))
  .option('-m, --min-confidence <n>', 'leave out suggestions below this confidence (0–1)', (v) => Number(v))
  .action(async (file: string, options: { json?: boolean; tags?: string[]; minConfidence?: number }) => {
    const unknown = (options.tags ?? []).filter((t) => !['quote', 'claim', 'denial'].includes(t));
    if (unknown.length) throw new Error(`unknown tag ${unknown.join(', ')}; the suggestion tags are quote, claim and denial.`);
    const { text, fingerprint } = await loadSource(path.resolve(file));
    const started = performance.now();
    // Loaded here: its language model (compromise) takes a good part of a second to load.
    const { suggest } = await import('../../shared/suggestions/suggest.js');
    const suggestions = suggest(text, { tags: options.tags as SuggestionTag[] | undefined, minConfidence: options.minConfidence });
    const ms = performance.now() - started;
    if (options.json) {
      console.log(JSON.stringify({ source: fingerprint, suggestions }, null, 2));
      return;
    }
    console.log(suggestionTable(suggestions));
    const counts = ['quote', 'claim', 'denial'].map((t) => `${suggestions.filter((s) => s.tag === t).length} ${t}${suggestions.filter((s) => s.tag === t).length === 1 ? '' : 's'}`);
    console.log(`\n${fingerprint.name}: ${counts.join(', ')} suggested in ${ms.toFixed(0)} ms (offsets in code points, ${fingerprint.encoding}).`);
  });

/** A plain-text table of suggestions: one line each, the text shortened to fit. */
function suggestionTable(list: Suggestion[]): string {
  const short = (s: string, n: number) => {
    const flat = s.replace(/\s+/g, ' ');
    return flat.length <= n ? flat : `${flat.slice(0, n - 13)}…${flat.slice(-12)}`;
  };
  const ids = new Map(list.map((s, i) => [s.id, i + 1]));
  const rows = list.map((s, i) => [
    String(i + 1),
    s.tag,
    `${s.start}–${s.end}`,
    short(s.exact, 48),
    s.attributes.speaker ?? s.attributes.claimant ?? s.attributes.denier ?? '',
    s.attributes.cue ?? '',
    s.confidence.toFixed(2),
    s.rule + (s.links?.length ? ` → #${ids.get(s.links[0]!.target)}` : ''),
  ]);
  const head = ['#', 'tag', 'code points', 'text', 'speaker / claimant / denier', 'cue', 'conf.', 'rule'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((v, c) => (c === r.length - 1 ? v : v.padEnd(widths[c]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

program.parseAsync(process.argv).catch((err: Error) => {
  console.error(`gloss: ${err.message}`);
  process.exit(1);
});
