// Images: upload, the image list, the import runs; after uploads all three (and the project's counts) reload.
import { useState } from 'react';
import type { TabProps } from '../AdminProjectPage.js';
import { ImageTable } from './ImageTable.js';
import { ImportRuns } from './ImportRuns.js';
import { UploadPanel } from './UploadPanel.js';

export function ImagesTab({ project, reloadProject }: TabProps) {
  const [generation, setGeneration] = useState(0);
  return (
    <div>
      <UploadPanel
        project={project}
        onFinished={() => {
          setGeneration((g) => g + 1);
          reloadProject();
        }}
      />
      <ImageTable projectKey={project.key} generation={generation} />
      <ImportRuns projectKey={project.key} generation={generation} />
    </div>
  );
}
