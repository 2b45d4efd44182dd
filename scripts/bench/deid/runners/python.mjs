// The Python rows of `npm run bench:deid`: the VinDr-CXR release script (pydicom) and pydicom + GDCM
// decoding, each timed two ways, in two processes:
//  - 'process': `python3 SCRIPT ... --bench --no-warmup`, spawn to exit (interpreter start, imports,
//    every file), as a user running the script sees it;
//  - 'in-run': `python3 SCRIPT ... --bench`, the script's own timing of its loop over the files,
//    after its imports and one untimed warm-up file.
import { GDCM_PY, PYTHON, VINDR_PY } from '../config.mjs';
import { tools } from '../tools.mjs';
import { countDicom, run, tail } from '../util.mjs';

/** Runs a Python script that prints one JSON line; { ...its JSON, wall, user } or { problem }. */
export function python(script, args, account = false) {
  if (tools.pythonProblem) return { problem: tools.pythonProblem };
  const r = run(PYTHON, [script, ...args], { account });
  let out;
  try {
    out = JSON.parse((r.stdout || '').trim().split('\n').pop());
  } catch { /* below */ }
  if (r.error || !out || out.error) return { problem: out?.error ?? (r.error ? r.error.message : `exit ${r.status}: ${tail(r.stderr)}`) };
  return { ...out, wall: r.seconds, user: r.user, status: r.status };
}

const firstFailure = (r) => Object.values(r.failed ?? {})[0] ?? '';

function vindr(timed) {
  return ({ dir, files }, out) => {
    if (tools.pythonProblem) return { skipped: true };
    const r = python(VINDR_PY, ['deid', dir, out, '--bench', ...(timed === 'process' ? ['--no-warmup'] : [])], true);
    if (r.problem) return r;
    const failed = Object.keys(r.failed ?? {}).length;
    const written = countDicom(out);
    if (failed || written !== files.length) return { problem: `${failed} failed, ${written} of ${files.length} written: ${firstFailure(r)}` };
    return timed === 'process' ? { seconds: r.wall, user: r.user, loop: r.seconds } : { seconds: r.seconds, user: r.user, wall: r.wall };
  };
}

function gdcm(timed) {
  return ({ dir, files }) => {
    if (tools.pythonProblem) return { skipped: true };
    const r = python(GDCM_PY, [dir, ...(timed === 'process' ? ['--no-warmup'] : [])], true);
    if (r.problem) return r;
    const failed = Object.keys(r.failed ?? {}).length;
    if (failed || r.files !== files.length) return { problem: `${failed} of ${files.length} failed: ${firstFailure(r)}` };
    return timed === 'process' ? { seconds: r.wall, user: r.user, loop: r.seconds } : { seconds: r.seconds, user: r.user, wall: r.wall };
  };
}

export const pythonSteps = {
  pydicomProcess: { key: 'pydicom-process', label: 'pydicom: VinDr release script, whole process', group: 'python', timed: 'process', run: vindr('process') },
  pydicomInRun: { key: 'pydicom-inrun', label: 'pydicom: VinDr release script, in-run (its loop)', group: 'python', timed: 'in-run', verify: true, run: vindr('in-run') },
  gdcmProcess: { key: 'gdcm-process', label: 'pydicom + GDCM: decode only, whole process', group: 'python', timed: 'process', noOutput: true, run: gdcm('process') },
  gdcmInRun: { key: 'gdcm-inrun', label: 'pydicom + GDCM: decode only, in-run (its loop)', group: 'python', timed: 'in-run', noOutput: true, run: gdcm('in-run') },
};

/** Reads every output back with pydicom and checks it against the inputs (vindr_deid.py verify). */
export const verifyOutputs = (out, inputs) => python(VINDR_PY, ['verify', out, '--inputs', inputs]);
