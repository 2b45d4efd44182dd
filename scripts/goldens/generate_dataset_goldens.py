#!/usr/bin/python3
"""Generate the goldens for packages/dataset/src/metrics/metrics.golden.test.ts: the VinBigData
challenge metric (Pascal VOC mAP, all-point interpolation) and Cohen's and Fleiss' kappa, computed
here independently with NumPy from the textbook definitions, on seeded random cases.

Run from anywhere with Debian's Python (NOT a pyenv/venv python); needs only python3-numpy:

    /usr/bin/python3 scripts/goldens/generate_dataset_goldens.py

Definitions used (the TypeScript implementation documents the same choices):
  IoU         continuous corners, no +1: inter / (area_a + area_b - inter), 0 when the union is 0.
  VOC AP      per class, detections of all images sorted by confidence descending, ties in input
              order (stable sort); each one takes the ground-truth box of its class and image with
              the highest IoU (first on ties) when IoU >= threshold and that box is not taken yet,
              else it is a false positive (also when its best box is taken). Precision/recall; the
              precision envelope mpre[i] = max(mpre[i:]) with sentinels (rec 0, prec 0) and
              (rec 1, prec 0); AP = sum over recall changes of delta recall * envelope.
  No finding  ground-truth rows of the No finding class become one box [0, 0, 1, 1] per image.
  mAP         mean AP over classes with ground truth (no predictions: 0); classes with predictions
              only are left out; also the mean without the No finding class.
  Cohen       po = share of items on which the raters agree, pe = sum_c pA(c) pB(c),
              (po - pe) / (1 - pe); null (NaN) when pe == 1.
  Fleiss      P_i = (sum_j n_ij^2 - k) / (k (k - 1)), P = mean P_i, p_j = column share,
              Pe = sum p_j^2, (P - Pe) / (1 - Pe); null (NaN) when Pe == 1.

Output: packages/dataset/test-assets/metrics/
          detection-cases.json  per case: options, image ids, gt rows [image, class, x1, y1, x2, y2]
                                ([image, class] for No finding), pred rows [image, class, conf, x1,
                                y1, x2, y2], expected mAP, mAP without No finding, per class AP,
                                gt count, pred count, true positives
          kappa-cases.json      Cohen cases (two rating lists) and Fleiss cases (count matrices)
                                with the expected kappa
The JSON is deterministic (seeded generators, sorted keys, no timestamps).
"""
import json
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'packages', 'dataset', 'test-assets', 'metrics')


def iou_one_to_many(b, gts):
    """IoU of box b (4,) with each row of gts (n, 4)."""
    iw = np.maximum(np.minimum(b[2], gts[:, 2]) - np.maximum(b[0], gts[:, 0]), 0.0)
    ih = np.maximum(np.minimum(b[3], gts[:, 3]) - np.maximum(b[1], gts[:, 1]), 0.0)
    inter = iw * ih
    union = (b[2] - b[0]) * (b[3] - b[1]) + (gts[:, 2] - gts[:, 0]) * (gts[:, 3] - gts[:, 1]) - inter
    out = np.zeros(len(gts))
    ok = union > 0
    out[ok] = inter[ok] / union[ok]
    return out


def voc_ap(rec, prec):
    """All-point interpolated AP (VOC 2010+)."""
    mrec = np.concatenate(([0.0], rec, [1.0]))
    mpre = np.concatenate(([0.0], prec, [0.0]))
    for i in range(len(mpre) - 2, -1, -1):
        mpre[i] = max(mpre[i], mpre[i + 1])
    i = np.where(mrec[1:] != mrec[:-1])[0]
    return float(np.sum((mrec[i + 1] - mrec[i]) * mpre[i + 1]))


def evaluate(gt_rows, pred_rows, thr, no_finding):
    gt = {}  # (class, image) -> list of boxes
    for row in gt_rows:
        image, cls = row[0], row[1]
        boxes = gt.setdefault((cls, image), [])
        if cls == no_finding:
            if not boxes:
                boxes.append([0.0, 0.0, 1.0, 1.0])
        else:
            boxes.append(list(row[2:6]))
    classes = sorted({c for c, _ in gt} | {r[1] for r in pred_rows})
    per_class = {}
    for cls in classes:
        recs = {img: {'bbox': np.array(b, dtype=np.float64), 'det': [False] * len(b)} for (c, img), b in gt.items() if c == cls}
        npos = sum(len(r['det']) for r in recs.values())
        dets = [r for r in pred_rows if r[1] == cls]
        conf = np.array([d[2] for d in dets], dtype=np.float64)
        order = np.argsort(-conf, kind='stable')
        tp = np.zeros(len(dets))
        fp = np.zeros(len(dets))
        for rank, di in enumerate(order):
            d = dets[di]
            r = recs.get(d[0])
            ovmax, jmax = -np.inf, -1
            if r is not None and len(r['bbox']) > 0:
                ov = iou_one_to_many(np.array(d[3:7], dtype=np.float64), r['bbox'])
                jmax = int(np.argmax(ov))
                ovmax = ov[jmax]
            if ovmax >= thr and not r['det'][jmax]:
                tp[rank] = 1
                r['det'][jmax] = True
            else:
                fp[rank] = 1
        ctp, cfp = np.cumsum(tp), np.cumsum(fp)
        if npos > 0:
            rec = ctp / npos
            prec = ctp / np.maximum(ctp + cfp, np.finfo(np.float64).eps)
            ap = voc_ap(rec, prec)
        else:
            ap = None
        per_class[str(cls)] = {'ap': ap, 'gtCount': npos, 'predCount': len(dets), 'truePositives': int(tp.sum())}
    with_gt = [(int(c), v['ap']) for c, v in per_class.items() if v['gtCount'] > 0]
    m_all = float(np.mean([a for _, a in with_gt]))
    m_wo = float(np.mean([a for c, a in with_gt if c != no_finding]))
    return {'mAP': m_all, 'mAPWithoutNoFinding': m_wo, 'perClass': per_class}


def r1(x):
    return round(float(x), 1)


def random_box(rng, size=1000.0):
    w, h = rng.uniform(20, 300, 2)
    x, y = rng.uniform(0, size - w), rng.uniform(0, size - h)
    return [r1(x), r1(y), r1(x + w), r1(y + h)]


def jitter(rng, b, amount):
    w, h = b[2] - b[0], b[3] - b[1]
    d = rng.uniform(-amount, amount, 4) * np.array([w, h, w, h])
    x1, y1, x2, y2 = (np.array(b) + d).tolist()
    return [r1(min(x1, x2)), r1(min(y1, y2)), r1(max(x1, x2)), r1(max(y1, y2))]


def detection_case(name, seed, n_images, n_classes, thr):
    """Random truth and noisy predictions. The last class is No finding; class n_classes - 3 has
    truth but never predictions; class n_classes - 2 predictions but never truth."""
    rng = np.random.default_rng(seed)
    nf, no_pred, no_gt = n_classes - 1, n_classes - 3, n_classes - 2
    images = ['img%03d' % i for i in range(n_images)]
    gt, pred = [], []
    conf = lambda lo, hi: round(float(rng.uniform(lo, hi)), 2)  # 2 decimals: many ties
    for img in images:
        if rng.random() < 0.3:
            for _ in range(int(rng.integers(1, 4))):  # several readers' No finding rows
                gt.append([img, nf])
            if rng.random() < 0.7:
                pred.append([img, nf, conf(0.2, 1.0), 0, 0, 1, 1])
        else:
            for _ in range(int(rng.integers(1, 5))):
                cls = int(rng.choice([c for c in range(n_classes - 1) if c != no_gt]))
                b = random_box(rng)
                gt.append([img, cls] + b)
                if cls == no_pred:
                    continue
                if rng.random() < 0.8:
                    pred.append([img, cls, conf(0.3, 1.0)] + jitter(rng, b, 0.25))
                if rng.random() < 0.25:
                    pred.append([img, cls, conf(0.1, 0.9)] + jitter(rng, b, 0.15))  # a duplicate
            if rng.random() < 0.3:
                pred.append([img, nf, conf(0.0, 0.5), 0, 0, 1, 1])
        for _ in range(int(rng.integers(0, 4))):  # false positives, wherever
            cls = int(rng.choice([c for c in range(n_classes - 1) if c != no_pred]))
            pred.append([img, cls, conf(0.0, 0.7)] + random_box(rng))
    order = rng.permutation(len(pred))  # interleave images, so input order (the tie-break) is mixed
    pred = [pred[i] for i in order]
    expected = evaluate(gt, pred, thr, nf)
    return {'name': name, 'seed': seed, 'iouThreshold': thr, 'noFindingClass': nf, 'imageIds': images,
            'gt': gt, 'pred': pred, 'expected': expected}


def cohen(a, b):
    a, b = np.asarray(a), np.asarray(b)
    cats = np.union1d(a, b)
    po = np.mean(a == b)
    pe = sum(np.mean(a == c) * np.mean(b == c) for c in cats)
    return None if pe == 1 else float((po - pe) / (1 - pe))


def fleiss(counts):
    n = np.asarray(counts, dtype=np.float64)
    k = n.sum(axis=1)[0]
    p_i = (np.sum(n * n, axis=1) - k) / (k * (k - 1))
    p_j = n.sum(axis=0) / n.sum()
    pe = np.sum(p_j * p_j)
    return None if pe == 1 else float((p_i.mean() - pe) / (1 - pe))


def kappa_cases():
    rng = np.random.default_rng(2024)
    cases = {'cohen': [], 'fleiss': []}
    for name, n, cats, p_same in [('binary-200', 200, 2, 0.7), ('binary-rare-500', 500, 2, 0.9), ('three-cat-150', 150, 3, 0.5)]:
        if name.startswith('binary-rare'):
            a = (rng.random(n) < 0.05).astype(int)
        else:
            a = rng.integers(0, cats, n)
        b = np.where(rng.random(n) < p_same, a, rng.integers(0, cats, n))
        cases['cohen'].append({'name': name, 'a': a.tolist(), 'b': b.tolist(), 'kappa': cohen(a, b)})
    cases['cohen'].append({'name': 'all-zero', 'a': [0] * 10, 'b': [0] * 10, 'kappa': cohen([0] * 10, [0] * 10)})
    for name, n, k, cats in [('binary-200x3', 200, 3, 2), ('four-cat-50x5', 50, 5, 4), ('binary-100x2', 100, 2, 2)]:
        truth = rng.integers(0, cats, n)
        ratings = np.where(rng.random((n, k)) < 0.6, truth[:, None], rng.integers(0, cats, (n, k)))
        counts = np.stack([(ratings == c).sum(axis=1) for c in range(cats)], axis=1)
        cases['fleiss'].append({'name': name, 'counts': counts.tolist(), 'kappa': fleiss(counts)})
    cases['fleiss'].append({'name': 'all-one-category', 'counts': [[0, 3]] * 5, 'kappa': fleiss([[0, 3]] * 5)})
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    detection = {'cases': [detection_case('vindr-like-200', 7, 200, 8, 0.4), detection_case('small-60-iou50', 11, 60, 6, 0.5)]}
    for name, data in [('detection-cases.json', detection), ('kappa-cases.json', kappa_cases())]:
        with open(os.path.join(OUT, name), 'w') as f:
            json.dump(data, f, sort_keys=True, separators=(',', ':'))
            f.write('\n')
    for c in detection['cases']:
        print(c['name'], len(c['gt']), 'gt rows', len(c['pred']), 'predictions', 'mAP %.6f' % c['expected']['mAP'])


if __name__ == '__main__':
    main()
