// `cxrlab import` arguments: the inputs, the project, the split and what to do with identified files.
import { parseArguments, oneOf } from '../../options.js';
import { UsageError } from '../../io.js';
import { SERVER_DATABASE_OPTIONS, type ServerDatabaseValues } from '../server/server-database.js';

export type Split = 'train' | 'test';

export interface ImportRequest {
  inputs: string[];
  project: string;
  split: Split;
  allowIdentified: boolean;
  /** Copy the files into the data dir (images/<project>/<image id>.dicom) instead of registering them where they are. */
  copy: boolean;
  database: ServerDatabaseValues;
}

const PROJECT_KEY = /^[A-Z][A-Z0-9_-]{0,31}$/;

export function parseImportArgs(args: string[]): ImportRequest {
  const { values, positionals } = parseArguments({
    args,
    allowPositionals: true,
    options: {
      project: { type: 'string' },
      split: { type: 'string' },
      'allow-identified': { type: 'boolean' },
      copy: { type: 'boolean' },
      ...SERVER_DATABASE_OPTIONS,
    },
  });
  if (positionals.length === 0) throw new UsageError('name at least one DICOM file or directory to import');
  if (values.project === undefined) throw new UsageError('--project KEY is required');
  if (!PROJECT_KEY.test(values.project)) throw new UsageError(`--project must be a project key (upper-case letters, digits, - and _), not "${values.project}"`);
  return {
    inputs: positionals,
    project: values.project,
    split: values.split === undefined ? 'train' : oneOf('--split', values.split, ['train', 'test'] as const),
    allowIdentified: values['allow-identified'] ?? false,
    copy: values.copy ?? false,
    database: { data: values.data, db: values.db },
  };
}
