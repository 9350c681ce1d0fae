#!/usr/bin/env python3
"""Reference module->module import edges for a Python tree, made with Python's own `ast`.

    python3 bench/python-imports.py <dir>   prints "importer<TAB>imported" (repo-relative paths), sorted

Every Import and ImportFrom anywhere in a file (TYPE_CHECKING blocks, try blocks and function
bodies included) is resolved to a file of <dir> with the rules graph-memory documents:
  - `import a.b.c` loads a/b/c (a package's __init__.py before a module a/b/c.py, stubs last);
    when that is no file, its longest prefix that is one;
  - `from a.b import c` loads the submodule a/b/c when there is one, else a/b;
  - relative imports count from the importing file's directory;
  - absolute names are looked up in the importing script's own directory (when that directory is
    no package), then among canonical names (the chain of package directories above each file),
    then under every source root (the parent of each top-level package, and <dir> itself);
    among several candidates the nearest to the importer wins.
Files that `ast` cannot parse are skipped (graph-memory indexes them as far as tree-sitter goes).
"""
import ast
import os
import sys


def main(root):
    files = set()
    for d, dirs, names in os.walk(root):
        dirs[:] = [x for x in dirs if not x.startswith(".") and x != "site-packages"]
        for n in names:
            if n.endswith(".py") or n.endswith(".pyi"):
                files.add(os.path.relpath(os.path.join(d, n), root).replace(os.sep, "/"))
    pkg_dirs = {parent(f) for f in files if base(f) in ("__init__.py", "__init__.pyi")}
    dirs = set()
    for f in files:
        d = parent(f)
        while d and d not in dirs:
            dirs.add(d)
            d = parent(d)
    canonical, roots = {}, {""}
    for f in files:
        names, d = [], parent(f)
        if base(f) not in ("__init__.py", "__init__.pyi"):
            names.append(base(f).rsplit(".", 1)[0])
        while d and d in pkg_dirs:
            names.insert(0, base(d))
            d = parent(d)
        if not names:
            continue
        canonical.setdefault(".".join(names), []).append(f)
        if len(names) > 1 or base(f).startswith("__init__."):
            roots.add(d)

    def file_for(b):
        if b is None:
            return None
        pre = b + "/" if b else ""
        for c in (pre + "__init__.py", b + ".py", pre + "__init__.pyi", b + ".pyi"):
            if c in files:
                return c
        return None

    def at(b):
        return file_for(b), (b if b in dirs else None)

    def join(d, rest):
        return rest if not d else d + "/" + rest

    def locate(level, dotted, importer):
        idir = parent(importer)
        segs = dotted.replace(".", "/")
        if level > 0:
            b = up(idir, level - 1)
            if b is None:
                return None, None
            return at(b if not dotted else join(b, segs))
        if not dotted:
            return None, None
        if idir not in pkg_dirs:
            loc = at(join(idir, segs))
            if loc[0] or loc[1] is not None:
                return loc
        if dotted in canonical:
            best = max(canonical[dotted], key=lambda c: (shared(importer, c), c.endswith(".py")))
            return best, (parent(best) if base(best).startswith("__init__.") else None)
        found = [at(join(r, segs)) for r in roots]
        found = [l for l in found if l[0] or l[1] is not None]
        if not found:
            return None, None
        found.sort(key=lambda l: -shared(importer, l[0] if l[0] else l[1] + "/x"))
        return found[0]

    def resolve(level, module, names, importer):
        out = []
        f, d = locate(level, module, importer)
        if not names:
            if f:
                out.append(f)
        else:
            for n in names:
                sub = None if n == "*" or d is None else file_for(n.replace(".", "/") if d == "" else d + "/" + n.replace(".", "/"))
                if sub:
                    out.append(sub)
                elif f:
                    out.append(f)
        if out or level > 0 or f or d is not None:
            return out
        parts = module.split(".")
        for k in range(len(parts) - 1, 0, -1):
            pf, pd = locate(0, ".".join(parts[:k]), importer)
            if pf:
                return [pf]
            if pd is not None:
                return []
        return []

    edges = set()
    for f in sorted(files):
        try:
            with open(os.path.join(root, f), "rb") as fh:
                tree = ast.parse(fh.read(), f)
        except (SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    targets = resolve(0, a.name, [], f)
                    edges.update((f, t) for t in targets if t != f)
            elif isinstance(node, ast.ImportFrom):
                if node.module == "__future__":
                    continue
                targets = resolve(node.level, node.module or "", [a.name for a in node.names], f)
                edges.update((f, t) for t in targets if t != f)
    for a, b in sorted(edges):
        print(a + "\t" + b)


def parent(p):
    return p.rsplit("/", 1)[0] if "/" in p else ""


def base(p):
    return p.rsplit("/", 1)[-1]


def up(d, n):
    for _ in range(n):
        if not d:
            return None
        d = parent(d)
    return d


def shared(a, b):
    x, y = parent(a).split("/"), parent(b).split("/")
    n = 0
    while n < len(x) and n < len(y) and x[n] and x[n] == y[n]:
        n += 1
    return n


if __name__ == "__main__":
    main(sys.argv[1])
