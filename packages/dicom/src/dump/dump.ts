import { formatTag } from '../core/tag.js';
import type { DataSet } from '../data/data-set.js';
import type { Element } from '../data/element.js';
import { lookupTag } from '../dictionary/lookup.js';
import type { P10File } from '../p10/p10-file.js';
import { decodeElement, elementStrings } from '../values/decode.js';
import { formatPersonName } from '../values/person-name.js';
import { tagHex } from '../core/tag.js';

export interface DumpOptions {
  /** Longest printed value before it is cut with "..." (default 64 characters). */
  maxValueWidth?: number;
}

const VALUE_COLUMN = 52;

function describe(ds: DataSet, element: Element, width: number): string {
  const v = decodeElement(ds, element);
  let text: string;
  switch (v.type) {
    case 'strings':
      text = `[${v.values.join('\\')}]`;
      break;
    case 'personNames':
      text = `[${v.values.map(formatPersonName).join('\\')}]`;
      break;
    case 'numbers':
      // IS and DS are shown as written, like dcmdump, so an invalid value such as "1A" is visible.
      text = element.kind === 'bytes' && (element.vr === 'IS' || element.vr === 'DS')
        ? elementStrings(ds, element).join('\\')
        : v.values.map(String).join('\\');
      break;
    case 'bigints':
      text = v.values.map(String).join('\\');
      break;
    case 'tags':
      text = v.values.map((t) => formatTag(t)).join('\\');
      break;
    case 'bytes': {
      const shown = Math.min(v.value.length, Math.ceil(width / 3));
      text = Array.from(v.value.subarray(0, shown), (b) => b.toString(16).padStart(2, '0')).join('\\');
      if (shown < v.value.length) text += '...';
      break;
    }
    default:
      text = '';
  }
  if (text === '' || text === '[]') text = '(no value available)';
  return text.length > width ? `${text.slice(0, width - 3)}...` : text;
}

function line(indent: number, head: string, value: string, length: string, vm: number | string, tag: number | string): string {
  const left = `${'  '.repeat(indent)}${head} ${value}`;
  const name = typeof tag === 'number' ? lookupTag(tag)?.keyword ?? (tagHex(tag).startsWith('0') || (tag >>> 16) % 2 === 0 ? 'Unknown Tag & Data' : 'PrivateTag') : tag;
  return `${left.padEnd(VALUE_COLUMN)} # ${length.padStart(3)}, ${vm} ${name}`;
}

function dumpDataSet(ds: DataSet, indent: number, width: number, out: string[]): void {
  for (const element of ds.elements()) {
    const tag = formatTag(element.tag).toLowerCase();
    if (element.kind === 'sequence') {
      const lengthNote = element.undefinedLength ? 'undefined length' : 'explicit length';
      out.push(line(indent, `${tag} ${element.vr === 'UN' ? 'UN' : 'SQ'}`, `(Sequence with ${lengthNote} #=${element.items.length})`,
        element.undefinedLength ? 'u/l' : '?', 1, element.tag));
      element.items.forEach((item) => {
        out.push(line(indent + 1, '(fffe,e000) na', `(Item with ${item.undefinedLength ? 'undefined' : 'explicit'} length #=${item.dataSet.size})`,
          item.undefinedLength ? 'u/l' : '?', 1, 'Item'));
        dumpDataSet(item.dataSet, indent + 2, width, out);
        out.push(line(indent + 1, '(fffe,e00d) na', '(ItemDelimitationItem)', '0', 0, 'ItemDelimitationItem'));
      });
      out.push(line(indent, '(fffe,e0dd) na', '(SequenceDelimitationItem)', '0', 0, 'SequenceDelimitationItem'));
      continue;
    }
    if (element.kind === 'fragments') {
      out.push(line(indent, `${tag} ${element.vr}`, `(PixelSequence #=${element.fragments.length + 1})`, 'u/l', 1, element.tag));
      [element.offsetTable, ...element.fragments].forEach((f, i) => {
        const preview = Array.from(f.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('\\');
        out.push(line(indent + 1, '(fffe,e000) pi', (preview || '(no value available)') + (f.length > 8 ? '...' : ''), String(f.length), 1,
          i === 0 ? 'Item (Basic Offset Table)' : 'Item'));
      });
      out.push(line(indent, '(fffe,e0dd) na', '(SequenceDelimitationItem)', '0', 0, 'SequenceDelimitationItem'));
      continue;
    }
    const v = decodeElement(ds, element);
    const vm = v.type === 'bytes' ? (v.value.length ? 1 : 0) : 'values' in v ? v.values.length : 1;
    out.push(line(indent, `${tag} ${element.vr}`, describe(ds, element, width), String(element.value.length), vm, element.tag));
  }
}

/** A readable listing of a file, in the spirit of dcmtk's dcmdump. */
export function dumpP10(file: P10File, options: DumpOptions = {}): string {
  const width = options.maxValueWidth ?? 64;
  const out: string[] = ['# Dicom-File-Format', ''];
  if (file.fileMeta) {
    out.push('# Dicom-Meta-Information-Header', '# Used TransferSyntax: Little Endian Explicit');
    dumpDataSet(file.fileMeta, 0, width, out);
    out.push('');
  }
  out.push('# Dicom-Data-Set', `# Used TransferSyntax: ${file.transferSyntax.name}${file.info.transferSyntaxInferred ? ' (inferred)' : ''}`);
  dumpDataSet(file.dataSet, 0, width, out);
  if (file.info.stoppedBeforeTag !== undefined) out.push(`# stopped before ${formatTag(file.info.stoppedBeforeTag)}`);
  return out.join('\n') + '\n';
}

