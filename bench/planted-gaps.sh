#!/usr/bin/env bash
# Integration gaps on app starters with one planted unused module each: for every git repository
# directly under FOLDER, a first `index` and `gaps --json`, printing the gaps found, the roots by
# rule, and whether exactly the planted modules (files whose name contains PLANTED, default
# "unused") were reported. Nothing is fetched; make the starters first, e.g.
#   for t in vanilla-ts react-ts vue-ts svelte-ts ...; do npx -y create-vite@9.3.0 $t --template $t \
#     --no-interactive --no-immediate; done        # then plant src/unusedHelper.ts, git init, commit
#   npx create-next-app@latest next-app --ts --app --src-dir --skip-install --yes
#   django-admin startproject mysite . && python3 manage.py startapp polls   (Debian: python3-django)
#
#   bench/planted-gaps.sh FOLDER
# Exit 1 when any repository reports other than its planted modules.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ $# -eq 1 ] && [ -d "$1" ] || { sed -n '2,12p' "${BASH_SOURCE[0]}" >&2; exit 2; }
planted=${PLANTED:-unused}
bad=0
for repo in "$1"/*/; do
  repo=${repo%/}
  [ -d "$repo/.git" ] || continue
  "$root/graph-memory" --repo "$repo" index >/dev/null 2>"$repo.index.err" || { echo "$(basename "$repo"): index failed (see $repo.index.err)"; bad=1; continue; }
  status=0
  "$root/graph-memory" --repo "$repo" gaps --json --suggestions 0 --limit 100 >"$repo.gaps.json" || status=$?
  "$root/graph-memory" --repo "$repo" daemon stop >/dev/null 2>&1 || true
  [ $status -le 3 ] || { echo "$(basename "$repo"): gaps failed ($status)"; bad=1; continue; }
  python3 - "$repo" "$planted" <<'PY' || bad=1
import json, os, subprocess, sys
repo, planted = sys.argv[1], sys.argv[2]
d = json.load(open(repo + ".gaps.json"))
found = sorted(g["path"] for g in d["gaps"])
files = subprocess.run(["git", "-C", repo, "ls-files"], capture_output=True, text=True).stdout.split()
want = sorted(f for f in files if planted in os.path.basename(f) and not f.endswith((".md", ".json")))
ok = found == want
print(f"{os.path.basename(repo):20} {'exact' if ok else 'DIFFERS'}  gaps={found}  roots={d['roots']['by_kind']}")
sys.exit(0 if ok else 1)
PY
done
exit $bad
