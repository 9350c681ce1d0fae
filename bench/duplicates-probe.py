#!/usr/bin/env python3
"""Tries candidate features for the duplicate-work model before any Java is written (nineteenth session).

usage: bench/duplicates-probe.py SET_DIR ANSWERS_JSONL [VARIANT ...]
  SET_DIR        a duplicates set (labels.tsv, queries.tsv, existing/, proposed/), e.g. ../shared/eval/duplicates-dev
  ANSWERS_JSONL  `GM_DUPS_LIMIT=50 bench/duplicates-eval.sh SET_DIR OUT_DIR` answers (OUT_DIR/answers.jsonl)
  VARIANT        a comma-separated list of extra features (default: every variant below, one line each)
GM_PROBE_NEAREST=N fits over each proposal's N textually nearest candidates instead of 10.
With GM_PROBE_SEGMENTS=VECTORS_TSV (written by bench/DuplicateSegments.java) the sentence-alignment
features are added too (align*, maxpair, maxbody, the title-to-title cosine and their leads).

Reads the shipped features (s,c,r,g,e,h,t) from the answers exactly as bench/duplicates-fit.py does,
adds pair features computed from both reports' texts (the proposal in SET_DIR/proposed, the candidate in
SET_DIR/existing), and cross-validates the same logistic model the same way: 20 random two-fold splits
stratified by label, fitted over each proposal's ten textually nearest candidates, scored at the shipped cut
0.4; prints F1 (mean and sd over the splits), Recall@5 and the expected calibration error of the held-out
best candidates. Each feature is a share of what the proposal names (0 when it names none: a neutral value
for a tracker whose reports lack it) or a -1/0/+1 flag. The duplicate-fit recipe is imported, not copied,
so the baseline line reproduces duplicates-fit.py's repeated figure. Needs numpy."""
import collections, importlib.util, json, math, os, random, re, sys
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('fit', os.path.join(here, 'duplicates-fit.py'))
fit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fit)
SET, ANSWERS = sys.argv[1], sys.argv[2]
BASE = ['s', 'c', 'r', 'g', 'e', 'h', 't']
fit.NEAREST = int(os.environ.get('GM_PROBE_NEAREST', fit.NEAREST))  # candidates per proposal in the training rows
by, positive = fit.load(SET, ANSWERS)
answers = {os.path.basename(json.loads(l)['file'])[:-3]: json.loads(l) for l in open(ANSWERS)}
queries = sorted(q for q in by if q in positive)
for q, rows in by.items():
    for x, c in zip(rows, answers[q]['candidates']):
        x['id'] = c['id'].split(':', 2)[2]
        x['status'] = c['evidence'].get('status')
        x['days'] = c['evidence'].get('days_before')

_docs = {}
def doc(i):
    """(title, body) of a report of the set."""
    if i not in _docs:
        p = f'{SET}/existing/{i}.md'
        t = open(p if os.path.exists(p) else f'{SET}/proposed/{i}.md').read()
        title = re.search(r'^title: "?(.*?)"?$', t, re.M).group(1)
        _docs[i] = (title, t.split('\n---\n', 1)[1] if '\n---\n' in t else t)
    return _docs[i]
def full(i): return doc(i)[0] + '\n' + doc(i)[1]
def found(rx, text): return set(m if isinstance(m, str) else m[0] for m in re.findall(rx, text))

CVE = r'CVE-\d{4}-\d{4,}'
REF = r'\b(?!CVE-)[A-Z][A-Z0-9]+-\d+\b'                       # ticket keys: HADOOP-17796
EXC = r'\b([A-Z]\w*(?:Exception|Error))\b'                   # exception and error class names
FRAME = r'at ((?:[a-zA-Z_$][\w$]*\.)+[\w$<>]+)\('             # stack-trace frames
PATH = r'\b([\w-]+\.(?:java|py|xml|sh|scala|c|cc|h|cpp|md|yml|yaml|json|properties|jar|js|ts|go|rs|gradle|toml))\b'
CONF = r'\b([a-z][a-z0-9]*(?:\.[a-z][a-z0-9-]*){2,})\b'       # dotted configuration keys, packages
BRANCH = r'\bbranch-[\d.x]+\b'
URL = r'(https?://[^\s\]\)|>"\'`]+)'
PR = r'(?i)(pull/\d+|\bPR\b|\bpatch\b|\.patch\b|\.diff\b)'

def share(rx):
    """The share of what the proposal names (by rx) that the candidate names too; 0 when it names none."""
    return lambda q, x: (lambda a, b: len(a & b) / len(a) if a else 0.0)(found(rx, full(q)), found(rx, full(x['id'])))
def agree(rx):
    """+1 when both name something (by rx) and share one, -1 when both do and share none, else 0."""
    return lambda q, x: (lambda a, b: 0.0 if not a or not b else (1.0 if a & b else -1.0))(found(rx, full(q)), found(rx, full(x['id'])))

def title_versions(t):
    """Version numbers of a title by the word before them: 'Upgrade Netty to 4.1.89' -> {netty: {4.1.89}}."""
    out, name = collections.defaultdict(set), None
    for w in re.findall(r'[A-Za-z][\w-]*|\d+(?:\.\d+)+', t):
        if re.fullmatch(r'\d+(?:\.\d+)+', w):
            if name:
                out[name].add(w)
        elif w.lower() not in ('to', 'version', 'v', 'from', 'and', 'the', 'in', 'of', 'update', 'upgrade', 'bump'):
            name = w.lower()
    return out
def version(q, x):
    a, b = title_versions(doc(q)[0]), title_versions(doc(x['id'])[0])
    common = set(a) & set(b)
    return 0.0 if not common else (1.0 if any(a[n] & b[n] for n in common) else -1.0)
def any_version(q, x):
    a, b = (set(re.findall(r'\d+\.\d+(?:\.\d+)*', doc(i)[0])) for i in (q, x['id']))
    return 0.0 if not a or not b else (1.0 if a & b else -1.0)
def tags(t):
    return set(m.lower() for m in re.findall(r'\[([^\]]+)\]', t)) | set(m.lower() for m in re.findall(r'^\s*([\w -]{2,20}):', t))
SUBJECT_STOP = {'to', 'the', 'a', 'an', 'in', 'of', 'for', 'on', 'and', 'version', 'versions', 'from', 'due', 'fix',
                'with', 'dependency', 'dependencies', 'jar', 'jars', 'library', 'latest', 'hadoop'}
def subject(t):
    m = re.search(r'\b(?:upgrade|update|bump|updating|upgrading)\b\s+(.*)', t, re.I)
    ws = [w for w in re.findall(r'[a-z][a-z0-9]*', m.group(1).lower()) if w not in SUBJECT_STOP] if m else []
    return ws[0] if ws else None
def same_subject(q, x):
    a, b = subject(doc(q)[0]), subject(doc(x['id'])[0])
    return 0.0 if a is None or b is None else (1.0 if a == b else -1.0)
def named(q, x):
    a, b = ({n for rx in (CVE, REF, EXC, PATH, FRAME) for n in found(rx, full(i))} for i in (q, x['id']))
    return len(a & b) / len(a) if a else 0.0
_words, _grams = {}, {}
def grams(i, n):
    if (i, n) not in _grams:
        w = _words.setdefault(i, re.findall(r'[a-z0-9]+', full(i).lower()))
        _grams[i, n] = set(zip(*[w[k:] for k in range(n)]))
    return _grams[i, n]
def gram_share(n, reverse=False):
    def f(q, x):
        a, b = grams(q, n), grams(x['id'], n)
        base = b if reverse else a
        return len(a & b) / len(base) if base else 0.0
    return f
def longest_shared_run(q, x):
    best = 0
    for n in (2, 3, 4, 5, 6, 8, 10, 12):
        if not grams(q, n) & grams(x['id'], n):
            break
        best = n
    return best / 12
docs = [f[:-3] for f in os.listdir(f'{SET}/existing')]
df = collections.Counter(w for d in docs for w in set(re.findall(r'[a-z0-9]+', full(d).lower())))
def idf(w): return math.log((len(docs) + 1) / (df.get(w, 0) + 1)) / math.log(len(docs) + 1)
def title_words(i): return set(re.findall(r'[a-z][a-z0-9]+', doc(i)[0].lower()))
def title_title(q, x):
    a, b = title_words(q), title_words(x['id'])
    if not a or not b:
        return 0.0
    both = sum(idf(w) for w in a & b)
    return min(both / sum(idf(w) for w in a), both / sum(idf(w) for w in b))
def flag(rx, side): return lambda q, x: 1.0 if re.search(rx, doc(q if side == 'q' else x['id'])[1]) else 0.0
def is_open(q, x): return 0.0 if x['status'] in ('done', 'closed', 'resolved') else 1.0

FEATURES = {
    # (a) what a report names, matched between proposal and candidate
    'cve3': agree(CVE), 'cve': share(CVE), 'ref': share(REF), 'ref3': agree(REF), 'exc': share(EXC),
    'exc3': agree(EXC), 'frame': share(FRAME), 'path': share(PATH), 'conf': share(CONF),
    'branch3': agree(BRANCH), 'url': share(URL), 'named': named,
    'version3': version, 'anyversion3': any_version, 'subject3': same_subject,
    'tag': lambda q, x: 1.0 if tags(doc(q)[0]) & tags(doc(x['id'])[0]) else 0.0,
    # copied text: shared word n-grams (error messages, log lines, snippets quoted in both)
    'gram3': gram_share(3), 'gram4': gram_share(4), 'gram6': gram_share(6), 'gram4back': gram_share(4, True),
    'run': longest_shared_run,
    # (c) read off the errors: how specific the proposal is, who wrote it, whether the candidate is still open
    'spec': lambda q, x: float(np.mean([idf(w) for w in title_words(q)])) if title_words(q) else 0.0,
    'specmax': lambda q, x: max([idf(w) for w in title_words(q)] + [0.0]),
    'cspec': lambda q, x: float(np.mean([idf(w) for w in title_words(x['id'])])) if title_words(x['id']) else 0.0,
    'titletitle': title_title,
    'qpr': flag(PR, 'q'), 'cpr': flag(PR, 'c'), 'qquestion': lambda q, x: 1.0 if '?' in full(q) else 0.0,
    'qfirst': flag(r"\b(I|I'm|I've|my|we|our)\b", 'q'), 'qtrace': lambda q, x: 1.0 if re.search(FRAME, doc(q)[1]) or re.search(EXC, doc(q)[1]) else 0.0,
    'open': is_open, 'opent': lambda q, x: is_open(q, x) * x['t'],
    'hour': lambda q, x: 1.0 if x['days'] is not None and x['days'] < 1 / 24 else 0.0,
    'sixhours': lambda q, x: 1.0 if x['days'] is not None and x['days'] < 0.25 else 0.0,
}
# Other forms of the shipped features: every product of two, every square, t and e cut into bins.
PAIRS = [(a, b) for i, a in enumerate(BASE) for b in BASE[i + 1:]]
for a, b in PAIRS:
    FEATURES[f'{a}*{b}'] = lambda q, x, a=a, b=b: x[a] * x[b]
for a in BASE:
    FEATURES[f'{a}^2'] = lambda q, x, a=a: x[a] ** 2
for k, (lo, hi) in enumerate([(0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 9)]):
    FEATURES[f'tbin{k}'] = lambda q, x, lo=lo, hi=hi: 1.0 if lo <= x['t'] < hi else 0.0
for k, (lo, hi) in enumerate([(0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 9)]):
    FEATURES[f'ebin{k}'] = lambda q, x, lo=lo, hi=hi: 1.0 if lo <= x['e'] < hi else 0.0
GROUPS = {'products': [f'{a}*{b}' for a, b in PAIRS], 'squares': [f'{a}^2' for a in BASE],
          'tbins': [f'tbin{k}' for k in range(4)], 'ebins': [f'ebin{k}' for k in range(5)]}

if os.environ.get('GM_PROBE_SEGMENTS'):
    # Sentence alignment: S[i, j] is the cosine of the proposal's sentence i and the candidate's j (0: titles).
    vectors = collections.defaultdict(dict)
    for line in open(os.environ['GM_PROBE_SEGMENTS']):
        key, v = line.rstrip('\n').split('\t')
        folder, i, n = key.split('|')
        vectors[folder, i][int(n)] = np.array([float(z) for z in v.split(',')])
    unit = {}
    for key, d in vectors.items():
        m = np.array([d[n] for n in sorted(d)])
        unit[key] = m / np.linalg.norm(m, axis=1, keepdims=True)
    def aligned(f):
        return lambda q, x: float(f(unit['p', q] @ unit['e', x['id']].T))
    def f_align(S):
        a, b = S.max(axis=1).mean(), S.max(axis=0).mean()
        return 2 * a * b / (a + b) if a + b > 0 else 0.0
    FEATURES.update({
        'alignq': aligned(lambda S: S.max(axis=1).mean()),    # each proposal sentence's best match, averaged
        'alignc': aligned(lambda S: S.max(axis=0).mean()),    # each candidate sentence's best match, averaged
        'alignf': aligned(f_align),                           # their harmonic mean
        'maxpair': aligned(lambda S: S.max()),
        'maxbody': aligned(lambda S: S[1:, 1:].max() if min(S.shape) > 1 else 0.0),
        'titlecos': aligned(lambda S: S[0, 0]),
        'qtitlebest': aligned(lambda S: S[0].max()),
        'ctitlebest': aligned(lambda S: S[:, 0].max()),
    })
    for name in ('alignq', 'alignf', 'maxpair'):
        def lead(q, x, name=name):
            for y in by[q]:
                if name not in y:
                    y[name] = FEATURES[name](q, y)
            values = sorted((y[name] for y in by[q]), reverse=True) + [0, 0]
            v = x[name]
            return v - (values[1] if v >= values[0] else values[0])
        FEATURES[name + 'lead'] = lead
VARIANTS = sys.argv[3:] or ['', 'cve3', 'cve', 'ref', 'ref3', 'exc', 'exc3', 'frame', 'path', 'conf', 'branch3', 'url',
                           'named', 'version3', 'anyversion3', 'subject3', 'tag', 'gram3', 'gram4', 'gram6',
                           'gram4,gram4back', 'run', 'spec', 'specmax', 'cspec', 'titletitle', 'qpr', 'cpr',
                           'qquestion', 'qfirst', 'qtrace', 'open', 'opent', 'cve,exc,path', 'cve,named',
                           'cve,url', 'cve,gram4', 'cve,subject3', 'hour', 'sixhours', 'products', 'squares',
                           'products,squares', 'tbins', 'ebins'] + (
    ['alignq', 'alignc', 'alignf', 'maxpair', 'maxbody', 'titlecos', 'qtitlebest', 'ctitlebest', 'alignq,alignqlead',
     'alignf,alignflead', 'maxpair,maxpairlead', 'alignf,maxpair', 'alignf,cve'] if os.environ.get('GM_PROBE_SEGMENTS') else [])

def cv(feats, reps=20):
    """duplicates-fit.py's repeated stratified two-fold cross-validation at the cut 0.4, pooled per split."""
    f1s, r5s, tops = [], [], []
    for seed in range(reps):
        qs = list(queries); random.Random(seed).shuffle(qs); half = {}
        for group in ([q for q in qs if positive[q]], [q for q in qs if not positive[q]]):
            half.update({q: i % 2 for i, q in enumerate(group)})
        tp = fp = hit = npos = 0
        for h in (0, 1):
            rows = [x for q in qs if half[q] != h for x in sorted(by[q], key=lambda x: -x['s'])[:fit.NEAREST]]
            w = fit.fit(np.array([[x[k] for k in feats] for x in rows]), np.array([x['y'] for x in rows], float))
            for q in (q for q in qs if half[q] == h):
                rows = by[q]; npos += positive[q]
                if not rows:
                    continue
                p = 1 / (1 + np.exp(-(np.c_[np.ones(len(rows)), [[x[k] for k in feats] for x in rows]] @ w)))
                o = np.argsort(-p, kind='stable'); tops.append((float(p[o[0]]), bool(rows[o[0]]['y'])))
                if p[o[0]] >= fit.DUPLICATE:
                    tp, fp = (tp + 1, fp) if rows[o[0]]['y'] else (tp, fp + 1)
                hit += positive[q] and any(rows[i]['y'] for i in o[:5])
        pr = tp / (tp + fp) if tp + fp else 0; rc = tp / npos
        f1s.append(2 * pr * rc / (pr + rc) if pr + rc else 0); r5s.append(hit / npos)
    return np.mean(f1s), np.std(f1s), np.mean(r5s), fit.reliability(tops)[1]

if __name__ == '__main__':
    for variant in VARIANTS:
        extra = [g for f in variant.split(',') if f for g in GROUPS.get(f, [f])]
        for name in extra:
            for q, rows in by.items():
                for x in rows:
                    x.setdefault(name, FEATURES[name](q, x))
        nonzero = sum(1 for rows in by.values() for x in rows if any(x[n] for n in extra))
        dup = sum(1 for rows in by.values() for x in rows if any(x[n] for n in extra) and x['y'])
        f1, sd, r5, ece = cv(BASE + extra)
        print(f"{'+' + variant if variant else 'shipped s,c,r,g,e,h,t':24s} F1 {f1:.3f} (sd {sd:.3f}) R@5 {r5:.3f} "
              f"ECE {ece:.3f}" + (f'  nonzero on {nonzero} candidates ({dup} duplicates)' if extra else ''))
