#!/usr/bin/python3
"""The reference for row (b) of `npm run bench:dataset`: the VinBigData challenge metric of a Kaggle
submission against annotations_test.csv, with evaluate() of scripts/goldens/generate_dataset_goldens.py
(NumPy, written from the textbook definitions: VOC all-point AP per class, detections by confidence
with ties in file order, each ground-truth box matched once, IoU >= threshold; No finding as one
[0, 0, 1, 1] box per image; mean over the classes with ground truth).

    /usr/bin/python3 eval_reference.py ANNOTATIONS_TEST.csv SUBMISSION.csv [IOU]

Ground truth: the consensus rows (no rad_id), classes mapped to the challenge's 15 class ids; other
local labels (Clavicle fracture, Edema, ...) are not part of the task and are left out. Prints one
JSON line: {"mAP", "mAP_without_no_finding", "per_class": {id: ap}, "detections", "seconds": {"read", "evaluate"}}.
"""
import csv
import json
import math
import os
import sys
import time
import warnings

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'goldens'))
from generate_dataset_goldens import evaluate  # noqa: E402

CLASS_IDS = ['Aortic enlargement', 'Atelectasis', 'Calcification', 'Cardiomegaly', 'Consolidation', 'ILD', 'Infiltration',
             'Lung Opacity', 'Nodule/Mass', 'Other lesion', 'Pleural effusion', 'Pleural thickening', 'Pneumothorax',
             'Pulmonary fibrosis', 'No finding']
NO_FINDING = 14


def read_gt(path):
    ids = {name: i for i, name in enumerate(CLASS_IDS)}
    rows = []
    with open(path, newline='') as f:
        reader = csv.DictReader(f)
        if 'rad_id' in reader.fieldnames:
            sys.exit('eval_reference.py: ground truth with rad_id (several readers) is not supported: give annotations_test.csv')
        for r in reader:
            cls = ids.get(r['class_name'])
            if cls is None:
                continue
            box = [] if cls == NO_FINDING else [float(r[k]) for k in ('x_min', 'y_min', 'x_max', 'y_max')]
            rows.append([r['image_id'], cls, *box])
    return rows


def read_submission(path):
    """Rows [image, class, conf, x1, y1, x2, y2] in file order."""
    rows = []
    with open(path, newline='') as f:
        reader = csv.reader(f)
        next(reader)
        for image, prediction in reader:
            v = prediction.split()
            for i in range(0, len(v), 6):
                rows.append([image, int(v[i]), float(v[i + 1]), float(v[i + 2]), float(v[i + 3]), float(v[i + 4]), float(v[i + 5])])
    return rows


def number(x):
    """None (JSON null) for an AP or mean that does not exist (NaN)."""
    return None if x is None or math.isnan(x) else x


def main(gt_path, pred_path, iou=0.4):
    t0 = time.perf_counter()
    gt, pred = read_gt(gt_path), read_submission(pred_path)
    t1 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', RuntimeWarning)  # the mean of no class (no ground truth but No finding) is NaN
        result = evaluate(gt, pred, iou, NO_FINDING)
    t2 = time.perf_counter()
    per_class = {c: number(v['ap']) for c, v in result['perClass'].items() if v['gtCount'] > 0}
    print(json.dumps({'mAP': number(result['mAP']), 'mAP_without_no_finding': number(result['mAPWithoutNoFinding']), 'per_class': per_class,
                      'detections': len(pred), 'seconds': {'read': t1 - t0, 'evaluate': t2 - t1}}))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 0.4)
