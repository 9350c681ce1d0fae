#!/usr/bin/env python3
"""Refits the duplicate-work confidence (DuplicateThresholds) from a bench run, honestly.

usage: bench/duplicates-fit.py SET_DIR ANSWERS_JSONL
  SET_DIR        a duplicates set (labels.tsv, queries.tsv), e.g. ../shared/eval/duplicates-dev
  ANSWERS_JSONL  `graph-memory duplicates --json --limit 50 --file ...` answers, as written by
                 `GM_DUPS_LIMIT=50 bench/duplicates-eval.sh SET_DIR OUT_DIR` (OUT_DIR/answers.jsonl)

Features per candidate, read from the evidence and made relative to the proposal's candidate set,
so that no raw score of one tracker's texts carries the model (DuplicateThresholds): s = text_similarity
divided by the best candidate's, c = title_coverage, r = candidate_title_coverage (both shares of a
title), g = text_similarity minus the best other candidate's, e = embedding_similarity (a cosine on
the embedding model's fixed scale, kept raw) and h = e minus the best other candidate's (e is 0 where
the answer has none: embeddings off), t = the date feature of DuplicateThresholds.time from days_before
(0 where the dates are unknown). A logistic regression (L2 0.01, Newton) is fitted over each
proposal's ten textually nearest candidates, labelled by whether each is a listed duplicate; its
output is the confidence as it stands (no bias moved), so the bench can check it is calibrated.
Two-fold cross-validation (proposals split by an MD5 of their id) prints each half scored by the
model fitted on the other half at the shipped cut DuplicateThresholds.DUPLICATE. Scores are top-1
precision/recall/F1 and Recall@5 as score_dups.py counts them, over the returned candidates
re-ordered by the model. GM_FIT_REPEATS=20 adds repeated two-fold cross-validation (20 random
splits, stratified by whether a proposal is a duplicate; TP and FP pooled over both halves of each
split; mean and standard deviation of F1 over the splits), steadier than the one MD5 split on 66
positives, both at the shipped cut and at the cut each training half would choose, then the
reliability table of the held-out top-1 confidences (among answers whose best candidate has
confidence c, the share whose best candidate is a listed duplicate) and its expected calibration
error, and how many held-out proposals fall in the review band and how many of those are right.
Needs numpy."""
import collections, hashlib, json, math, os, random, sys
import numpy as np

# GM_FIT_FEATURES picks the model: s,c,r,g (DuplicateThresholds.LEXICAL), s,c,r,g,e,h (HYBRID),
# s,c,r,g,t (LEXICAL_DATED), s,c,r,g,e,h,t (HYBRID_DATED); the last line prints its Weights.
FEATURES = os.environ.get('GM_FIT_FEATURES', 's,c,r,g').split(',')
# DuplicateThresholds.DUPLICATE and REVIEW
NEAREST, L2, DUPLICATE, REVIEW = 10, 0.01, 0.4, 0.2

def load(set_dir, answers):
    gold = collections.defaultdict(set)
    for line in open(f'{set_dir}/labels.tsv').readlines()[1:]:
        q, t = line.rstrip('\n').split('\t'); gold[q].add(t)
    positive = {l.split('\t')[0]: l.split('\t')[1] == '1' for l in open(f'{set_dir}/queries.tsv').readlines()[1:]}
    by = {}
    for line in open(answers):
        a = json.loads(line)
        q = os.path.basename(a['file'])[:-3]
        rows = [dict(s=c['evidence']['text_similarity'], c=c['evidence']['title_coverage'],
                     r=c['evidence']['candidate_title_coverage'],
                     e=c['evidence'].get('embedding_similarity') or 0.0,
                     t=time(c['evidence'].get('days_before')), y=c['id'].split(':', 2)[2] in gold[q])
                for c in a['candidates']]
        relative(rows, 's', 'g', True)
        relative(rows, 'e', 'h', False)
        by[q] = rows
    return by, positive

def relative(rows, key, gap, divide):
    """rows[gap] = rows[key] minus the best other's; with divide, rows[key] over the best in the set."""
    top = sorted((x[key] for x in rows), reverse=True) + [0, 0]
    for x in rows:
        x[gap] = x[key] - (top[1] if x[key] >= top[0] else top[0])
        if divide:
            x[key] = x[key] / top[0] if top[0] > 0 else 0.0

def time(days):
    """DuplicateThresholds.time: ln(1 + days) / ln(1000), 0 when the dates are unknown."""
    return 0.0 if days is None else math.log1p(max(0.0, days)) / math.log(1000)

def fit(x, y):
    x = np.c_[np.ones(len(x)), x]; w = np.zeros(x.shape[1]); reg = np.r_[0, np.ones(len(w) - 1)] * L2 / len(y)
    for _ in range(100):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) / len(y) + reg * w
        w -= np.linalg.solve((x.T * (p * (1 - p))) @ x / len(y) + np.diag(reg), grad)
        if np.abs(grad).max() < 1e-10:
            break
    return w

def score(w, by, positive, queries, cut, tops=None):
    tp = fp = hit = 0
    for q in queries:
        rows = by[q]
        if not rows:
            continue
        p = 1 / (1 + np.exp(-(np.c_[np.ones(len(rows)), [[x[k] for k in FEATURES] for x in rows]] @ w)))
        order = np.argsort(-p, kind='stable')
        if tops is not None:
            tops.append((float(p[order[0]]), bool(rows[order[0]]['y'])))
        if p[order[0]] >= cut:
            tp, fp = (tp + 1, fp) if rows[order[0]]['y'] else (tp, fp + 1)
        hit += positive[q] and any(rows[i]['y'] for i in order[:5])
    npos = sum(positive[q] for q in queries)
    pr = tp / (tp + fp) if tp + fp else 0; rc = tp / npos
    return dict(P=pr, R=rc, F1=2 * pr * rc / (pr + rc) if pr + rc else 0, R5=hit / npos)

def train(by, positive, queries):
    rows = [x for q in queries for x in sorted(by[q], key=lambda x: -x['s'])[:NEAREST]]
    w = fit(np.array([[x[k] for k in FEATURES] for x in rows]), np.array([x['y'] for x in rows], float))
    cut = max(np.arange(0.10, 0.90, 0.005), key=lambda t: (round(score(w, by, positive, queries, t)['F1'], 6), -t))
    return w, cut

def repeated(by, positive, queries, reps, fixed, tops=None):
    """Repeated stratified two-fold cross-validation at the cut `fixed`, or at each training half's own cut."""
    f1s, r5s, ps, rs = [], [], [], []
    for seed in range(reps):
        qs = list(queries); random.Random(seed).shuffle(qs)
        half = {}
        for group in ([q for q in qs if positive[q]], [q for q in qs if not positive[q]]):
            half.update({q: i % 2 for i, q in enumerate(group)})
        tp = fp = hit = npos = 0
        for h in (0, 1):
            w, cut = train(by, positive, [q for q in qs if half[q] != h])
            test = [q for q in qs if half[q] == h]
            m = score(w, by, positive, test, cut if fixed is None else fixed, tops)
            n = sum(positive[q] for q in test); npos += n
            t = round(m['R'] * n); tp += t; fp += round(t / m['P']) - t if m['P'] else 0
            hit += round(m['R5'] * n)
        p = tp / (tp + fp) if tp + fp else 0; r = tp / npos
        ps.append(p); rs.append(r); f1s.append(2 * p * r / (p + r) if p + r else 0); r5s.append(hit / npos)
    return (f'P {np.mean(ps):.3f} R {np.mean(rs):.3f} F1 {np.mean(f1s):.3f} (sd {np.std(f1s):.3f}) '
            f'R5 {np.mean(r5s):.3f}')

def reliability(tops, bins=10):
    """The reliability table of (confidence, right) pairs and the expected calibration error."""
    lines, ece = [], 0.0
    for b in range(bins):
        xs = [(p, ok) for p, ok in tops if b / bins <= p < (b + 1) / bins or (b == bins - 1 and p >= 1)]
        if xs:
            conf, acc = np.mean([p for p, _ in xs]), np.mean([ok for _, ok in xs])
            ece += len(xs) / len(tops) * abs(acc - conf)
            lines.append(f'  {b / bins:.1f}-{(b + 1) / bins:.1f}: {len(xs):5d} answers, mean confidence {conf:.3f}, right {acc:.3f}')
    return lines, ece

def show(m):
    return ' '.join(f'{k} {v:.3f}' for k, v in m.items())

if __name__ == '__main__':
    by, positive = load(sys.argv[1], sys.argv[2])
    queries = sorted(q for q in by if q in positive)
    half = {q: int(hashlib.md5(q.encode()).hexdigest(), 16) % 2 for q in queries}
    for h in (0, 1):
        w, cut = train(by, positive, [q for q in queries if half[q] != h])
        test = [q for q in queries if half[q] == h]
        print(f'half {h} ({len(test)} proposals), fitted on the other half, at {DUPLICATE}: '
              f'{show(score(w, by, positive, test, DUPLICATE))}')
    if int(os.environ.get('GM_FIT_REPEATS', '0')):
        reps = int(os.environ['GM_FIT_REPEATS'])
        tops = []
        print(f'repeated two-fold cross-validation, {reps} splits, at {DUPLICATE}: '
              f'{repeated(by, positive, queries, reps, DUPLICATE, tops)}')
        print(f'the same, each training half choosing its cut: {repeated(by, positive, queries, reps, None)}')
        lines, ece = reliability(tops)
        print('reliability of the held-out best candidates\' confidence:')
        print('\n'.join(lines))
        print(f'expected calibration error {ece:.3f}')
        band = [ok for p, ok in tops if REVIEW <= p < DUPLICATE]
        print(f'review band [{REVIEW}, {DUPLICATE}): {len(band) / len(tops):.3f} of held-out answers, '
              f'{np.mean(band) if band else 0:.3f} of them right')
    w, cut = train(by, positive, queries)
    print(f'all proposals, in sample at {DUPLICATE}:', show(score(w, by, positive, queries, DUPLICATE)))
    fitted = dict(zip(['bias'] + FEATURES, w))
    java = ', '.join(f"{fitted.get(k, 0.0):.2f}" for k in ['bias', 's', 'c', 'r', 'g', 'e', 'h', 't'])
    print(f'DuplicateThresholds.Weights for {",".join(FEATURES)}: new Weights({java})')
