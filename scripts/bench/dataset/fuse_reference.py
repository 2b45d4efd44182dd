#!/usr/bin/python3
"""The reference for row (c) of `npm run bench:dataset`: the readers' boxes of annotations_train.csv
fused per image and class by Weighted Boxes Fusion, with wbf() of
scripts/goldens/generate_fusion_goldens.py (NumPy, after ZFTurbo's ensemble_boxes), written as
consensus rows like `cxrlab fuse --method wbf`.

    /usr/bin/python3 fuse_reference.py ANNOTATIONS_TRAIN.csv OUT.csv [IOU]

Per image, its readers are the distinct rad_ids of all its rows; per class, each reader's boxes (score
1, weight 1, conf_type avg) go to wbf(); a fused box's score is the number of distinct readers in its
cluster. A boxless label (No finding) is kept once when at least ceil(n/2) of the n readers gave it.
The goldens' find_matching_box refuses IoUs within 1e-9 of the threshold (so that its cases cannot
flip on rounding); here it is replaced by the same test without that refusal (a box joins the
cluster of highest IoU, the first on ties, when IoU > threshold). Boxes are fused in pixels (the
goldens check that this equals fusing normalised boxes). Output: image_id,class_name,x_min,y_min,
x_max,y_max,score sorted by image, class, boxless first, then corners. Prints one JSON line:
{"rows", "boxes", "seconds": {"read", "fuse", "write"}}.
"""
import csv
import json
import math
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'goldens'))
import generate_fusion_goldens as goldens  # noqa: E402


def find_matching_box(weighted, new_box, thr):
    if weighted.shape[0] == 0:
        return -1
    ious = goldens.iou_array(weighted[:, 3:7], new_box[3:7])
    best = int(np.argmax(ious))
    return best if ious[best] > thr else -1


goldens.find_matching_box = find_matching_box


def read(path):
    images = {}  # image -> (readers {rad: index}, boxes {class: [(rad, box)]}, boxless {class: {rad}})
    with open(path, newline='') as f:
        for r in csv.DictReader(f):
            readers, boxes, boxless = images.setdefault(r['image_id'], ({}, {}, {}))
            rad = r.get('rad_id') or ''
            readers.setdefault(rad, len(readers))
            if r['x_min'] == '':
                boxless.setdefault(r['class_name'], set()).add(rad)
            else:
                boxes.setdefault(r['class_name'], []).append((rad, [float(r[k]) for k in ('x_min', 'y_min', 'x_max', 'y_max')]))
    return images


def fuse(images, iou):
    out = []
    for image, (readers, boxes, boxless) in images.items():
        n = len(readers)
        for cls, who in boxless.items():
            if len(who) >= math.ceil(n / 2):
                out.append((image, cls, 0, (), len(who)))
        for cls, members in boxes.items():
            boxes_list, scores_list = [[] for _ in range(n)], [[] for _ in range(n)]
            for i, (rad, box) in enumerate(members):
                boxes_list[readers[rad]].append(box + [i])
                scores_list[readers[rad]].append(1.0)
            for f in goldens.wbf(boxes_list, scores_list, [1.0] * n, iou, 0.0, 'avg', False):
                out.append((image, cls, 1, tuple(float(v) for v in f['box']), f['readers']))
    out.sort(key=lambda r: (r[0], r[1], r[2], r[3]))
    return out


def main(path, out_path, iou=0.4):
    t0 = time.perf_counter()
    images = read(path)
    t1 = time.perf_counter()
    rows = fuse(images, iou)
    t2 = time.perf_counter()
    with open(out_path, 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['image_id', 'class_name', 'x_min', 'y_min', 'x_max', 'y_max', 'score'])
        for image, cls, _, box, score in rows:
            w.writerow([image, cls, *(repr(v) for v in box), *([''] * (4 - len(box))), score])
    t3 = time.perf_counter()
    print(json.dumps({'rows': len(rows), 'boxes': sum(1 for r in rows if r[3]), 'seconds': {'read': t1 - t0, 'fuse': t2 - t1, 'write': t3 - t2}}))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 0.4)
