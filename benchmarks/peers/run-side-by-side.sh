#!/usr/bin/env bash
# localdb side by side with get-port, portfinder, detect-port, portpicker and a naive Java scan,
# in ONE run of the shared peer harness (../shared/bench-peers, read-only: it is copied first).
# See docs/BENCHMARKS.md, "Side by side with the peers", for what each figure means.
#
#   mvn -B -DskipTests package            # once: this script builds nothing of localdb
#   benchmarks/peers/run-side-by-side.sh  # ~16 min on 2 cores; quick look: KS=5 REPS=1 RUNS=5 N=50 ...
#
# The first run may install hyperfine and python3-portpicker (apt) and the npm peers (npm ci):
# the harness's own setup.sh does that. Knobs passed through to its run-all.sh: KS REPS N RUNS.
# Ours: LOCALDB_PEER_FORGET=0 keeps every child's remembered port in the shared registry between
# rounds (see CollisionChild.java); LOCALDB_PEER_WARM_PASS=0 skips the extra collision pass with
# warmed-up localdb children; LOCALDB_PEER_SNAPSHOT=1 runs a copy of the built CLI, for a working
# tree where someone may rebuild cli/target during the run: the copy starts without the AppCDS
# archive (the JVM only accepts it for the jars it was built from), so its start-up is pessimistic.
# Output: the markdown tables on stdout; tables, raw JSON and logs in benchmarks/peers/results/<date-time>/.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
peers_src=$(cd "$repo/.." && pwd)/shared/bench-peers
if [ ! -f "$peers_src/run-all.sh" ] || [ ! -f "$peers_src/bench.py" ]; then
  echo "error: the peer harness is not at $peers_src (run-all.sh, bench.py); it is the shared folder beside the repository. Nothing was run." >&2
  exit 1
fi
if [ ! -f "$repo/cli/target/localdb.jar" ]; then
  echo "error: $repo/cli/target/localdb.jar is missing: run 'mvn -B -DskipTests package' in $repo first." >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/localdb-peers.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The launcher and the jars under test: the working tree, or a frozen copy of it (mtimes kept).
localdb_root=$repo
if [ "${LOCALDB_PEER_SNAPSHOT:-0}" = 1 ]; then
  localdb_root=$work/localdb
  mkdir -p "$localdb_root/bin" "$localdb_root/cli/target"
  cp -p "$repo/bin/localdb" "$localdb_root/bin/"
  # Not the class-data archive: it names the jars it was built from, so the JVM would refuse it here.
  cp -rp "$repo/cli/target/localdb.jar" "$repo/cli/target/lib" "$localdb_root/cli/target/"
fi
launcher=$localdb_root/bin/localdb
jar=$localdb_root/cli/target/localdb.jar

# The harness JVM gets exactly the options bin/localdb gives the CLI (collector, JIT, class-data
# sharing, LOCALDB_JAVA_OPTS): ask the launcher itself, through a stand-in `java` that prints its
# arguments, and keep those before -jar. A change to bin/localdb thus reaches the children too.
mkdir -p "$work/argv-jdk/bin"
printf '#!/bin/sh\nprintf "%%s\\n" "$@"\n' > "$work/argv-jdk/bin/java"
chmod +x "$work/argv-jdk/bin/java"
# The launcher checks for Java 17+ by the JDK's release file; the stand-in reports the real java's version.
real_version=$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
printf 'JAVA_VERSION="%s"\n' "$real_version" > "$work/argv-jdk/release"
jvm_opts=$(JAVA_HOME=$work/argv-jdk "$launcher" | sed '/^-jar$/,$d' | tr '\n' ' ')
java=$(command -v "${JAVA_HOME:+$JAVA_HOME/bin/}java")
javac=$(dirname "$(readlink -f "$java")")/javac

# The jar's manifest names its lib/ jars, so the jar alone is the classpath, and it comes first:
# an AppCDS archive dumped for `-jar localdb.jar` still applies with our classes appended.
mkdir -p "$work/harness-classes"
"$javac" --release 17 -cp "$jar" -d "$work/harness-classes" "$here"/*.java

cp -r "$peers_src" "$work/bench-peers"
chmod -R u+w "$work/bench-peers"

# One home shared by every collision child (the registry lock is under test); the one-shot runs
# get a home of their own so that their reservations never meet the children.
mkdir -m 700 "$work/home-children" "$work/home-oneshot"
export LOCALDB_HOME=$work/home-children
export NEWTOOL_CMD="$java ${jvm_opts}-cp $jar:$work/harness-classes LocalDbHarness {mode}"
export NEWTOOL_ONESHOT="$here/oneshot.sh $work/home-oneshot $launcher"

out=$here/results/$(date +%Y%m%d-%H%M%S)
mkdir -p "$out"
{
  echo "localdb commit: $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- . 2>/dev/null || echo ' (working tree has changes)')"
  echo "localdb jar: $jar ($(stat -c '%y' "$jar" | cut -d. -f1))"
  echo "java: $java ($("$java" -version 2>&1 | sed -n 2p))"
  # Both the launcher and the JVM drop an unusable AppCDS archive silently: say which case this was.
  case $jvm_opts in
    *SharedArchiveFile*)
      if "$java" $jvm_opts -Xshare:on -Xlog:disable -cp "$jar:$work/harness-classes" LocalDbHarness >/dev/null 2>&1 ||
         [ $? -eq 2 ]; then echo "AppCDS archive: usable"; else echo "AppCDS archive: present but refused by the JVM"; fi ;;
    *) echo "AppCDS archive: none (bin/localdb passed no -XX:SharedArchiveFile)" ;;
  esac
  echo "NEWTOOL_CMD=$NEWTOOL_CMD"
  echo "NEWTOOL_ONESHOT=$NEWTOOL_ONESHOT"
  echo "LOCALDB_PEER_FORGET=${LOCALDB_PEER_FORGET:-1} LOCALDB_PEER_SNAPSHOT=${LOCALDB_PEER_SNAPSHOT:-0} KS=${KS:-5,20,50} REPS=${REPS:-5} N=${N:-200} RUNS=${RUNS:-15}"
} > "$out/localdb.txt"

status=0
"$work/bench-peers/run-all.sh" > "$work/run-all.out" 2> >(tee "$out/progress.log" >&2) || status=$?
latest=$work/bench-peers/results/latest
if [ -d "$latest" ]; then
  cp -rL "$latest/." "$out/"
fi

# Extra pass, same harness, localdb only: children that ran one allocation in a private home before
# the barrier (as a node child has imported its library), so the table shows what the registry
# lock itself costs, apart from the JVM loading localdb's code in K processes at once.
if [ "$status" -eq 0 ] && [ "${LOCALDB_PEER_WARM_PASS:-1}" = 1 ]; then
  echo "== extra: collision test, localdb children warmed up before the barrier" >&2
  mkdir -m 700 "$work/home-warm"
  mkdir "$out/warm-children"
  (cd "$work/bench-peers" && LOCALDB_HOME=$work/home-warm LOCALDB_PEER_WARM=1 /usr/bin/python3 bench.py collide \
      --dir "$out/warm-children" --peers newtool --ks "${KS:-5,20,50}" --reps "${REPS:-5}") || status=$?
fi

# The report: the harness's own tables (also from a run that failed half-way), with "newtool"
# called localdb, then localdb against its targets.
{
  echo "## Results ($(basename "$out"))"
  echo
  echo '```'
  cat "$out/versions.txt" 2>/dev/null || echo "(no versions: the harness stopped before writing them)"
  echo '```'
  echo
  (cd "$work/bench-peers" && /usr/bin/python3 bench.py report --dir "$out") | sed 's/^| newtool |/| localdb |/'
  if [ -f "$out/warm-children/collide.json" ]; then
    echo "### Extra pass: localdb children warmed up before the barrier"
    echo
    (cd "$work/bench-peers" && /usr/bin/python3 bench.py report --dir "$out/warm-children") | sed 's/^| newtool |/| localdb (warm children) |/'
  fi
  /usr/bin/python3 "$here/summarize.py" "$out"
} > "$out/report.md" || status=$?
cat "$out/report.md"
echo >&2
echo "saved in ${out#"$repo"/} (report.md: versions + tables; *.json: raw figures; localdb.txt: what ran)" >&2
if [ "$status" -ne 0 ]; then
  echo "error: the peer harness failed (exit $status); see the logs in ${out#"$repo"/}" >&2
fi
exit "$status"
