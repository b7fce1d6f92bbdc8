#!/usr/bin/env bash
# CI: a real server with a designed project, then scripts/export_example.py (python3, standard
# library only) downloads its DPO and reward exports and checks them against what TRL needs.
# Reuses the build `npm test` made (NEXT_DIST_DIR, default .next) and cleans up after itself.
set -euo pipefail
cd "$(dirname "$0")/.."

info="$(mktemp)"
rm -f "$info"
node node_modules/tsx/dist/cli.mjs --conditions=react-server scripts/ci-export-example.ts "$info" &
helper=$!
cleanup() {
  kill -TERM "$helper" 2>/dev/null || true
  wait "$helper" 2>/dev/null || true
  rm -f "$info"
}
trap cleanup EXIT

for _ in $(seq 1 600); do
  [ -s "$info" ] && break
  if ! kill -0 "$helper" 2>/dev/null; then echo "export example: the server helper failed" >&2; exit 1; fi
  sleep 0.5
done
[ -s "$info" ] || { echo "export example: the server did not come up" >&2; exit 1; }

read -r url token project < <(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["url"], d["token"], d["project"])' "$info")
python3 scripts/export_example.py --url "$url" --token "$token" --project "$project"
