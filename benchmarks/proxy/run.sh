#!/usr/bin/env bash
# Side-by-side proxy benchmark (issue #12): the same Node backend reached directly, through
# localdb's proxy, nginx (1 worker, keepalive upstream), caddy and portless, in one run.
#   benchmarks/proxy/run.sh [seconds-per-case]      (after: mvn -B -DskipTests package)
# Prints one table; every figure comes from wrk --latency or ps in this run.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-8}
work=$(mktemp -d /tmp/proxy-bench.XXXXXX)
backend=18080 localdb_http=18081 localdb_https=18443 nginx_port=18082 caddy_port=18083 portless_port=18084
portless=${PORTLESS:-$(command -v portless || echo /tmp/pl/node_modules/.bin/portless)}
export LOCALDB_HOME=$work/home
pids=()

cleanup() {
  "$repo/bin/localdb" proxy stop >/dev/null 2>&1 || true
  [ -x "$portless" ] && HOME=$work/portless-home "$portless" proxy stop -p "$portless_port" >/dev/null 2>&1 || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  # portless starts its daemon detached: end whatever still listens on its port.
  for pid in $(ss -ltnpH "sport = :$portless_port" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u); do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
wait_port() { # port -> ms waited until it accepts
  local start; start=$(now_ms)
  for _ in $(seq 1 500); do
    if (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; then echo $(( $(now_ms) - start )); return 0; fi
    sleep 0.01
  done
  echo "port $1 never accepted" >&2; return 1
}
rss_kib() { # sum of RSS of the processes listening on a port (nginx: master + worker)
  local total=0 pid
  for pid in $(ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u); do
    total=$(( total + $(ps -o rss= -p "$pid" | tr -d ' ') ))
    for child in $(pgrep -P "$pid" || true); do total=$(( total + $(ps -o rss= -p "$child" | tr -d ' ') )); done
  done
  echo $(( total / 1024 ))
}

node "$repo/benchmarks/proxy/backend.mjs" "$backend" & pids+=($!)
wait_port "$backend" >/dev/null

# localdb: the start time is `proxy start` on a fresh home (a CLI JVM that makes the local CA and
# launches the proxy JVM) until the port accepts.
start=$(now_ms)
LOCALDB_PROXY_HTTP_PORT=$localdb_http LOCALDB_PROXY_HTTPS_PORT=$localdb_https "$repo/bin/localdb" proxy start >/dev/null
wait_port "$localdb_http" >/dev/null
localdb_start=$(( $(now_ms) - start ))
"$repo/bin/localdb" proxy alias bench "$backend" >/dev/null
sleep 0.5 # routes are read again every 250 ms

cat > "$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  upstream backend { server 127.0.0.1:$backend; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host; }
  }
}
NGINX
start=$(now_ms); nginx -c "$work/nginx.conf" -p "$work"; wait_port "$nginx_port" >/dev/null; nginx_start=$(( $(now_ms) - start ))

cat > "$work/Caddyfile" <<CADDY
{
  admin off
  auto_https off
}
http://:$caddy_port {
  bind 127.0.0.1
  reverse_proxy 127.0.0.1:$backend
}
CADDY
start=$(now_ms); HOME=$work caddy run --config "$work/Caddyfile" --adapter caddyfile >"$work/caddy.log" 2>&1 & pids+=($!)
wait_port "$caddy_port" >/dev/null; caddy_start=$(( $(now_ms) - start ))

portless_start=-
if [ -x "$portless" ]; then
  mkdir -p "$work/portless-home"
  start=$(now_ms)
  HOME=$work/portless-home "$portless" proxy start --no-tls -p "$portless_port" >"$work/portless.log" 2>&1 || true
  if wait_port "$portless_port" >/dev/null 2>&1; then
    portless_start=$(( $(now_ms) - start ))
    HOME=$work/portless-home "$portless" alias bench "$backend" >>"$work/portless.log" 2>&1
  fi
fi

# Idle RSS, before any load.
declare -A idle loaded
for name in localdb nginx caddy portless; do
  port_var=${name}_port; [ "$name" = localdb ] && port_var=localdb_http
  idle[$name]=$(rss_kib "${!port_var}" 2>/dev/null || echo -)
done

# wrk prints "Requests/sec:", "Transfer/sec:" and with --latency the 50%/99% lines.
measure() { # label port path [extra wrk args...] -> "req/s p50 p99 transfer"
  local port=$1 path=$2; shift 2
  wrk -t1 -c50 -d"${secs}s" --latency -H "Host: bench.localhost" "$@" "http://127.0.0.1:$port$path" > "$work/wrk.out" 2>&1 || true
  awk '/Requests\/sec/ {r=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Transfer\/sec/ {t=$2} /Non-2xx/ {bad=$NF}
       END {printf "%s %s %s %s %s\n", r, p50, p99, t, (bad==""?0:bad)}' "$work/wrk.out"
}

printf '%-9s | %-32s | %-32s | %-24s | %-10s | %-13s | %s\n' target "keep-alive small (req/s p50 p99)" "new connection each (req/s p99)" "1 MiB (req/s, transfer)" "non-2xx" "RSS idle/load" "start ms"
for name in direct localdb nginx caddy portless; do
  case $name in
    direct) port=$backend; startms=- ;;
    localdb) port=$localdb_http; startms=$localdb_start ;;
    nginx) port=$nginx_port; startms=$nginx_start ;;
    caddy) port=$caddy_port; startms=$caddy_start ;;
    portless) port=$portless_port; startms=$portless_start; [ "$portless_start" = - ] && { echo "portless  | not running (see $work/portless.log)"; continue; } ;;
  esac
  # Warm-up, not measured: the JVM's JIT (localdb) needs it, the others take it as it comes.
  wrk -t1 -c50 -d3s -H "Host: bench.localhost" "http://127.0.0.1:$port/" >/dev/null 2>&1 || true
  read -r r p50 p99 _ bad1 < <(measure "$port" /)
  read -r cr _ cp99 _ bad2 < <(measure "$port" / -H "Connection: close")
  read -r br _ _ bt bad3 < <(measure "$port" /big -c10)
  if [ "$name" = direct ]; then mem=-; else mem="${idle[$name]}/$(rss_kib "$port") MiB"; fi
  printf '%-9s | %-32s | %-32s | %-24s | %-10s | %-13s | %s\n' "$name" "$r $p50 $p99" "$cr $cp99" "$br $bt" "$bad1/$bad2/$bad3" "$mem" "$startms"
done
# A second start, the CA made already: what a user sees after the first day.
"$repo/bin/localdb" proxy stop >/dev/null
start=$(now_ms)
LOCALDB_PROXY_HTTP_PORT=$localdb_http LOCALDB_PROXY_HTTPS_PORT=$localdb_https "$repo/bin/localdb" proxy start >/dev/null
wait_port "$localdb_http" >/dev/null
echo "localdb proxy start again (CA exists; CLI JVM + proxy JVM until accepting): $(( $(now_ms) - start )) ms"
echo "(after a 3 s unmeasured warm-up per target; wrk -t1 -c50 -d${secs}s --latency; 1 MiB with -c10; 'new connection' sends Connection: close; RSS of the listening processes and their children)"
