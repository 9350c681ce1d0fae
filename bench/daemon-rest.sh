#!/usr/bin/env bash
# The store daemon at rest: its memory and CPU after a first index, with nothing asking it anything.
#
#   bench/daemon-rest.sh CORPUS [SECONDS...]
#
# CORPUS is a folder (a git clone at a pinned commit, never modified: a fresh `git clone` of its HEAD
# is indexed, e.g. jsoup at 46b62086). No daemon of that copy runs before. The script runs
# `graph-memory --repo COPY index` (which spawns the daemon), then prints the daemon's RSS at each of
# SECONDS after the index (default 40 90), split by /proc/PID/smaps into the Java heap, the start-up
# cache's read-write and read-only mappings, the code cache, other files and other anonymous memory,
# and finally the CPU the daemon used over the next 60 s (utime + stime from /proc/PID/stat). It
# stops the daemon at the end. Linux only (/proc). BENCH_DIR (default /tmp/gm-rest) holds the copy.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ $# -ge 1 ] || { sed -n '2,13p' "${BASH_SOURCE[0]}" >&2; exit 2; }
[ -d /proc/self ] || { echo "needs /proc (Linux)" >&2; exit 2; }
[ -f "$root/server/target/graph-memory.jar" ] || { echo "build first: bin/with-jdk ./mvnw -q -B -DskipTests package" >&2; exit 1; }
corpus=$1; shift
times=("$@"); [ ${#times[@]} -gt 0 ] || times=(40 90)
work=${BENCH_DIR:-/tmp/gm-rest}
copy="$work/$(basename "$corpus")"
mkdir -p "$work"
[ -d "$copy" ] && "$root/graph-memory" --repo "$copy" daemon stop >/dev/null 2>&1 || true
rm -rf "$copy"
git clone -q --no-hardlinks "$corpus" "$copy"

start=$(date +%s.%N)
"$root/graph-memory" --repo "$copy" index >"$work/index.out" 2>&1 || { tail -n 5 "$work/index.out" >&2; exit 1; }
end=$(date +%s.%N)
pid=$(ps -eo pid=,args= | awk -v p="$copy" 'index($0, "daemon run") && index($0, p) { print $1; exit }')
[ -n "$pid" ] || { echo "no daemon found for $copy" >&2; exit 1; }
awk -v s="$start" -v e="$end" -v p="$pid" 'BEGIN { printf "index %.1f s; daemon pid %s\n", e - s, p }'

# The Java heap's reserved range, from the JVM itself (jcmd GC.heap_info), so the split does not guess.
jcmd="$(dirname "$(readlink -f "/proc/$pid/exe")")/jcmd"
heap_lo=0; heap_hi=0
while read -r lo _ hi; do
  lo=$((16#${lo#0x})); hi=$((16#${hi#0x}))
  if [ "$heap_lo" = 0 ] || [ "$lo" -lt "$heap_lo" ]; then heap_lo=$lo; fi
  if [ "$hi" -gt "$heap_hi" ]; then heap_hi=$hi; fi
done < <("$jcmd" "$pid" GC.heap_info 2>/dev/null | grep -oE '\[0x[0-9a-f]+, 0x[0-9a-f]+, 0x[0-9a-f]+\)' | tr -d '[],)')

# parts PID: the RSS of the daemon's mappings, in MB, by kind.
parts() {
  local heap=0 rw=0 ro=0 code=0 files=0 anon=0 kind=anon perm lo hi key value offset dev inode name
  while read -r key value offset dev inode name; do
    case "$key" in
      Rss:)
        case "$kind" in heap) heap=$((heap + value));; rw) rw=$((rw + value));; ro) ro=$((ro + value));;
          code) code=$((code + value));; files) files=$((files + value));; *) anon=$((anon + value));; esac;;
      *-*)
        [[ "$key" =~ ^[0-9a-f]+-[0-9a-f]+$ ]] || continue
        perm=$value; lo=$((16#${key%-*})); hi=$((16#${key#*-}))
        if [[ "$name" == *.aot ]]; then if [[ "$perm" == rw* ]]; then kind=rw; else kind=ro; fi
        elif [ -z "$name" ] && [ "$perm" = rwxp ]; then kind=code
        elif [ -n "$name" ] && [[ "$name" != \[* ]]; then kind=files
        elif [ -z "$name" ] && [ "$lo" -ge "$heap_lo" ] && [ "$hi" -le "$heap_hi" ]; then kind=heap
        else kind=anon; fi;;
    esac
  done <<< "$(cat "/proc/$1/smaps")" # read once: bash reads a /proc file a byte per call
  echo "RSS $(( (heap + rw + ro + code + files + anon) / 1024 )) MB: heap $((heap / 1024)), start-up cache rw $((rw / 1024)), ro $((ro / 1024)), code $((code / 1024)), files $((files / 1024)), other anonymous $((anon / 1024))"
}
t0=$(date +%s)
for t in "${times[@]}"; do
  while [ $(( $(date +%s) - t0 )) -lt "$t" ]; do sleep 1; done
  echo "t=${t}s $(parts "$pid")"
done
ticks=$(getconf CLK_TCK)
c0=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
sleep 60
c1=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
awk -v a="$c0" -v b="$c1" -v t="$ticks" 'BEGIN { printf "CPU over the next 60 s: %.2f s\n", (b - a) / t }'
echo "after: $(parts "$pid")"
"$root/graph-memory" --repo "$copy" daemon stop >/dev/null 2>&1 || true
