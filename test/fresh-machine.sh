#!/usr/bin/env bash
# The fresh-machine path of the README, as CI proves it: `npm start` on an empty data directory, then
# `maaltavle report --format pdf` beside the running server, with Debian's chromium hidden (CHROMIUM_PATH
# points nowhere and PATH holds node, npm and sh only). The PDF must hold the Faxe figures of seed 002.
# Run from the repository root after `npm install`: bash test/fresh-machine.sh
set -euo pipefail
cd "$(dirname "$0")/.."

fresh="$(mktemp -d)"
trap 'rm -rf "$fresh"' EXIT
mkdir "$fresh/bin"
ln -s "$(command -v node)" "$fresh/bin/node"
ln -s "$(command -v npm)" "$fresh/bin/npm"
ln -s "$(command -v sh)" "$fresh/bin/sh" # npm runs scripts with sh
port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
hidden=(env PATH="$fresh/bin" CHROMIUM_PATH="$fresh/no-chromium-here" MAALTAVLE_DATA_DIR="$fresh/data"
  HOST=127.0.0.1 PORT="$port" DATABASE_URL=)

setsid "${hidden[@]}" npm start >"$fresh/server.log" 2>&1 &
server=$!
stop() { kill -TERM -- "-$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
trap 'stop; cat "$fresh/server.log"' ERR

for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  kill -0 "$server" 2>/dev/null || break # the server exited
  sleep 1
done
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null

plan="$("${hidden[@]}" node bin/maaltavle.js plans --json |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).find(p=>p.municipality==="320").id))')"
"${hidden[@]}" node bin/maaltavle.js report --plan "$plan" --format pdf --out "$fresh/faxe.pdf"
stop
trap - ERR

text="$(pdftotext -layout "$fresh/faxe.pdf" - | tr -s ' \n' '  ')"
for figure in 'Status på mål i Beskæftigelsesplanen 2020-2021' '239 af 450 virksomhedsbesøg' '49,7 %' '15,3 %'; do
  if [[ "$text" != *"$figure"* ]]; then
    echo "fresh-machine PDF lacks \"$figure\"" >&2
    exit 1
  fi
done
echo "fresh-machine path: $(pdfinfo "$fresh/faxe.pdf" | grep -E '^(Pages|Tagged|Producer)' | tr -s ' ' | paste -sd ';'), Faxe figures found"
