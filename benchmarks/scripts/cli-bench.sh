#!/usr/bin/env bash
# Whole-process cost of the CLI, in ONE hyperfine run so the ratios compare like with like:
#   - a JVM that only prints "hello" (the floor any Java CLI pays),
#   - `bin/localdb port p` with a warm registry, same project every time (the common case),
#   - `bin/localdb ports`,
#   - get-port's one-shot exactly as the peer harness (../shared/bench-peers/bench.py) runs it,
#     when that harness exists (it is copied to a temporary directory and set up there).
# Then peak RSS of each command (/usr/bin/time -v, median of RSS_RUNS runs).
#
# Usage (from anywhere, after `mvn -B -DskipTests package`):
#   benchmarks/scripts/cli-bench.sh
# Knobs (env): RUNS=30 WARMUP=3 RSS_RUNS=5 PEERS_DIR=<repo>/../shared/bench-peers OUT=<repo>/benchmarks/target/cli-bench
# Results: $OUT/summary.md (table), $OUT/hyperfine.json (raw times), $OUT/rss.json.
# On a busy machine the CPU column (user+sys per run) moves much less than the wall times.
# Everything runs with a temporary LOCALDB_HOME; the user's ~/.localdb is never touched.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${RUNS:-30}
WARMUP=${WARMUP:-3}
RSS_RUNS=${RSS_RUNS:-5}
PEERS_DIR=${PEERS_DIR:-$repo/../shared/bench-peers}
OUT=${OUT:-$repo/benchmarks/target/cli-bench}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
PY=/usr/bin/python3

# Installs a Debian package only when its command is missing, and only when we may (root + apt).
require() {
  local command=$1 package=$2
  command -v "$command" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing $package (needed for $command)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null; }
  else
    echo "error: $command is missing: install it (e.g. 'sudo apt-get install $package') and run again" >&2
    exit 1
  fi
}
require hyperfine hyperfine
[ -x /usr/bin/time ] || require /usr/bin/time time
[ -x "$PY" ] || { echo "error: $PY is needed for the summary" >&2; exit 1; }
if [ ! -f "$repo/cli/target/localdb.jar" ]; then
  echo "error: localdb is not built: run 'mvn -B -DskipTests package' in $repo" >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/localdb-cli-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$OUT"
export LOCALDB_HOME=$work/home
unset LOCALDB_PORT_RANGES LOCALDB_JAVA_OPTS LOCALDB_LOCK_TIMEOUT_MS
# The peer harness drops this too: it makes every node start ~80 ms slower on this box.
unset NODE_EXTRA_CA_CERTS

# The floor: a JVM that starts, prints one word and exits.
mkdir -p "$work/hello"
printf 'public final class Hello {\n    public static void main(String[] args) {\n        System.out.println("hello");\n    }\n}\n' \
  > "$work/hello/Hello.java"
"$javac" --release 17 -d "$work/hello" "$work/hello/Hello.java"

# Warm registry: project p already holds its port, as it does after the first `localdb port p`.
"$repo/bin/localdb" port p >/dev/null
"$repo/bin/localdb" port q >/dev/null

names=("JVM floor: java Hello"
       "JVM floor: java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto Hello"
       "localdb port p"
       "localdb ports")
commands=("$java -cp $work/hello Hello"
          "$java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp $work/hello Hello"
          "$repo/bin/localdb port p"
          "$repo/bin/localdb ports")
rundir=$work
peer_versions="peer harness: not found at $PEERS_DIR (get-port row left out)"
if [ -d "$PEERS_DIR" ]; then
  # The shared harness is read-only: copy it and set the copy up (npm ci with its lock file, javac).
  cp -r "$PEERS_DIR" "$work/peers"
  rm -rf "$work/peers/results"
  echo "setting up a copy of the peer harness (log: $OUT/peers-setup.log)" >&2
  (cd "$work/peers" && ./setup.sh) >"$OUT/peers-setup.log" 2>&1 \
    || { echo "error: the peer harness setup failed; see $OUT/peers-setup.log" >&2; exit 1; }
  getport=$(cd "$work/peers" && "$PY" -c 'import bench; print(dict(bench.CLI)["get-port"])')
  names+=("get-port one-shot (bench-peers)")
  commands+=("$getport")
  rundir=$work/peers
  peer_versions="node $(node --version), get-port $(cd "$work/peers" && node -p "require('./node_modules/get-port/package.json').version")"
fi

machine="date: $(date -Is)  host: $(uname -srm)  cpus: $(nproc)  load: $(cut -d' ' -f1-3 /proc/loadavg)
java: $("$java" -version 2>&1 | sed -n 2p)
$(hyperfine --version); $peer_versions"
echo "$machine" >&2

args=()
for i in "${!names[@]}"; do
  args+=(-n "${names[$i]}" "${commands[$i]}")
done
(cd "$rundir" && hyperfine -N --style basic --warmup "$WARMUP" --runs "$RUNS" \
  --export-json "$OUT/hyperfine.json" "${args[@]}") >&2

# Peak resident memory of each command: GNU time's "Maximum resident set size" (KiB).
echo "[" > "$OUT/rss.json"
for i in "${!names[@]}"; do
  eval "set -- ${commands[$i]}"
  values=()
  for _ in $(seq "$RSS_RUNS"); do
    (cd "$rundir" && /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>&1)
    values+=("$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")")
  done
  sep=$([ "$i" -lt $((${#names[@]} - 1)) ] && echo , || true)
  echo "  {\"name\": \"${names[$i]}\", \"max_rss_kib\": [$(IFS=,; echo "${values[*]}")]}$sep" >> "$OUT/rss.json"
done
echo "]" >> "$OUT/rss.json"

MACHINE=$machine "$PY" - "$OUT" <<'PYEOF' | tee "$OUT/summary.md"
import json, os, statistics, sys
out = sys.argv[1]
hf = json.load(open(os.path.join(out, "hyperfine.json")))["results"]
rss = {r["name"]: r["max_rss_kib"] for r in json.load(open(os.path.join(out, "rss.json")))}

def q(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p * (len(s) - 1))))]

med = {r["command"]: statistics.median(r["times"]) * 1000 for r in hf}
floor = med.get("JVM floor: java Hello")
peer = med.get("get-port one-shot (bench-peers)")
print("```\n" + os.environ["MACHINE"] + "\n```\n")
print("| command | median ms | p25-p75 ms | min-max ms | runs | vs java Hello | vs get-port | CPU user+sys ms (mean) | peak RSS MiB (median) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in hf:
    t = [x * 1000 for x in r["times"]]
    m = med[r["command"]]
    rs = rss.get(r["command"], [])
    print("| %s | %.1f | %.1f-%.1f | %.1f-%.1f | %d | %s | %s | %.0f | %s |" % (
        r["command"], m, q(t, .25), q(t, .75), min(t), max(t), len(t),
        "%.2f" % (m / floor) if floor else "-",
        "%.2f" % (m / peer) if peer else "-",
        (r["user"] + r["system"]) * 1000,
        "%.1f" % (statistics.median(rs) / 1024) if rs else "-"))
PYEOF
