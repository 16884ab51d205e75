#!/usr/bin/env bash
# Issue #15's test-JVM figure: the same outside project (20 test classes x 5 tests, each test
# binding its port for 200 ms; surefire forkCount=4, reuseForks=false) run with ports from
# @LocalDbPort and with ports from new ServerSocket(0), alternated, ROUNDS times each.
# Prints each suite's wall time, the medians and their ratio (localdb / ServerSocket(0)).
#   benchmarks/junit/run.sh [rounds]      (installs localdb-junit into ~/.m2 first)
#   ARGLINE='-Xlog:class+load:file=/tmp/cl/%p.txt' benchmarks/junit/run.sh 1   (options for every test JVM)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-3}
work=$(mktemp -d /tmp/junit-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$repo/pom.xml" | head -1)
junit=$(sed -n 's:.*<junit.version>\(.*\)</junit.version>.*:\1:p' "$repo/pom.xml" | head -1)
# The plugin versions localdb's own build pins (and so has in the local repository, for -o).
plugin() { grep -A1 "<artifactId>maven-$1-plugin</artifactId>" "$repo/pom.xml" | sed -n 's:.*<version>\(.*\)</version>.*:\1:p' | head -1; }

(cd "$repo" && mvn -B -q -o install -DskipTests -pl junit-extension -am)

write_project() { # dir variant: localdb | serversocket
  local dir=$1 variant=$2
  mkdir -p "$dir/src/test/java/bench"
  cat > "$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>junit-$variant</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencyManagement><dependencies><dependency><groupId>org.junit</groupId><artifactId>junit-bom</artifactId>
    <version>${junit:-5.14.4}</version><type>pom</type><scope>import</scope></dependency></dependencies></dependencyManagement>
  <dependencies>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><scope>test</scope></dependency>
    <dependency><groupId>dev.localdb</groupId><artifactId>localdb-junit</artifactId><version>$version</version><scope>test</scope></dependency>
  </dependencies>
  <build><plugins>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>$(plugin resources)</version></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>$(plugin compiler)</version></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>$(plugin surefire)</version>
      <configuration><forkCount>4</forkCount><reuseForks>false</reuseForks><argLine>${ARGLINE:-}</argLine></configuration></plugin>
  </plugins></build>
</project>
POM
  for c in $(seq -w 1 20); do
    if [ "$variant" = localdb ]; then
      field='@dev.localdb.junit.LocalDbPort int port;'; port='port'
    else
      field=''; port='freePort()'
    fi
    {
      echo "package bench;"
      echo "import java.net.*;"
      echo "class Bind${c}Test {"
      echo "  $field"
      echo "  static int freePort() throws Exception { try (ServerSocket s = new ServerSocket(0)) { return s.getLocalPort(); } }"
      for t in 1 2 3 4 5; do
        echo "  @org.junit.jupiter.api.Test void test$t() throws Exception {"
        echo "    try (ServerSocket server = new ServerSocket($port, 50, InetAddress.getLoopbackAddress())) { Thread.sleep(200); }"
        echo "  }"
      done
      echo "}"
    } > "$dir/src/test/java/bench/Bind${c}Test.java"
  done
}

write_project "$work/localdb" localdb
write_project "$work/serversocket" serversocket
export LOCALDB_HOME=$work/home
# Compile both once, so each timed run is the test phase (forks and tests), not the compiler.
for v in localdb serversocket; do (cd "$work/$v" && mvn -B -q -o test-compile); done

now_ms() { date +%s%3N; }
declare -a t_localdb t_socket
for i in $(seq 1 "$rounds"); do
  for v in localdb serversocket; do
    start=$(now_ms)
    (cd "$work/$v" && mvn -B -q -o surefire:test >"$work/$v-$i.log" 2>&1) || { echo "$v run $i failed:"; tail -30 "$work/$v-$i.log"; exit 1; }
    ms=$(( $(now_ms) - start ))
    if [ "$v" = localdb ]; then t_localdb+=("$ms"); else t_socket+=("$ms"); fi
    echo "round $i $v: ${ms} ms"
  done
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ml=$(median "${t_localdb[@]}"); ms=$(median "${t_socket[@]}")
echo "median @LocalDbPort: $ml ms; median ServerSocket(0): $ms ms; ratio: $(awk -v a="$ml" -v b="$ms" 'BEGIN {printf "%.3f", a/b}')"
