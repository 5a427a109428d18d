#!/usr/bin/env python3
"""Run the hand-checked cases under tools/cases/ against the oracle and,
optionally, a poolplan binary.

    python3 tools/cases/check.py [BINARY] [CASE...]

Each case folder is a workspace with:
- RUNS: one line per run, `EXPECTED_FILE tidy [SCENARIO...]` or
  `EXPECTED_FILE monitor [SCENARIO] [--option value...]`;
- the expected files: the exact CSV, or the single line `exit 1` when the
  workspace must be rejected;
- WORKED.md: the hand arithmetic, with ```rows blocks of CSV lines worked by
  hand. Every such line must appear in one of the case's expected files, so an
  expected file can never drift away from the hand-worked figures.
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = os.path.join(HERE, "..", "oracle.py")


def hand_rows(path):
    rows, inside = [], False
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("```rows"):
            inside = True
        elif line.startswith("```"):
            inside = False
        elif inside and line.strip():
            rows.append(line)
    return rows


def run(cmd):
    r = subprocess.run(cmd, capture_output=True)
    if r.returncode != 0:
        return f"exit {r.returncode}\n", r.stderr.decode(errors="replace")
    return r.stdout.decode(), ""


def main(argv):
    binary = None
    names = []
    for a in argv[1:]:
        if os.path.isfile(a) and os.access(a, os.X_OK) and not a.endswith(".py"):
            binary = a
        else:
            names.append(a)
    cases = sorted(d for d in os.listdir(HERE) if os.path.isdir(os.path.join(HERE, d)))
    if names:
        cases = [c for c in cases if c in names]
    failures = 0
    for case in cases:
        ws = os.path.join(HERE, case)
        expected_text = ""
        for line in open(os.path.join(ws, "RUNS"), encoding="utf-8"):
            parts = line.split()
            if not parts:
                continue
            exp_file, kind, args = parts[0], parts[1], parts[2:]
            expected = open(os.path.join(ws, exp_file), encoding="utf-8").read()
            expected_text += expected
            if kind == "tidy":
                cmds = {"oracle": [sys.executable, ORACLE, ws] + args}
                if binary:
                    cmds["binary"] = [binary, "--dir", ws, "export", "--tidy"] + args
            else:
                cmds = {"oracle": [sys.executable, ORACLE, "monitor", ws] + args}
                if binary:
                    cmds["binary"] = [binary, "--dir", ws, "monitor"] + args + ["-O", "csv"]
            for who, cmd in cmds.items():
                out, err = run(cmd)
                if out == expected:
                    print(f"ok    {case} {exp_file} ({who})")
                    continue
                failures += 1
                print(f"FAIL  {case} {exp_file} ({who}) {err.strip()[:300]}")
                got, want = out.splitlines(), expected.splitlines()
                for l in [l for l in want if l not in got][:8]:
                    print(f"      expected: {l}")
                for l in [l for l in got if l not in want][:8]:
                    print(f"      got:      {l}")
        missing = [r for r in hand_rows(os.path.join(ws, "WORKED.md")) if r not in expected_text.splitlines()]
        for r in missing:
            failures += 1
            print(f"FAIL  {case}: hand-worked row not in the expected files: {r}")
    print(f"{failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
