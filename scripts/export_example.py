#!/usr/bin/env python3
"""Download DPO and reward exports of a project and check them against what TRL needs.

Standard library only. Usage:
    python3 scripts/export_example.py --url http://localhost:3000 --token cjt_... --project <id>

For format=dpo and format=reward (JSON Lines) it checks that
  * the download is whole: its length equals X-Export-Bytes and its sha256 equals the
    X-Export-Sha256 header and the sha256 of the export record (GET .../exports/{id});
  * every row has the string columns TRL's DPOTrainer and RewardTrainer read: prompt, chosen,
    rejected (non-empty, chosen != rejected), and the provenance columns prompt_id and pair_id;
  * reward rows carry a finite, non-negative numeric margin (RewardTrainer adds it to the loss);
    a margin written as an integer literal is reported, since `datasets` would then type the
    column as int64 if every row were like that.
Exits 0 when every check passes, 1 otherwise (2 on a usage or connection error).
"""
import argparse
import hashlib
import http.client
import json
import math
import sys
import urllib.error
import urllib.parse
import urllib.request

PREFERENCE_COLUMNS = ("prompt", "chosen", "rejected")


def fetch(url, token):
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}", "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            return response.status, dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items()), error.read()


def header(headers, name):
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return None


class IntLiteral(int):
    """An int parsed from a JSON integer literal (so a margin of `1` can be told from `1.0`)."""


def check_rows(fmt, body, problems, notes):
    rows = []
    for number, line in enumerate(body.decode("utf-8").splitlines(), start=1):
        try:
            rows.append((number, json.loads(line, parse_int=IntLiteral)))
        except json.JSONDecodeError as error:
            problems.append(f"{fmt}: line {number} is not JSON ({error})")
    if not rows:
        problems.append(f"{fmt}: the export has no rows")
    int_margins = 0
    for number, row in rows:
        where = f"{fmt} line {number}"
        if not isinstance(row, dict):
            problems.append(f"{where}: not an object")
            continue
        for column in PREFERENCE_COLUMNS:
            value = row.get(column)
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{where}: {column} must be a non-empty string, got {type(value).__name__}")
        if isinstance(row.get("chosen"), str) and row.get("chosen") == row.get("rejected"):
            problems.append(f"{where}: chosen equals rejected")
        for column in ("prompt_id", "pair_id"):
            if not isinstance(row.get(column), str):
                problems.append(f"{where}: {column} must be a string")
        if fmt == "reward":
            margin = row.get("margin")
            if isinstance(margin, bool) or not isinstance(margin, (int, float)):
                problems.append(f"{where}: margin must be a number, got {type(margin).__name__}")
            elif not math.isfinite(float(margin)) or float(margin) < 0:
                problems.append(f"{where}: margin must be finite and >= 0, got {margin}")
            elif isinstance(margin, IntLiteral):
                int_margins += 1
    if fmt == "reward" and rows and int_margins == len(rows):
        problems.append("reward: every margin is an integer literal; `datasets` would load the column as int64, not float")
    elif int_margins:
        notes.append(f"reward: {int_margins} of {len(rows)} margins are written as integer literals (e.g. 1); the column still loads as float64")
    return len(rows)


def check_export(base, token, project, fmt, problems, notes):
    query = urllib.parse.urlencode({"format": fmt, "file": "jsonl", "split": "all"})
    status, headers, body = fetch(f"{base}/api/v1/projects/{project}/export?{query}", token)
    if status != 200:
        problems.append(f"{fmt}: HTTP {status}: {body[:300].decode('utf-8', 'replace')}")
        return
    length = header(headers, "X-Export-Bytes") or header(headers, "Content-Length")
    if length is None or int(length) != len(body):
        problems.append(f"{fmt}: got {len(body)} bytes, the server announced {length} (truncated download)")
    digest = hashlib.sha256(body).hexdigest()
    announced = header(headers, "X-Export-Sha256")
    if announced != digest:
        problems.append(f"{fmt}: sha256 {digest} differs from X-Export-Sha256 {announced}")
    export_id = header(headers, "X-Export-Id")
    status, _, record_body = fetch(f"{base}/api/v1/projects/{project}/exports/{export_id}", token)
    if status != 200:
        problems.append(f"{fmt}: export record {export_id}: HTTP {status}")
    else:
        record = json.loads(record_body)
        if record.get("status") != "COMPLETE" or record.get("sha256") != digest or record.get("bytes") != len(body):
            problems.append(f"{fmt}: export record {export_id} does not vouch for this file: {record.get('status')} {record.get('sha256')} {record.get('bytes')}")
    rows = check_rows(fmt, body, problems, notes)
    print(f"{fmt}: {rows} rows, {len(body)} bytes, sha256 {digest}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="origin of the app, e.g. http://localhost:3000")
    parser.add_argument("--token", required=True, help="API token of an ADMIN or TRAINER")
    parser.add_argument("--project", required=True, help="project id")
    args = parser.parse_args()
    base = args.url.rstrip("/")
    problems, notes = [], []
    try:
        for fmt in ("dpo", "reward"):
            try:
                check_export(base, args.token, args.project, fmt, problems, notes)
            except http.client.HTTPException as error:
                # e.g. IncompleteRead: the server went away mid-transfer
                problems.append(f"{fmt}: broken transfer ({error!r})")
    except (urllib.error.URLError, OSError) as error:
        print(f"cannot reach {base}: {error}", file=sys.stderr)
        return 2
    for note in notes:
        print(f"note: {note}")
    for problem in problems[:50]:
        print(f"PROBLEM: {problem}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("ok: dpo and reward exports have what TRL's DPOTrainer and RewardTrainer need")
    return 0


if __name__ == "__main__":
    sys.exit(main())
