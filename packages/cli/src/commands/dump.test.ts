import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDicomFileSync, toDicomJson } from '@cxrlab/dicom';
import { runCli } from '../run-cli.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..', '..', '..');
const fixture = (...p: string[]): string => resolve(repo, '..', 'shared', 'fixtures', 'dicom', ...p);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

describe('cxrlab dump', () => {
  it('prints a dcmdump-like listing with tags, VRs, values and keywords', async () => {
    const { code, stdout } = await cli('dump', fixture('edge', 'MR_small.dcm'));
    assert.equal(code, 0);
    assert.match(stdout, /^\(0002,0010\) UI \[1\.2\.840\.10008\.1\.2\.1\]\s+#\s+20, 1 TransferSyntaxUID$/m);
    assert.match(stdout, /^\(0010,0010\) PN \[CompressedSamples\^MR1\]\s+# +22, 1 PatientName$/m);
    assert.match(stdout, /^\(0028,0010\) US 64\s+# +2, 1 Rows$/m);
    assert.match(stdout, /^\(7fe0,0010\) OW [0-9a-f\\]+\.\.\.\s+# 8192, 1 PixelData$/m);
  });

  it('shows nested sequences and items', async () => {
    const { stdout } = await cli('dump', fixture('edge', 'test-SR.dcm'));
    assert.match(stdout, /^\(0040,a730\) SQ \(Sequence with (undefined|explicit) length #=\d+\)/m);
    assert.match(stdout, /^ {2}\(fffe,e000\) na \(Item with/m);
    assert.match(stdout, /^ {4}\(0040,a010\) CS \[/m);
  });

  it('--json prints the DICOM JSON model, equal to the library output', async () => {
    const { code, stdout } = await cli('dump', '--json', fixture('cr', 'CR-MONO1-10-chest.dcm'));
    assert.equal(code, 0);
    const expected = toDicomJson(readDicomFileSync(fixture('cr', 'CR-MONO1-10-chest.dcm')).dataSet);
    assert.deepEqual(JSON.parse(stdout), JSON.parse(JSON.stringify(expected)));
    const topLevelKeys = [...stdout.matchAll(/^ {2}"([0-9A-F]{8})"/gm)].map((m) => m[1]!);
    assert.ok(topLevelKeys.includes('20100100'));
    assert.deepEqual(topLevelKeys, [...topLevelKeys].sort(), 'attributes in tag order, for diffing against other tools');
  });

  it('--json --meta adds the file meta group', async () => {
    const { stdout } = await cli('dump', '--json', '--meta', fixture('edge', 'MR_small.dcm'));
    assert.deepEqual(JSON.parse(stdout)['00020010'], { vr: 'UI', Value: ['1.2.840.10008.1.2.1'] });
  });

  it('--bulk writes large binary values to files and refers to them by BulkDataURI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxrlab-bulk-'));
    const { stdout } = await cli('dump', '--json', '--bulk', dir, fixture('edge', 'MR_small.dcm'));
    const pixel = JSON.parse(stdout)['7FE00010'] as { BulkDataURI: string; InlineBinary?: string };
    assert.equal(pixel.InlineBinary, undefined);
    const path = fileURLToPath(pixel.BulkDataURI);
    const element = readDicomFileSync(fixture('edge', 'MR_small.dcm')).dataSet.get(0x7fe00010);
    assert.ok(element?.kind === 'bytes' && readFileSync(path).equals(Buffer.from(element.value)));
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  });

  it('--bulk files hold exactly the bytes InlineBinary would, for encapsulated pixel data too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxrlab-bulk-'));
    const source = fixture('edge', 'JPEG2000.dcm');
    const bulk = JSON.parse((await cli('dump', '--json', '--bulk', dir, '--bulk-threshold', '16', source)).stdout)['7FE00010'];
    const inline = JSON.parse((await cli('dump', '--json', source)).stdout)['7FE00010'];
    assert.ok(readFileSync(fileURLToPath(bulk.BulkDataURI)).equals(Buffer.from(inline.InlineBinary, 'base64')));
  });

  it('a bad file gives a clear error naming it, and the other files are still dumped', async () => {
    const missing = join(tmpdir(), 'no-such-file.dcm');
    const { code, stdout, stderr } = await cli('dump', missing, fixture('edge', 'MR_truncated.dcm'), fixture('edge', 'MR_small.dcm'));
    assert.equal(code, 1);
    assert.match(stderr, /no-such-file\.dcm: cannot open/);
    assert.match(stderr, /MR_truncated\.dcm: value length 8192 runs past the end of the data .*\(7FE0,0010\).*\[ERR_INVALID_LENGTH\]/);
    assert.match(stdout, /# .*MR_small\.dcm\n/);
  });

  it('--stop-before-pixels reads a truncated file\'s header', async () => {
    const { code, stdout } = await cli('dump', '--stop-before-pixels', fixture('edge', 'MR_truncated.dcm'));
    assert.equal(code, 0);
    assert.match(stdout, /# stopped before \(7FE0,0010\)/);
  });

  it('usage errors exit 2', async () => {
    assert.equal((await cli('dump')).code, 2);
    assert.equal((await cli('dump', '--json', 'a', 'b')).code, 2);
    assert.equal((await cli('frobnicate')).code, 2);
    const unknown = await cli('dump', '--frob', 'x.dcm');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--frob/);
    const help = await cli('dump', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--bulk DIR/);
  });

  it('the installed bin runs', () => {
    const bin = resolve(repo, 'node_modules', '.bin', 'cxrlab');
    assert.ok(existsSync(bin), 'npm links the cxrlab bin');
    const out = execFileSync(bin, ['dump', fixture('edge', 'MR_small.dcm')]).toString();
    assert.match(out, /PatientName/);
    const failed = spawnSync(bin, ['dump', join(tmpdir(), 'missing.dcm')]);
    assert.equal(failed.status, 1);
  });
});
