import { DicomError } from '@cxrlab/dicom';
import { ExitCode, UsageError, type CliIO } from './io.js';

export interface Command {
  name: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

/** The commands, each loaded only when it runs (convert and synth pull in the codecs). */
const COMMANDS: Array<{ name: string; summary: string; load(): Promise<Command> }> = [
  { name: 'dump', summary: 'print a DICOM file as a listing or as DICOM JSON', load: async () => (await import('./commands/dump.js')).dumpCommand },
  { name: 'convert', summary: 'convert DICOM files to PNG, 16-bit PNG, JPEG or NumPy, in parallel and resumably', load: async () => (await import('./commands/convert.js')).convertCommand },
  { name: 'deid', summary: 'de-identify DICOM images (VinDr-CXR whitelist or PS3.15 Basic Profile, burned-in text), and verify the result', load: async () => (await import('./commands/deid.js')).deidCommand },
  { name: 'filter', summary: 'keep adult frontal chest X-rays: header rules, image quality and a CNN, with a reason for every drop', load: async () => (await import('./commands/filter.js')).filterCommand },
  { name: 'serve', summary: 'run the labelling platform: projects, blinded reading, consensus review, exports (SQLite or PostgreSQL); --demo seeds a demo study', load: async () => (await import('./commands/serve.js')).serveCommand },
  { name: 'import', summary: "register de-identified DICOM images in a platform project (headers only; refuses files that still identify a patient)", load: async () => (await import('./commands/import.js')).importCommand },
  { name: 'stats', summary: "a dataset's Table 2 (label counts by majority vote, images, readers, sizes, ages) and the label chart, as text, JSON, SVG or HTML", load: async () => (await import('./commands/stats.js')).statsCommand },
  { name: 'fuse', summary: "fuse the readers' boxes into consensus boxes (Weighted Boxes Fusion, majority, union, intersection)", load: async () => (await import('./commands/fuse.js')).fuseCommand },
  { name: 'agreement', summary: "inter-reader agreement: Fleiss' and Cohen's kappa for labels, matched IoU and F1 for boxes", load: async () => (await import('./commands/agreement.js')).agreementCommand },
  { name: 'eval', summary: 'score a detection submission with the VinBigData challenge metric (mAP at IoU 0.4)', load: async () => (await import('./commands/eval.js')).evalCommand },
  { name: 'export', summary: "convert annotations to COCO JSON, YOLO txt, Kaggle train.csv or a submission; with --project, snapshot a platform project's labels", load: async () => (await import('./commands/export.js')).exportCommand },
  { name: 'synth-release', summary: 'write a synthetic VinDr-CXR release (annotations and labels of any size) for tests and benchmarks', load: async () => (await import('./commands/synth-release.js')).synthReleaseCommand },
  { name: 'synth', summary: 'write synthetic chest radiographs (CR / DX) in any of six transfer syntaxes', load: async () => (await import('./commands/synth.js')).synthCommand },
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'cxrlab - build and work with expert-labelled chest X-ray datasets',
    '',
    'Usage: cxrlab <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `cxrlab <command> --help` for a command\'s options.',
    '',
  ].join('\n');
}

/** Runs one cxrlab invocation and returns its exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === '--version') {
    io.stdout.write('cxrlab 0.1.0\n');
    return ExitCode.ok;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`cxrlab: unknown command "${name}"\n\n${help()}`);
    return ExitCode.usage;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.usage);
    return ExitCode.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`cxrlab ${name}: ${error.message}\n\n${command.usage}`);
      return ExitCode.usage;
    }
    if (error instanceof DicomError) {
      io.stderr.write(`cxrlab ${name}: ${error.message} [${error.code}]\n`);
      return ExitCode.failed;
    }
    // a bad row in a dataset file (@cxrlab/dataset, not imported here: commands load it themselves)
    if (error instanceof Error && error.name === 'DatasetFormatError') {
      io.stderr.write(`cxrlab ${name}: ${error.message}\n`);
      return ExitCode.failed;
    }
    throw error;
  }
}
