#!/usr/bin/env bash
# A local Orleans cluster on one machine: Azurite (the Azure Storage emulator from tools/azurite) and N silos of the
# host (3 by default), each with its own HTTP, silo and gateway ports, all joined through Azurite's membership table.
#
#   tools/local-cluster.sh start [N]   build, start Azurite and N silos (HTTP on 5001..500N)
#   tools/local-cluster.sh status      which processes run, and the cluster as silo 1 sees it
#   tools/local-cluster.sh stop        stop the silos, then Azurite
#
# State, logs and the shared API key and admin password live in data/local-cluster/. Azurite keeps its data there
# too, so a restarted cluster finds its campaigns again; `stop --wipe` deletes it.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=data/local-cluster
host=src/Campaign.Host/bin/Release/net10.0/Campaign.Host.dll
azurite=tools/azurite/node_modules/.bin/azurite
mkdir -p "$dir"

secret() { # secret NAME: read data/local-cluster/NAME, creating it on first use (owner-only)
  local file="$dir/$1"
  if [ ! -s "$file" ]; then
    (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$file")
  fi
  cat "$file"
}

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_for_port() { # wait_for_port PORT SECONDS
  for _ in $(seq 1 $(($2 * 5))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}

start() {
  local count=${1:-3}
  [ -x "$azurite" ] || (cd tools/azurite && npm ci --no-audit --no-fund --loglevel=error)
  dotnet build src/Campaign.Host -c Release -v quiet -nologo >/dev/null

  if ! running "$dir/azurite.pid"; then
    "$azurite" --silent --skipApiVersionCheck --disableProductStyleUrl --disableTelemetry --location "$dir/azurite" \
      --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >"$dir/azurite.log" 2>&1 &
    echo $! >"$dir/azurite.pid"
    wait_for_port 10002 30 || { echo "Azurite did not start; see $dir/azurite.log" >&2; exit 1; }
  fi

  local key password
  key=$(secret api-key)
  password=$(secret admin-password)
  for i in $(seq 1 "$count"); do
    if running "$dir/silo$i.pid"; then
      continue
    fi

    # The first silo seeds the demo data into an empty store; the others only join.
    CAMPAIGN_PROFILE=cluster \
    Storage__AzureStorage__ConnectionString=UseDevelopmentStorage=true \
    Auth__ApiKey="$key" Auth__Admin__Password="$password" \
    Orleans__AdvertisedIP=127.0.0.1 Orleans__SiloPort=$((11110 + i)) Orleans__GatewayPort=$((30000 + i)) \
    Demo__Seed=$([ "$i" -eq 1 ] && echo true || echo false) \
      nohup dotnet "$host" --urls "http://127.0.0.1:$((5000 + i))" >"$dir/silo$i.log" 2>&1 &
    echo $! >"$dir/silo$i.pid"
    wait_for_port $((5000 + i)) 90 || { echo "Silo $i did not start; see $dir/silo$i.log" >&2; exit 1; }
    echo "silo $i: http://127.0.0.1:$((5000 + i))  (silo port $((11110 + i)), gateway $((30000 + i)), log $dir/silo$i.log)"
  done

  echo "API key (X-Api-Key): $key"
  echo "Admin login: user 'admin', password '$password'"
}

status() {
  for pidfile in "$dir"/*.pid; do
    [ -f "$pidfile" ] || continue
    name=$(basename "$pidfile" .pid)
    if running "$pidfile"; then echo "$name: running (pid $(cat "$pidfile"))"; else echo "$name: stopped"; fi
  done
  if running "$dir/silo1.pid"; then
    curl -s -H "X-Api-Key: $(secret api-key)" http://127.0.0.1:5001/api/system && echo
  fi
}

stop() {
  for pidfile in "$dir"/silo*.pid "$dir"/azurite.pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    fi
    rm -f "$pidfile"
  done
  if [ "${1:-}" = "--wipe" ]; then
    rm -rf "$dir"
  fi
}

case "${1:-}" in
  start) start "${2:-3}" ;;
  status) status ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start [silos] | status | stop [--wipe]" >&2; exit 2 ;;
esac
