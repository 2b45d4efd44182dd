// One export snapshot's manifest: its files with size and SHA-256, each a download link (a plain
// GET with the session cookie).
import type { ExportManifest } from '@cxrlab/server/api-types';
import { LoadError } from '../ActionStatus.js';
import { formatBytes } from '../format.js';
import { useResource } from '../use-resource.js';

/** The download URL of a file of a snapshot; each segment of its path encoded. */
export const fileHref = (base: string, number: number, name: string): string => `${base}/${number}/files/${name.split('/').map(encodeURIComponent).join('/')}`;

export function ExportManifestView({ base, number }: { base: string; number: number }) {
  const manifest = useResource<ExportManifest>(`${base}/${number}`);
  const m = manifest.data;
  return (
    <div className="manifest" data-testid="export-manifest">
      <h3>
        Export #{number}
        {m !== undefined && ` · ${m.format} · ${m.files.length} files`}
      </h3>
      {manifest.error !== undefined && <LoadError error={manifest.error} retry={manifest.reload} />}
      {m !== undefined && (
        <>
          {m.counts.leftOut !== undefined && Object.keys(m.counts.leftOut).length > 0 && (
            <p className="muted small">
              Left out:{' '}
              {Object.entries(m.counts.leftOut)
                .map(([why, n]) => `${n} ${why}`)
                .join(', ')}
            </p>
          )}
          <table className="admin-table">
            <thead>
              <tr>
                <th>File</th>
                <th className="num">Size</th>
                <th>SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {m.files.map((f) => (
                <tr key={f.name}>
                  <td>
                    <a href={fileHref(base, number, f.name)} download>
                      {f.name}
                    </a>
                  </td>
                  <td className="num">{formatBytes(f.bytes)}</td>
                  <td className="sha" title={f.sha256}>
                    {f.sha256.slice(0, 16)}…
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
