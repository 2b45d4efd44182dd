import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DicomError, dumpP10, readDicomFile, stringifyDicomJson, toDicomJson, type DicomJson, type Element } from '@cxrlab/dicom';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { parseArguments } from '../options.js';
import type { Command } from '../run-cli.js';

const USAGE = `Usage: cxrlab dump FILE... [options]

Prints DICOM files: a readable listing like dcmdump, or the DICOM JSON model (PS3.18 Annex F).

Options:
  --json                 print the DICOM JSON model of the data set (one FILE)
  --meta                 with --json, include the file meta group (0002) as well
  --bulk DIR             with --json, write binary values larger than the threshold to files in DIR
                         and give them as BulkDataURI (file: URIs) instead of InlineBinary base64
  --bulk-threshold N     bytes above which a binary value is bulk data (default 1024)
  --stop-before-pixels   read only up to the pixel data
  --width N              widest value shown in the listing (default 64)
`;

/** Writes bulk values as files named by their data set path and returns file: URIs for them. */
function bulkWriter(dir: string): (bytes: Uint8Array, element: Element, path: string) => string {
  const root = resolve(dir);
  mkdirSync(root, { recursive: true });
  return (bytes, _element, path) => {
    const file = join(root, `${path.replaceAll('/', '.')}.bin`);
    const temp = `${file}.tmp`;
    writeFileSync(temp, bytes);
    renameSync(temp, file);
    return pathToFileURL(file).href;
  };
}

async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArguments({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      meta: { type: 'boolean', default: false },
      bulk: { type: 'string' },
      'bulk-threshold': { type: 'string', default: '1024' },
      'stop-before-pixels': { type: 'boolean', default: false },
      width: { type: 'string', default: '64' },
    },
  });
  if (positionals.length === 0) throw new UsageError('no FILE given');
  if (values.json && positionals.length > 1) throw new UsageError('--json takes one FILE');
  const threshold = Number(values['bulk-threshold']);
  const width = Number(values.width);
  if (!Number.isInteger(threshold) || threshold < 0) throw new UsageError('--bulk-threshold must be a whole number of bytes');
  if (!Number.isInteger(width) || width < 8) throw new UsageError('--width must be a whole number of at least 8');

  let failed = false;
  for (const path of positionals) {
    try {
      const file = await readDicomFile(path, { stopBeforePixelData: values['stop-before-pixels'] });
      if (values.json) {
        const options = values.bulk ? { bulkDataURI: bulkWriter(values.bulk), bulkDataThreshold: threshold } : {};
        const json: DicomJson = {
          ...(values.meta && file.fileMeta ? toDicomJson(file.fileMeta, options) : {}),
          ...toDicomJson(file.dataSet, options),
        };
        io.stdout.write(stringifyDicomJson(json, 2) + '\n');
      } else {
        if (positionals.length > 1) io.stdout.write(`# ${path}\n`);
        io.stdout.write(dumpP10(file, { maxValueWidth: width }));
      }
    } catch (error) {
      if (!(error instanceof DicomError)) throw error;
      io.stderr.write(`cxrlab dump: ${error.message} [${error.code}]\n`);
      failed = true;
    }
  }
  return failed ? ExitCode.failed : ExitCode.ok;
}

export const dumpCommand: Command = {
  name: 'dump',
  usage: USAGE,
  run,
};
