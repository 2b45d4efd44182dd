#!/usr/bin/python3
"""Generate the goldens for packages/dataset/src/fusion/wbf-goldens.test.ts: Weighted Boxes Fusion
computed in NumPy the way ZFTurbo's ensemble_boxes (ensemble_boxes_wbf.py) computes it, written
from that code's structure (prefilter_boxes, find_matching_box_quickly, get_weighted_box, the
conf_type rescaling), not from the TypeScript.

Run from anywhere with Debian's Python (python3-numpy, nothing else):

    /usr/bin/python3 scripts/goldens/generate_fusion_goldens.py

As the reference requires, boxes are normalised to [0, 1] by the image size before fusion and the
fused boxes scaled back to pixels, so the goldens also check that fusing in pixels (as the
TypeScript does) gives the same result. Deliberate differences from ensemble_boxes, shared with the
TypeScript: float64 throughout (the reference averages in float32); boxes of equal weighted score
are taken in input order and clusters of equal confidence output in creation order (the reference
uses numpy's argsort, whose tie order is unspecified). Cases are redrawn when any IoU compared
lies within 1e-9 of the threshold, or two clusters tie for a box, so float rounding cannot flip a
decision.

Per case (50 seeded images, 3 readers, 1-4 boxes each jittered around 1-3 shared centres, some far
boxes, some readers with two boxes on one finding): the flat input (reader, box, score), the
options (iou_thr, skip_box_thr, conf_type, weights, allows_overflow) and the expected fused boxes
(pixels), confidences, distinct readers and member indices; also the majority / union /
intersection boxes over the clusters formed with unit scores and weights.
Output: packages/dataset/test-assets/fusion/wbf-goldens.json (deterministic, sorted keys).
"""
import json
import math
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'packages', 'dataset', 'test-assets', 'fusion', 'wbf-goldens.json')
READERS = ['R8', 'R9', 'R10']
CONF_TYPES = ['avg', 'max', 'box_and_model_avg', 'absent_model_aware_avg']


class NearTie(Exception):
    pass


def prefilter(boxes_list, scores_list, weights, thr):
    """Rows [score x weight, weight, model, x1, y1, x2, y2, flat index], by decreasing weighted score (ties: flat index)."""
    rows = []
    for t in range(len(boxes_list)):
        for (x1, y1, x2, y2, index), score in zip(boxes_list[t], scores_list[t]):
            if score < thr:
                continue
            x1, x2 = min(x1, x2), max(x1, x2)
            y1, y2 = min(y1, y2), max(y1, y2)
            if (x2 - x1) * (y2 - y1) == 0.0:
                continue
            rows.append([score * weights[t], weights[t], t, x1, y1, x2, y2, index])
    rows = np.array(rows, dtype=np.float64).reshape(-1, 8)
    return rows[np.lexsort((rows[:, 7], -rows[:, 0]))]


def iou_array(boxes, new_box):
    xa = np.maximum(boxes[:, 0], new_box[0])
    ya = np.maximum(boxes[:, 1], new_box[1])
    xb = np.minimum(boxes[:, 2], new_box[2])
    yb = np.minimum(boxes[:, 3], new_box[3])
    inter = np.maximum(xb - xa, 0) * np.maximum(yb - ya, 0)
    area_a = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    area_b = (new_box[2] - new_box[0]) * (new_box[3] - new_box[1])
    return inter / (area_a + area_b - inter)


def find_matching_box(weighted, new_box, thr):
    if weighted.shape[0] == 0:
        return -1
    ious = iou_array(weighted[:, 3:7], new_box[3:7])
    if np.any(np.abs(ious - thr) < 1e-9):
        raise NearTie('IoU at the threshold')
    best = int(np.argmax(ious))
    if ious[best] <= thr:
        return -1
    if np.sum(np.abs(ious - ious[best]) < 1e-9) > 1:
        raise NearTie('two clusters tie')
    return best


def weighted_box(members):
    """Row [conf (not averaged), weight sum, -1, x1, y1, x2, y2, -1]; coordinates weighted by score x weight."""
    box = np.zeros(8, dtype=np.float64)
    for b in members:
        box[3:7] += b[0] * b[3:7]
        box[0] += b[0]
        box[1] += b[1]
    box[3:7] /= box[0]
    return box


def cluster(rows, thr):
    clusters, weighted = [], np.empty((0, 8))
    for row in rows:
        i = find_matching_box(weighted, row, thr)
        if i == -1:
            clusters.append([row.copy()])
            weighted = np.vstack((weighted, row.copy()))
        else:
            clusters[i].append(row)
            weighted[i] = weighted_box(clusters[i])
    return clusters, weighted


def wbf(boxes_list, scores_list, weights, iou_thr, skip_box_thr, conf_type, allows_overflow):
    weights = np.array(weights, dtype=np.float64)
    clusters, weighted = cluster(prefilter(boxes_list, scores_list, weights, skip_box_thr), iou_thr)
    out = []
    for i, members in enumerate(clusters):
        m = np.array(members)
        n = len(members)
        conf = m[:, 0].max() if conf_type == 'max' else m[:, 0].sum() / n
        models = np.unique(m[:, 2]).astype(int)
        if conf_type == 'box_and_model_avg':
            conf = conf * n / m[:, 1].sum()
            conf = conf * weights[models].sum() / weights.sum()
        elif conf_type == 'absent_model_aware_avg':
            mask = np.ones(len(weights), dtype=bool)
            mask[models] = False
            conf = conf * n / (m[:, 1].sum() + weights[mask].sum())
        elif conf_type == 'max':
            conf = conf / weights.max()
        elif not allows_overflow:
            conf = conf * min(len(weights), n) / weights.sum()
        else:
            conf = conf * n / weights.sum()
        out.append({'order': i, 'box': weighted[i, 3:7], 'confidence': float(conf), 'readers': len(models), 'members': sorted(int(x) for x in m[:, 7])})
    out.sort(key=lambda f: (-f['confidence'], f['order']))
    return out


def draw_case(rng, k):
    width, height = int(rng.integers(1500, 3500)), int(rng.integers(1500, 3500))
    centres = [(rng.uniform(0.2, 0.8) * width, rng.uniform(0.2, 0.8) * height, rng.uniform(60, 500), rng.uniform(60, 500)) for _ in range(int(rng.integers(1, 4)))]
    unit = k % 2 == 0
    flat = []
    for reader in READERS:
        for _ in range(int(rng.integers(1, 5))):
            if rng.random() < 0.15:
                cx, cy, w, h = rng.uniform(0.1, 0.9) * width, rng.uniform(0.1, 0.9) * height, rng.uniform(40, 300), rng.uniform(40, 300)
            else:
                cx, cy, w, h = centres[int(rng.integers(len(centres)))]
                cx, cy = cx + rng.normal(0, 0.12) * w, cy + rng.normal(0, 0.12) * h
                w, h = w * math.exp(rng.normal(0, 0.15)), h * math.exp(rng.normal(0, 0.15))
            box = [max(0.0, cx - w / 2), max(0.0, cy - h / 2), min(float(width), cx + w / 2), min(float(height), cy + h / 2)]
            flat.append({'reader': reader, 'box': box, 'score': 1.0 if unit else float(np.round(rng.uniform(0.05, 1.0), 6))})
    order = rng.permutation(len(flat))
    flat = [flat[int(i)] for i in order]
    options = {
        'iouThreshold': [0.4, 0.4, 0.55, 0.3][k % 4],
        'skipBoxThreshold': 0.0 if unit or k % 3 else 0.3,
        'confType': CONF_TYPES[(k // 2) % 4],
        'weights': {r: float(rng.choice([1.0, 2.0, 0.5, 1.5])) for r in READERS} if k % 5 == 1 else {},
        'allowsOverflow': k % 7 == 3,
    }
    return {'name': f'case-{k:02d}', 'width': width, 'height': height, 'readers': READERS, 'boxes': flat, 'options': options}


def fuse_case(case):
    w, h, opts = case['width'], case['height'], case['options']
    scale = np.array([w, h, w, h], dtype=np.float64)
    per_model = lambda r: [list(np.array(b['box']) / scale) + [i] for i, b in enumerate(case['boxes']) if b['reader'] == r]
    boxes_list = [per_model(r) for r in READERS]
    scores_list = [[b['score'] for b in case['boxes'] if b['reader'] == r] for r in READERS]
    weights = [opts['weights'].get(r, 1.0) for r in READERS]
    fused = wbf(boxes_list, scores_list, weights, opts['iouThreshold'], opts['skipBoxThreshold'], opts['confType'], opts['allowsOverflow'])
    wbf_out = [{'box': [float(v) for v in f['box'] * scale], 'confidence': f['confidence'], 'readers': f['readers'], 'members': f['members']} for f in fused]
    unit = wbf(boxes_list, [[1.0] * len(s) for s in scores_list], [1.0] * 3, opts['iouThreshold'], -math.inf, 'avg', False)
    strategies = {'majority': [], 'union': [], 'intersection': []}
    for f in sorted(unit, key=lambda f: f['order']):
        boxes = np.array([case['boxes'][i]['box'] for i in f['members']])
        for name, box, keep in [('majority', boxes.mean(axis=0), f['readers'] >= 2),
                                ('union', np.concatenate([boxes[:, :2].min(axis=0), boxes[:, 2:].max(axis=0)]), True),
                                ('intersection', np.concatenate([boxes[:, :2].max(axis=0), boxes[:, 2:].min(axis=0)]), f['readers'] == 3)]:
            if keep and box[2] > box[0] and box[3] > box[1]:
                strategies[name].append({'box': [float(v) for v in box], 'readers': f['readers'], 'members': f['members']})
    return {**case, 'expected': {'wbf': wbf_out, **strategies}}


def main():
    rng = np.random.default_rng(20260101)
    cases, redrawn = [], 0
    while len(cases) < 50:
        try:
            cases.append(fuse_case(draw_case(rng, len(cases))))
        except NearTie:
            redrawn += 1
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as f:
        json.dump({'generator': 'scripts/goldens/generate_fusion_goldens.py', 'cases': cases}, f, sort_keys=True, indent=1)
        f.write('\n')
    print(f'wrote {len(cases)} cases ({redrawn} redrawn) to {os.path.relpath(OUT)}')


if __name__ == '__main__':
    main()
