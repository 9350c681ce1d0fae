# Sourced by ./graph-memory, bin/with-jdk and .ci/run: sets GM_JAVA_HOME to a JDK 21 or newer.
# Order: $JAVA_HOME, the `java` on PATH, then the usual install folders, newest first.
# Prints a clear message and returns 1 when there is none.

gm_java_major() { # $1 = path to a java binary; prints its major version or nothing
  # The JDK's release file answers without starting a JVM (each start costs 0.1-0.3 s).
  local release
  release="$(dirname "$(dirname "$1")")/release"
  if [ -f "$release" ]; then
    sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9][0-9]*\).*/\2/p' "$release" | head -n 1
    return
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

gm_find_jdk() {
  local min=21 candidate major
  local -a candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(cd "$(dirname "$(readlink -f "$(command -v java)")")/.." && pwd)")
  fi
  local dir
  for dir in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
             "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$dir" ] && candidates+=("$dir")
  done
  local best="" best_major=0
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(gm_java_major "$candidate/bin/java")
    [ -n "$major" ] && [ "$major" -ge "$min" ] || continue
    # JAVA_HOME or PATH wins when suitable; otherwise take the newest found.
    if [ "$candidate" = "${JAVA_HOME:-}" ] || [ "$candidate" = "${candidates[0]}" ]; then
      best=$candidate; best_major=$major; break
    fi
    if [ "$major" -gt "$best_major" ]; then best=$candidate; best_major=$major; fi
  done
  if [ -z "$best" ]; then
    echo "graph-memory: no JDK 21 or newer found (looked at JAVA_HOME, the java on PATH and /usr/lib/jvm)." >&2
    echo "graph-memory: install one (for example Temurin 21 or 25) or set JAVA_HOME to it." >&2
    return 1
  fi
  GM_JAVA_HOME=$best
  GM_JAVA_MAJOR=$best_major
  export GM_JAVA_HOME GM_JAVA_MAJOR
}
