#!/usr/bin/env bash
# Side-by-side proxy benchmark (issue #12): the same Node backend reached directly, through
# localdb's proxy, nginx (1 worker, keepalive upstream), caddy and portless, in one run.
#   benchmarks/proxy/run.sh [seconds-per-case]      (after: mvn -B -DskipTests package)
# Prints one table; every figure comes from wrk --latency, ws-echo.mjs or ps in this run.
# HTTPS: a new TLS connection per request (wrk, SNI bench.localhost), each proxy with an ECDSA
# P-256 certificate (localdb: its local CA; the others: one self-signed by openssl here); the
# negotiated protocol/cipher is printed per target. WebSocket: ws-echo.mjs, 10 connections.
# A tool that is missing (openssl, portless) or a case that fails leaves "-" in its column.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-8}
work=$(mktemp -d /tmp/proxy-bench.XXXXXX)
backend=18080 localdb_http=18081 localdb_https=18443 nginx_port=18082 caddy_port=18083 portless_port=18084
nginx_https=18085 caddy_https=18086 portless_https=18087
portless=${PORTLESS:-$(command -v portless || echo /tmp/pl/node_modules/.bin/portless)}
export LOCALDB_HOME=$work/home
pids=()

cleanup() {
  "$repo/bin/localdb" proxy stop >/dev/null 2>&1 || true
  [ -x "$portless" ] && HOME=$work/portless-home "$portless" proxy stop -p "$portless_port" >/dev/null 2>&1 || true
  [ -x "$portless" ] && HOME=$work/portless-tls-home "$portless" proxy stop -p "$portless_https" >/dev/null 2>&1 || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  # portless starts its daemons detached: end whatever still listens on their ports.
  for port in "$portless_port" "$portless_https"; do
    for pid in $(ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u); do kill "$pid" 2>/dev/null || true; done
  done
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

# One self-signed ECDSA P-256 certificate for bench.localhost, for nginx and caddy (localdb issues
# its own from its local CA, portless from its CA). Without openssl their HTTPS columns say "-".
tls_cert=
if command -v openssl >/dev/null 2>&1 && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
    -subj /CN=bench.localhost -addext subjectAltName=DNS:bench.localhost \
    -keyout "$work/bench-key.pem" -out "$work/bench-cert.pem" >/dev/null 2>&1; then
  tls_cert=$work/bench-cert.pem
fi
nginx_tls= caddy_tls=
if [ -n "$tls_cert" ]; then
  nginx_tls="server {
    listen 127.0.0.1:$nginx_https ssl;
    ssl_certificate $tls_cert; ssl_certificate_key $work/bench-key.pem; ssl_protocols TLSv1.2 TLSv1.3;
    # TLS_AES_128_GCM_SHA256 first, as localdb (JDK) and caddy (Go) choose by their own order.
    ssl_prefer_server_ciphers on; ssl_conf_command Ciphersuites TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection \"\"; proxy_set_header Host \$host; }
  }"
  caddy_tls="https://:$caddy_https {
  bind 127.0.0.1
  tls $tls_cert $work/bench-key.pem
  reverse_proxy 127.0.0.1:$backend
}"
fi

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
    location /ws { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Upgrade \$http_upgrade; proxy_set_header Connection "upgrade"; proxy_set_header Host \$host; }
  }
  $nginx_tls
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
$caddy_tls
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
  # Its HTTPS proxy, a second daemon with a home of its own; --skip-trust: its CA stays out of
  # the system trust store (without it, portless adds it there when it can).
  mkdir -p "$work/portless-tls-home"
  HOME=$work/portless-tls-home "$portless" proxy start --skip-trust -p "$portless_https" >"$work/portless-tls.log" 2>&1 || true
  if wait_port "$portless_https" >/dev/null 2>&1; then
    HOME=$work/portless-tls-home "$portless" alias bench "$backend" >>"$work/portless-tls.log" 2>&1 || true
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

# HTTPS, a new TLS connection per request: wrk to https://bench.localhost:PORT, so SNI and Host
# say bench.localhost, while sni.lua makes it connect to 127.0.0.1 (the name need not resolve).
cat > "$work/sni.lua" <<'LUA'
wrk.resolve = function(host, service) wrk.addrs = wrk.lookup("127.0.0.1", service) end
LUA
measure_tls() { # port -> "req/s p99 non-2xx", or "- - -" when nothing listens there
  (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null || { echo "- - -"; return; }
  wrk -t1 -c50 -d"${secs}s" --latency -s "$work/sni.lua" -H "Host: bench.localhost" -H "Connection: close" \
    "https://bench.localhost:$1/" > "$work/wrk-tls.out" 2>&1 || true
  awk '/Requests\/sec/ {r=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF}
       END {printf "%s %s %s\n", (r==""?"-":r), (p99==""?"-":p99), (bad==""?0:bad)}' "$work/wrk-tls.out"
}
tls_params() { # port -> what openssl s_client negotiates with SNI bench.localhost (as wrk's OpenSSL would)
  command -v openssl >/dev/null 2>&1 || { echo "- (no openssl)"; return; }
  local negotiated key
  negotiated=$(timeout 10 openssl s_client -brief -connect "127.0.0.1:$1" -servername bench.localhost </dev/null 2>&1 \
    | awk -F': ' '/^Protocol version/ {p=$2} /^Ciphersuite/ {c=$2} /^Signature type/ {s=$2} /^Hash used/ {h=$2} /^Server Temp Key/ {k=$2}
                  END {if (p=="") print "- (no handshake)"; else printf "%s %s, signature %s+%s, key exchange %s\n", p, c, s, h, k}')
  key=$(timeout 10 openssl s_client -connect "127.0.0.1:$1" -servername bench.localhost </dev/null 2>/dev/null \
    | openssl x509 -noout -text 2>/dev/null | awk '/Public Key Algorithm/ {a=$NF} /ASN1 OID|Public-Key:/ {sub(/^ +/, ""); k=k" "$0} END {print a k}')
  echo "$negotiated; leaf key: ${key:--}"
}
# WebSocket echo: 10 connections through the target, each sends 16 bytes and waits for the echo.
measure_ws() { # port -> "round-trips/s p50 p99 upgraded"
  timeout $(( secs + 20 )) node "$repo/benchmarks/proxy/ws-echo.mjs" "$1" 10 "$secs" > "$work/ws.out" 2>&1 || true
  awk '/^roundtrips/ {for (i = 1; i <= NF; i++) {split($i, kv, "="); v[kv[1]] = kv[2]}}
       END {if (v["roundtrips/s"] == "") print "- - - -"; else printf "%s %s %s %s\n", v["roundtrips/s"], v["p50"], v["p99"], v["upgraded"]}' "$work/ws.out"
}

printf '%-9s | %-32s | %-32s | %-24s | %-10s | %-13s | %-8s | %-35s | %s\n' target "keep-alive small (req/s p50 p99)" "new connection each (req/s p99)" "1 MiB (req/s, transfer)" "non-2xx" "RSS idle/load" "start ms" "HTTPS new TLS conn each (req/s p99)" "WebSocket echo (round trips/s p50 p99, upgraded)"
declare -A tls_of
for name in direct localdb nginx caddy portless; do
  case $name in
    direct) port=$backend; startms=-; tls_port= ;;
    localdb) port=$localdb_http; startms=$localdb_start; tls_port=$localdb_https ;;
    nginx) port=$nginx_port; startms=$nginx_start; tls_port=$nginx_https ;;
    caddy) port=$caddy_port; startms=$caddy_start; tls_port=$caddy_https ;;
    portless) port=$portless_port; startms=$portless_start; tls_port=$portless_https; [ "$portless_start" = - ] && { echo "portless  | not running (see $work/portless.log)"; continue; } ;;
  esac
  # Warm-up, not measured: the JVM's JIT (localdb) needs it, the others take it as it comes.
  wrk -t1 -c50 -d3s -H "Host: bench.localhost" "http://127.0.0.1:$port/" >/dev/null 2>&1 || true
  read -r r p50 p99 _ bad1 < <(measure "$port" /)
  read -r cr _ cp99 _ bad2 < <(measure "$port" / -H "Connection: close")
  read -r br _ _ bt bad3 < <(measure "$port" /big -c10)
  if [ "$name" = direct ]; then mem=-; else mem="${idle[$name]}/$(rss_kib "$port") MiB"; fi
  # The new cases after the RSS sample, so the columns before them are measured as they were.
  tr=- tp99=- bad4=-
  if [ -n "$tls_port" ]; then
    wrk -t1 -c50 -d3s -s "$work/sni.lua" -H "Host: bench.localhost" -H "Connection: close" "https://bench.localhost:$tls_port/" >/dev/null 2>&1 || true
    read -r tr tp99 bad4 < <(measure_tls "$tls_port")
    tls_of[$name]=$(tls_params "$tls_port")
  fi
  timeout 10 node "$repo/benchmarks/proxy/ws-echo.mjs" "$port" 10 2 >/dev/null 2>&1 || true # warm-up, not measured
  read -r wr wp50 wp99 wup < <(measure_ws "$port")
  printf '%-9s | %-32s | %-32s | %-24s | %-10s | %-13s | %-8s | %-35s | %s\n' "$name" "$r $p50 $p99" "$cr $cp99" "$br $bt" "$bad1/$bad2/$bad3/$bad4" "$mem" "$startms" "$tr $tp99" "$wr $wp50 $wp99 $wup"
done
for name in localdb nginx caddy portless; do
  [ -n "${tls_of[$name]:-}" ] && echo "TLS $name: ${tls_of[$name]}"
done
# A second start, the CA made already: what a user sees after the first day.
"$repo/bin/localdb" proxy stop >/dev/null
start=$(now_ms)
LOCALDB_PROXY_HTTP_PORT=$localdb_http LOCALDB_PROXY_HTTPS_PORT=$localdb_https "$repo/bin/localdb" proxy start >/dev/null
wait_port "$localdb_http" >/dev/null
echo "localdb proxy start again (CA exists; CLI JVM + proxy JVM until accepting): $(( $(now_ms) - start )) ms"
echo "(after a 3 s unmeasured warm-up per target; wrk -t1 -c50 -d${secs}s --latency; 1 MiB with -c10; 'new connection' sends Connection: close; RSS of the listening processes and their children)"
echo "(HTTPS: 3 s unmeasured, then wrk -t1 -c50 -d${secs}s --latency -H 'Connection: close' https://bench.localhost:PORT/ with SNI, connecting to 127.0.0.1; non-2xx: small/new connection/1 MiB/HTTPS)"
echo "(WebSocket: 2 s unmeasured, then node ws-echo.mjs PORT 10 ${secs}: 10 connections, 16-byte text frame and its echo, one at a time per connection; p50/p99 per round trip)"
