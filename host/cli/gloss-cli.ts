// `gloss` on the command line: the same services as the app, for pipelines.
//   gloss export <folder> --format jsonl|csv|w3c [--tags quote,denial] [--speaker NAME] [--out FILE] [--bom]
//   gloss stats <folder> [--json]
import { Command, Option } from 'commander';
import path from 'node:path';
import { EXPORT_FORMATS, exportFolder, folderStats, type ExportFormat } from '../services/corpus-export.js';

const EXTENSIONS: Record<ExportFormat, string> = { jsonl: 'jsonl', csv: 'csv', w3c: 'jsonld' };

const program = new Command();
program.name('gloss').description('Gloss: annotations of claims, quotes and denials, from the command line.').showHelpAfterError();

program
  .command('export')
  .description('Export the annotations of every article in a folder.')
  .argument('<folder>', 'the folder of articles and their .gloss.json sidecars')
  .addOption(new Option('-f, --format <format>', 'output format').choices(EXPORT_FORMATS as unknown as string[]).makeOptionMandatory())
  .option('-t, --tags <tags>', 'only these tags, comma-separated (e.g. quote,denial)', (v) => v.split(',').map((t) => t.trim()).filter(Boolean))
  .option('-s, --speaker <name>', 'only annotations whose speaker, claimant or denier is this person')
  .option('-o, --out <file>', 'output file (default: gloss-export.<ext> in the current folder)')
  .option('--bom', 'CSV: begin with a UTF-8 byte-order mark, so spreadsheet tools read accents right')
  .action(async (folder: string, options: { format: ExportFormat; tags?: string[]; speaker?: string; out?: string; bom?: boolean }) => {
    const out = path.resolve(options.out ?? `gloss-export.${EXTENSIONS[options.format]}`);
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    const result = await exportFolder(folder, {
      format: options.format,
      filter: { tags: options.tags, speaker: options.speaker },
      out,
      bom: options.bom,
      signal: controller.signal,
      onProgress: (done, total) => process.stderr.isTTY && process.stderr.write(`\rReading sidecars: ${done}/${total}`),
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    console.log(`Exported ${result.annotations} annotation${result.annotations === 1 ? '' : 's'} from ${result.sources} source${result.sources === 1 ? '' : 's'} to ${out}`);
    for (const s of result.skipped) console.error(`Skipped ${s.path}: ${s.reason}`);
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

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

program.parseAsync(process.argv).catch((err: Error) => {
  console.error(`gloss: ${err.message}`);
  process.exit(1);
});
