#!/usr/bin/env python3
"""Refits the duplicate-work confidence (DuplicateThresholds) from a bench run, honestly.

usage: bench/duplicates-fit.py SET_DIR ANSWERS_JSONL
  SET_DIR        a duplicates set (labels.tsv, queries.tsv), e.g. ../shared/eval/duplicates-dev
  ANSWERS_JSONL  `graph-memory duplicates --json --limit 50 --file ...` answers, as written by
                 `GM_DUPS_LIMIT=50 bench/duplicates-eval.sh SET_DIR OUT_DIR` (OUT_DIR/answers.jsonl)

Features per candidate, read from the evidence: s = text_similarity, c = title_coverage,
r = candidate_title_coverage, g = s minus the best other candidate's s, e = embedding_similarity
(0 where the answer has none: embeddings off, or not among the textually nearest), t = the date
feature of DuplicateThresholds.time from days_before (0 where the dates are unknown). A logistic regression
(L2 0.01, Newton) is fitted over each proposal's ten textually nearest candidates, labelled by
whether each is a listed duplicate; the decision cut is the one that maximises F1 on the training
queries. Two-fold cross-validation (proposals split by an MD5 of their id) prints each half scored
by the model fitted on the other half; then the fit on all proposals, with the bias moved so the
cut sits at DuplicateThresholds.DUPLICATE (0.7). Scores are top-1 precision/recall/F1 and
Recall@5 as score_dups.py counts them, over the returned candidates re-ordered by the model.
GM_FIT_REPEATS=20 adds repeated two-fold cross-validation (20 random splits, stratified by
whether a proposal is a duplicate; TP and FP pooled over both halves of each split; mean and
standard deviation of F1 over the splits), steadier than the one MD5 split on 66 positives.
Needs numpy."""
import collections, hashlib, json, math, os, random, sys
import numpy as np

# GM_FIT_FEATURES picks the model: s,c,r,g (DuplicateThresholds.LEXICAL), s,c,r,g,e (HYBRID),
# s,c,r,g,t (LEXICAL_DATED), s,c,r,g,e,t (HYBRID_DATED); the last line prints its Weights.
FEATURES = os.environ.get('GM_FIT_FEATURES', 's,c,r,g').split(',')
NEAREST, L2, DUPLICATE = 10, 0.01, 0.7

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
        ss = sorted((x['s'] for x in rows), reverse=True) + [0, 0]
        for x in rows:
            x['g'] = x['s'] - (ss[1] if x['s'] >= ss[0] else ss[0])
        by[q] = rows
    return by, positive

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

def score(w, by, positive, queries, cut):
    tp = fp = hit = 0
    for q in queries:
        rows = by[q]
        if not rows:
            continue
        p = 1 / (1 + np.exp(-(np.c_[np.ones(len(rows)), [[x[k] for k in FEATURES] for x in rows]] @ w)))
        order = np.argsort(-p, kind='stable')
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

def repeated(by, positive, queries, reps):
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
            m = score(w, by, positive, test, cut)
            n = sum(positive[q] for q in test); npos += n
            t = round(m['R'] * n); tp += t; fp += round(t / m['P']) - t if m['P'] else 0
            hit += round(m['R5'] * n)
        p = tp / (tp + fp) if tp + fp else 0; r = tp / npos
        ps.append(p); rs.append(r); f1s.append(2 * p * r / (p + r) if p + r else 0); r5s.append(hit / npos)
    return (f'P {np.mean(ps):.3f} R {np.mean(rs):.3f} F1 {np.mean(f1s):.3f} (sd {np.std(f1s):.3f}) '
            f'R5 {np.mean(r5s):.3f}')

def show(m):
    return ' '.join(f'{k} {v:.3f}' for k, v in m.items())

if __name__ == '__main__':
    by, positive = load(sys.argv[1], sys.argv[2])
    queries = sorted(q for q in by if q in positive)
    half = {q: int(hashlib.md5(q.encode()).hexdigest(), 16) % 2 for q in queries}
    for h in (0, 1):
        w, cut = train(by, positive, [q for q in queries if half[q] != h])
        test = [q for q in queries if half[q] == h]
        print(f'half {h} ({len(test)} proposals), fitted on the other half: {show(score(w, by, positive, test, cut))}')
    if int(os.environ.get('GM_FIT_REPEATS', '0')):
        reps = int(os.environ['GM_FIT_REPEATS'])
        print(f'repeated two-fold cross-validation, {reps} splits: {repeated(by, positive, queries, reps)}')
    w, cut = train(by, positive, queries)
    w[0] += math.log(DUPLICATE / (1 - DUPLICATE)) - math.log(cut / (1 - cut))
    print('all proposals, in sample at 0.7:', show(score(w, by, positive, queries, DUPLICATE)))
    fitted = dict(zip(['bias'] + FEATURES, w))
    java = ', '.join(f"{fitted.get(k, 0.0):.2f}" for k in ['bias', 's', 'c', 'r', 'g', 'e', 't'])
    print(f'DuplicateThresholds.Weights for {",".join(FEATURES)}: new Weights({java})')
