// The worker side of `cxrlab filter`: a batch of files in, one filter result each. Each worker
// loads the classifier once (one thread each: the pool gives the parallelism).
import { PixelScratch } from '@cxrlab/dicom';
import { OutlierClassifier, filterFile, type FilterOptions, type FilterResult, type ModelConfig } from '@cxrlab/filter';

/** What every file of a run shares, given once to each worker. */
export interface FilterSetup {
  options: FilterOptions;
  model: { path: string; config: ModelConfig } | undefined;
}

let settings: FilterSetup;
let classifier: OutlierClassifier | undefined;
/** This worker's pixel buffer, reused from file to file. */
const scratch = new PixelScratch();

export async function setup(data: unknown): Promise<void> {
  settings = data as FilterSetup;
  if (settings.model !== undefined) classifier = await OutlierClassifier.load(settings.model.path, settings.model.config, { threads: 1 });
}

export async function run(batch: string[]): Promise<FilterResult[]> {
  const results: FilterResult[] = [];
  for (const path of batch) results.push(await filterFile(path, settings.options, { scratch, ...(classifier ? { classifier } : {}) }));
  return results;
}
