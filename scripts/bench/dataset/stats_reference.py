#!/usr/bin/python3
"""The reference for row (a) of `npm run bench:dataset`: the label counts of the VinDr-CXR paper's
Table 2 from a release in the PhysioNet layout, with the csv module and NumPy (no pandas).

    /usr/bin/python3 stats_reference.py RELEASE-DIR

Reads annotations/image_labels_train.csv (one row per reader and image) and image_labels_test.csv
(one consensus row per image, no rad_id). An image's readers are its distinct rad_ids (rows without
one: a single reader, the consensus); several rows of one reader are merged (a label counts once).
A label is positive when more than half of the image's readers marked it (2 x votes > readers).
Prints one JSON line: per split {"images", "readers_per_image" (the most common number, the smaller
on a tie), "labels": {name: {"count", "percent"}}} (percent = 100 x count / images, half up, 2
decimals), and "seconds": {"read", "vote"} measured inside the script.
"""
import csv
import json
import math
import os
import sys
import time

import numpy as np


def split_figures(path):
    t0 = time.perf_counter()
    with open(path, newline='') as f:
        rows = csv.reader(f)
        header = next(rows)
        has_reader = 'rad_id' in header
        first = 2 if has_reader else 1
        names = header[first:]
        image_ids, pair_of, pair_image, pair_list = {}, {}, [], []
        values = []
        for row in rows:
            if not row:
                continue
            image = image_ids.setdefault(row[0], len(image_ids))
            key = (image, row[1] if has_reader else '')
            pair = pair_of.get(key)
            if pair is None:
                pair = pair_of[key] = len(pair_of)
                pair_image.append(image)
            pair_list.append(pair)
            values.append(row[first:])
    t1 = time.perf_counter()
    marks = np.array(values, dtype=np.int8).reshape(-1, len(names)) == 1
    per_reader = np.zeros((len(pair_of), len(names)), dtype=bool)
    np.logical_or.at(per_reader, np.array(pair_list, dtype=np.int64), marks)
    pair_image = np.array(pair_image, dtype=np.int64)
    n = len(image_ids)
    votes = np.zeros((n, len(names)), dtype=np.int32)
    np.add.at(votes, pair_image, per_reader.astype(np.int32))
    readers = np.bincount(pair_image, minlength=n)
    counts = (2 * votes > readers[:, None]).sum(axis=0)
    tally = np.bincount(readers) if n else np.zeros(1, dtype=np.int64)
    labels = {name: {'count': int(c), 'percent': math.floor(int(c) * 10000 / n + 0.5) / 100 if n else 0} for name, c in zip(names, counts)}
    figures = {'images': n, 'readers_per_image': int(np.argmax(tally)) if n else 0, 'labels': labels}
    return figures, t1 - t0, time.perf_counter() - t1


def main(release):
    out, read, vote = {}, 0.0, 0.0
    for split in ('train', 'test'):
        figures, r, v = split_figures(os.path.join(release, 'annotations', f'image_labels_{split}.csv'))
        out[split] = figures
        read, vote = read + r, vote + v
    out['seconds'] = {'read': read, 'vote': vote}
    print(json.dumps(out))


if __name__ == '__main__':
    main(sys.argv[1])
