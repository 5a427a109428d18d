"""SPEC §12 `poolplan monitor -O csv`, independent oracle (see oracle.py).

    python3 tools/oracle.py monitor WORKSPACE [SCENARIO] [--year Y] [--period M]
        [--method straight|profile|run-rate|remaining] [--amber RATE] [--red RATE]
"""

import csv
import os
import sys
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from oracle import (ONE, ZERO, OracleError, money, opt, parse_money, parse_quantity, parse_rate,
                    parse_year, project, qty, read_csv, read_toml, resolve_scenario_path, rnd,
                    settle, load_scenario)

MONTHS = ["april", "may", "june", "july", "august", "september", "october", "november",
          "december", "january", "february", "march"]
METHODS = ("straight", "profile", "run-rate", "remaining")


def parse_period(v):
    """1-12 (1 = April), or an English month name or its three-letter form."""
    s = str(v).strip().lower()
    if s.isdigit():
        m = int(s)
        if 1 <= m <= 12:
            return m
    for i, name in enumerate(MONTHS):
        if s == name or s == name[:3]:
            return i + 1
    raise OracleError(f"bad period {v!r}: 1-12 or a month name")


def load_actuals(bdir, known, base, n):
    """(service, year index) -> {period: amount}, rows inside the horizon only."""
    path = os.path.join(bdir, "actuals.csv")
    act = {}
    if not os.path.exists(path):
        return act
    seen = set()
    for r in read_csv(path):
        sid = r["service"].strip()
        y = parse_year(r["year"])
        m = parse_period(r["period"])
        amt = parse_money(r["amount"])
        if (sid, y, m) in seen:
            raise OracleError(f"actuals.csv: duplicate row {sid} {r['year']} {r['period']}")
        seen.add((sid, y, m))
        if sid not in known:
            raise OracleError(f"actuals.csv: unknown service {sid!r}")
        t = y - base
        if 0 <= t < n:
            act.setdefault((sid, t), {})[m] = amt
    return act


def load_profiles(bdir):
    """key -> [12 weights]."""
    path = os.path.join(bdir, "profiles.csv")
    prof = {}
    if not os.path.exists(path):
        return prof
    for r in read_csv(path):
        key = r["key"].strip()
        m = parse_period(r["period"])
        w = parse_quantity(r["weight"])
        if w < 0:
            raise OracleError(f"profiles.csv: negative weight {r['weight']!r}")
        arr = prof.setdefault(key, [None] * 12)
        if arr[m - 1] is not None:
            raise OracleError(f"profiles.csv: duplicate row {key} {r['period']}")
        arr[m - 1] = w
    out = {}
    for key, arr in prof.items():
        arr = [w if w is not None else ZERO for w in arr]
        if sum(arr, ZERO) == 0:
            raise OracleError(f"profiles.csv: weights of {key!r} sum to 0")
        out[key] = arr
    return out


def rnd_exact(x):
    """round() to the penny, half away from zero, of an exact Fraction."""
    x = Fraction(x)
    neg = x < 0
    n = (abs(x) * 100 + Fraction(1, 2)).__floor__()
    d = Decimal(n) / 100
    return -d if neg else d


def rag(variance, budget, amber, red):
    if variance > red * abs(budget):
        return "red"
    if variance > amber * abs(budget):
        return "amber"
    return "green"


def pct(variance, budget):
    return "" if budget == 0 else qty(variance / budget, 4)


def default_scenario(ws):
    sdir = os.path.join(ws, "scenarios")
    stems = sorted((f[:-5] for f in os.listdir(sdir) if f.endswith(".toml")), key=lambda s: s.encode())
    if "baseline" in stems:
        return "baseline"
    if not stems:
        raise OracleError("no scenarios")
    return stems[0]


def monitor(ws, scen, year=None, period=None, method="straight", amber=Decimal("0.01"),
            red=Decimal("0.05")):
    path = resolve_scenario_path(ws, scen)
    ctx = project(ws, path)
    b, n, base = ctx.b, ctx.n, ctx.base
    bdir = os.path.join(ws, "budgets", load_scenario(ws, path)["budget"])
    known = {s.id for s in ctx.services}
    act = load_actuals(bdir, known, base, n)
    prof = load_profiles(bdir)
    if year is None:
        ts = [t for (_, t) in act]
        if not ts:
            raise OracleError("no actuals")
        Y = max(ts)
    else:
        Y = parse_year(year) - base
        if not (0 <= Y < n):
            raise OracleError(f"--year {year} is outside the horizon")
    rows_y = {sid: per for (sid, t), per in act.items() if t == Y}
    if not rows_y:
        raise OracleError(f"no actuals for {year}")
    M = parse_period(period) if period is not None else max(m for per in rows_y.values() for m in per)

    out = []
    fc_of = {}
    actual_of = {}
    for p in b.pools:
        pid = p["id"]
        lines = []
        for s in ctx.services:
            if s.pool != pid:
                continue
            per = {m: a for m, a in rows_y.get(s.id, {}).items() if m <= M}
            runs = ctx.running[s.id][Y]
            if not runs and not per:
                continue
            budget = ctx.cost[s.id][Y]
            actual = sum(per.values(), ZERO)
            last = per.get(M, ZERO)
            w = prof.get(s.id) or prof.get(s.category) or [ONE] * 12
            # p exactly, as a fraction (a forecast may land on a half penny)
            pshare = Fraction(sum(w[:M], ZERO)) / Fraction(sum(w, ZERO))
            A = Fraction(actual)
            if not per:
                fc, meth = budget, "plan"
            elif method == "straight":
                fc, meth = rnd_exact(A * 12 / M), method
            elif method == "profile":
                fc, meth = (budget if pshare == 0 else rnd_exact(A / pshare)), method
            elif method == "run-rate":
                fc, meth = rnd_exact(A + Fraction(last) * (12 - M)), method
            else:
                fc, meth = rnd_exact(A + Fraction(budget) * (1 - pshare)), method
            fc_of[s.id] = fc
            actual_of[s.id] = actual
            var = fc - budget
            lines.append((s.id, ["service", pid, s.id, "", money(budget), money(actual), money(fc),
                                 money(var), pct(var, budget), rag(var, budget, amber, red), meth]))
        lines.sort(key=lambda x: x[0].encode())
        out.append([l for _, l in lines])
    # pools: forecast balances, then §6.5 / §10.4-10.5 with the plan's terms
    bal = {}
    pool_fig = {}
    for p in b.pools:
        pid = p["id"]
        cont, carry, saving, spend, _ = ctx.pool_rows[pid][Y]
        fc = sum((fc_of.get(sid, ctx.cost[sid][Y] if ctx.running[sid][Y] else ZERO)
                  for sid in ctx.pool_services[pid]), ZERO) - saving
        actual = sum((actual_of.get(sid, ZERO) for sid in ctx.pool_services[pid]), ZERO)
        bal[pid] = cont + carry - fc
        pool_fig[pid] = (spend, actual, fc)
    res = settle(ctx, Y, bal)
    rows = []
    tb = ta = tf = ZERO
    for i, p in enumerate(b.pools):
        pid = p["id"]
        rows.extend(out[i])
        budget, actual, fc = pool_fig[pid]
        tb, ta, tf = tb + budget, ta + actual, tf + fc
        var = fc - budget
        rows.append(["pool", pid, "", "", money(budget), money(actual), money(fc), money(var),
                     pct(var, budget), rag(var, budget, amber, red), ""])
        fshares = res[pid][2]
        for pa in b.partners:
            planned = ctx.risk.get((pid, pa, Y), ZERO)
            fcs = fshares.get(pa, ZERO)
            if planned == 0 and fcs == 0:
                continue
            var = fcs - planned
            rows.append(["risk_share", pid, "", pa, money(planned), "", money(fcs), money(var),
                         pct(var, planned), "", ""])
    var = tf - tb
    rows.append(["total", "", "", "", money(tb), money(ta), money(tf), money(var), pct(var, tb),
                 rag(var, tb, amber, red), ""])
    return rows


def main(args):
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    ws = args[0]
    pos = []
    opts = {"--year": None, "--period": None, "--method": "straight", "--amber": "1%", "--red": "5%"}
    i = 1
    while i < len(args):
        a = args[i]
        if a in opts:
            if i + 1 >= len(args):
                print(f"missing value for {a}", file=sys.stderr)
                return 2
            opts[a] = args[i + 1]
            i += 2
        elif a.startswith("--") and "=" in a and a.split("=", 1)[0] in opts:
            k, v = a.split("=", 1)
            opts[k] = v
            i += 1
        else:
            pos.append(a)
            i += 1
    if len(pos) > 1 or opts["--method"] not in METHODS:
        print(__doc__, file=sys.stderr)
        return 2
    try:  # a malformed option value is a usage error (exit 2), as for the binary
        if opts["--year"] is not None:
            parse_year(opts["--year"])
        if opts["--period"] is not None:
            parse_period(opts["--period"])
        amber, red = parse_rate(opts["--amber"]), parse_rate(opts["--red"])
    except (OracleError, InvalidOperation, ValueError) as e:
        print(f"oracle: usage error: {e!r}", file=sys.stderr)
        return 2
    try:
        scen = pos[0] if pos else default_scenario(ws)
        rows = monitor(ws, scen, opts["--year"], opts["--period"], opts["--method"], amber, red)
    except (OracleError, InvalidOperation, ValueError) as e:
        print(f"oracle: error: {e!r}", file=sys.stderr)
        return 1
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["level", "pool", "service", "partner", "budget", "actual", "forecast", "variance",
                "variance_pct", "rag", "method"])
    w.writerows(rows)
    return 0
