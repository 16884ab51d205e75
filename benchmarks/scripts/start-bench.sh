#!/usr/bin/env bash
# `localdb start` to "ready" for the embedded server, and the idle server's resident memory.
#   - start to ready: wall time of `bin/localdb start bench --no-browser`, which returns once the
#     server accepts connections; one untimed start (it creates the project) and then N timed
#     ones, with `localdb stop bench` between runs (not timed). Median, quartiles, min-max.
#   - idle memory: start once more, wait IDLE seconds, read the server's RSS with ps (KiB).
#
# Usage (from anywhere, after `mvn -B -DskipTests package`):
#   benchmarks/scripts/start-bench.sh
# Knobs (env): N=10 IDLE=5 OUT=<repo>/benchmarks/target/start-bench
# Everything runs with a temporary LOCALDB_HOME; every server started here is stopped on exit.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
N=${N:-10}
IDLE=${IDLE:-5}
OUT=${OUT:-$repo/benchmarks/target/start-bench}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
PY=/usr/bin/python3
localdb=$repo/bin/localdb

if [ ! -f "$repo/cli/target/localdb.jar" ]; then
  echo "error: localdb is not built: run 'mvn -B -DskipTests package' in $repo" >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/localdb-start-bench.XXXXXX")
export LOCALDB_HOME=$work/home
unset LOCALDB_PORT_RANGES LOCALDB_JAVA_OPTS LOCALDB_LOCK_TIMEOUT_MS
finish() {
  "$localdb" stop --all >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap finish EXIT
mkdir -p "$OUT"

machine="date: $(date -Is)  host: $(uname -srm)  cpus: $(nproc)  load: $(cut -d' ' -f1-3 /proc/loadavg)
java: $("$java" -version 2>&1 | sed -n 2p)"
echo "$machine" >&2

now_ns() { date +%s%N; }

# The first start also creates the project: reported apart, not in the median.
t0=$(now_ns)
"$localdb" start bench --create --no-browser >"$work/start.out"
first_ms=$(( ($(now_ns) - t0) / 1000000 ))
"$localdb" stop bench >/dev/null

: >"$OUT/start-ms.txt"
for i in $(seq "$N"); do
  t0=$(now_ns)
  "$localdb" start bench --no-browser >"$work/start.out"
  echo $(( ($(now_ns) - t0) / 1000000 )) >>"$OUT/start-ms.txt"
  "$localdb" stop bench >/dev/null
  echo "  run $i: $(tail -1 "$OUT/start-ms.txt") ms" >&2
done

# Idle resident memory of the embedded server.
"$localdb" start bench --no-browser >"$work/start.out"
pid=$(sed -n 's/^ *PID: *\([0-9][0-9]*\).*/\1/p' "$work/start.out" | head -1)
if [ -z "$pid" ]; then
  echo "error: no PID in the output of 'localdb start':" >&2
  cat "$work/start.out" >&2
  exit 1
fi
sleep "$IDLE"
rss_kib=$(ps -o rss= -p "$pid" | tr -d ' ')
hwm_kib=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$pid/status" 2>/dev/null || true)
"$localdb" stop bench >/dev/null

MACHINE=$machine FIRST_MS=$first_ms RSS_KIB=$rss_kib HWM_KIB=${hwm_kib:-} IDLE=$IDLE "$PY" - "$OUT/start-ms.txt" <<'PYEOF' | tee "$OUT/summary.md"
import os, statistics, sys
t = [int(x) for x in open(sys.argv[1]).read().split()]
s = sorted(t)
def q(p):
    return s[min(len(s) - 1, max(0, round(p * (len(s) - 1))))]
e = os.environ
print("```\n" + e["MACHINE"] + "\n```\n")
print("| measure | value |")
print("|---|---|")
print("| start to ready, median of %d (ms) | %d |" % (len(t), statistics.median(t)))
print("| start to ready, p25-p75 / min-max (ms) | %d-%d / %d-%d |" % (q(.25), q(.75), s[0], s[-1]))
print("| first start, creates the project (ms, not in the median) | %s |" % e["FIRST_MS"])
print("| idle embedded server after %s s, RSS (MiB) | %.1f |" % (e["IDLE"], int(e["RSS_KIB"]) / 1024))
if e.get("HWM_KIB"):
    print("| embedded server peak RSS so far, VmHWM (MiB) | %.1f |" % (int(e["HWM_KIB"]) / 1024))
PYEOF
