#!/usr/bin/env python3
"""Independent oracle for poolplan's tidy export (SPEC sections 2-7 and 9).

Written from /work/shared/SPEC.md only, without reading the Rust engine.
Handles valid workspaces; invalid ones raise OracleError (exit 1).

    python3 tools/oracle.py WORKSPACE_DIR [SCENARIO...]

prints the tidy CSV (SPEC section 7) to stdout.
"""

import csv
import io
import os
import sys
import tomllib
from decimal import Decimal, ROUND_HALF_UP, ROUND_DOWN, localcontext, getcontext
from fractions import Fraction

getcontext().prec = 100
getcontext().rounding = ROUND_HALF_UP

PENNY = Decimal("0.01")
ZERO = Decimal(0)
ONE = Decimal(1)


class OracleError(Exception):
    pass


# ---------------------------------------------------------------- values (§3)

def rnd(x):
    """round() to the penny, half away from zero (§6)."""
    return Decimal(x).quantize(PENNY, rounding=ROUND_HALF_UP)


def pw(b, t):
    """b ** t for whole t >= 0, with 0 ** 0 = 1 (Decimal raises on 0 ** 0)."""
    r = ONE
    for _ in range(t):
        r *= b
    return r


def to_dec(v):
    if isinstance(v, bool):
        raise OracleError(f"boolean where a number was expected: {v}")
    if isinstance(v, Decimal):
        return v
    if isinstance(v, int):
        return Decimal(v)
    if isinstance(v, float):  # never happens with parse_float=Decimal
        raise OracleError("float")
    raise TypeError(v)


def parse_money(v):
    if not isinstance(v, str):
        return to_dec(v)
    s = v.strip()
    neg = False
    # leading sign, £, sign again, parentheses in any of the documented places
    def strip_sign(s):
        nonlocal neg
        if s[:1] in "+-":
            if s[0] == "-":
                neg = not neg
            s = s[1:]
        return s
    s = strip_sign(s)
    if s.startswith("£"):
        s = s[1:]
    s = strip_sign(s)
    if s.startswith("(") and s.endswith(")"):
        neg = not neg
        s = s[1:-1]
        if s.startswith("£"):
            s = s[1:]
    elif s.startswith("£(") and s.endswith(")"):
        neg = not neg
        s = s[2:-1]
    mult = ONE
    if s[-1:] in ("k", "K"):
        mult = Decimal(1000)
        s = s[:-1]
    elif s[-1:] in ("m", "M"):
        mult = Decimal(1000000)
        s = s[:-1]
    s = s.replace(",", "")
    if not s or "e" in s.lower() or " " in s:
        raise OracleError(f"bad money {v!r}")
    d = Decimal(s) * mult
    return -d if neg else d


def parse_quantity(v):
    if not isinstance(v, str):
        return to_dec(v)
    s = v.strip().replace(",", "")
    if "e" in s.lower():
        raise OracleError(f"bad quantity {v!r}")
    return Decimal(s)


def parse_rate(v, limit=True):
    if isinstance(v, str):
        s = v.strip()
        if s.endswith("%"):
            return Decimal(s[:-1].strip()) / 100
        d = Decimal(s)
    else:
        d = to_dec(v)
    if limit and not (-1 <= d <= 1):
        raise OracleError(f'rate {v!r} out of [-1,1]: did you mean "2.5%"?')
    return d


def parse_growth(v, what="rate"):
    """A growth-type rate (§9 "Settled later"): a plain number strictly inside
    (-1, 1); a percentage string of any size."""
    d = parse_rate(v, limit=False)
    pct = isinstance(v, str) and v.strip().endswith("%")
    if not pct and not (-1 < d < 1):
        raise OracleError(f'{what} {v!r}: a plain growth rate must lie strictly inside (-1, 1): did you mean "1%"?')
    return d


def parse_outcome_rate(v):
    return parse_rate(v, limit=False)


def parse_year(s):
    s = str(s).strip()
    a, b = s.split("-")
    y = int(a)
    if len(a) != 4 or len(b) != 2 or int(b) != (y + 1) % 100:
        raise OracleError(f"bad year {s!r}")
    return y


def year_label(y):
    return f"{y:04d}-{(y + 1) % 100:02d}"


# ------------------------------------------------------------ files (§2, §4)

def read_text(path):
    data = open(path, "rb").read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def read_csv(path):
    text = read_text(path)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return []
    header = [h.strip().lower() for h in rows[0]]
    out = []
    for r in rows[1:]:
        d = {}
        for i, h in enumerate(header):
            d[h] = r[i].strip() if i < len(r) else ""
        out.append(d)
    return out


def read_toml(path):
    return tomllib.loads(read_text(path), parse_float=Decimal)


def opt(d, key):
    v = d.get(key)
    if v is None:
        return None
    if isinstance(v, str) and v.strip() == "":
        return None
    return v


class Service:
    pass


def make_service(row, commissioned=False):
    s = Service()
    s.id = str(row["id"]).strip()
    s.pool = str(row["pool"]).strip()
    s.provider = str(row["provider"]).strip()
    s.category = str(row["category"]).strip()
    s.unit_cost = parse_money(row["unit_cost"])
    s.volume = parse_quantity(row["volume"])
    ps = opt(row, "pay_share")
    s.pay_share = parse_rate(ps) if ps is not None else ZERO
    up = opt(row, "uplift")
    if up is None or (isinstance(up, str) and up.strip().lower() == "index"):
        s.uplift = ("index", None)
    elif isinstance(up, str) and up.strip().lower() == "none":
        s.uplift = ("none", None)
    else:
        s.uplift = ("rate", parse_growth(up, "uplift"))
    orate = opt(row, "outcome_rate")
    s.outcome_rate = parse_outcome_rate(orate) if orate is not None else ZERO
    ov = opt(row, "outcome_value")
    s.outcome_value = parse_money(ov) if ov is not None else ZERO
    st = opt(row, "start")
    en = opt(row, "end")
    s.start_year = parse_year(st) if st is not None else None
    s.end_year = parse_year(en) if en is not None else None
    s.commissioned = commissioned
    return s


class Budget:
    pass


def load_budget(ws, bid):
    bdir = os.path.join(ws, "budgets", bid)
    b = Budget()
    man = read_toml(os.path.join(bdir, "budget.toml"))
    b.base_year = parse_year(man["base_year"])
    b.years = int(man["years"])
    b.partners = [r["id"] for r in read_csv(os.path.join(bdir, "partners.csv"))]
    b.partner_index = {p: i for i, p in enumerate(b.partners)}
    b.pools = []
    for r in read_csv(os.path.join(bdir, "pools.csv")):
        rs = (r.get("risk_share") or "pro_rata").lower()
        us = (r.get("underspend") or "carry_forward").lower()
        b.pools.append({"id": r["id"], "host": r["host"], "risk": rs, "under": us})
    b.contrib = {}  # (pool, partner) -> {year_int: amount}
    for r in read_csv(os.path.join(bdir, "contributions.csv")):
        key = (r["pool"], r["partner"])
        b.contrib.setdefault(key, {})
        b.contrib[key][parse_year(r["year"])] = rnd(parse_money(r["amount"]))
    b.services = [make_service(r) for r in read_csv(os.path.join(bdir, "services.csv"))]
    b.shares = {}
    rsp = os.path.join(bdir, "risk_shares.csv")
    if os.path.exists(rsp):
        for r in read_csv(rsp):
            b.shares.setdefault(r["pool"], []).append((r["partner"], parse_rate(r["share"], limit=False)))
    return b


# ---------------------------------------------------------- scenarios (§5)

def resolve_scenario_path(ws, arg, rel_dir=None):
    if "/" in arg or arg.endswith(".toml"):
        base = rel_dir if rel_dir is not None else os.getcwd()
        return os.path.normpath(os.path.join(base, arg))
    return os.path.join(ws, "scenarios", arg + ".toml")


def load_scenario(ws, path, seen=()):
    path = os.path.abspath(path)
    if path in seen:
        raise OracleError("extends cycle: " + " -> ".join(list(seen) + [path]))
    t = read_toml(path)
    sc = {"budget": None, "years": None, "rates": {}, "demand": {}, "growth": {}, "levers": [],
          "path": path}
    if "extends" in t:
        ppath = resolve_scenario_path(ws, t["extends"], os.path.dirname(path))
        parent = load_scenario(ws, ppath, seen + (path,))
        sc["budget"] = parent["budget"]
        sc["years"] = parent["years"]
        sc["rates"].update(parent["rates"])
        sc["demand"].update(parent["demand"])
        sc["growth"].update(parent["growth"])
        sc["levers"].extend(parent["levers"])
    if "budget" in t:
        if sc["budget"] is not None and sc["budget"] != t["budget"]:
            raise OracleError("child names a different budget")
        sc["budget"] = t["budget"]
    if "years" in t:
        sc["years"] = int(t["years"])
    sc["rates"].update(t.get("rates", {}))
    sc["demand"].update(t.get("demand", {}))
    sc["growth"].update(t.get("contribution_growth", {}))
    sc["levers"].extend(t.get("levers", []))
    return sc


# --------------------------------------------------------------- model (§6)

def project(ws, scen_path):
    sc = load_scenario(ws, scen_path)
    b = load_budget(ws, sc["budget"])
    n = sc["years"] if sc["years"] is not None else b.years
    base = b.base_year
    T = range(n)

    rates = sc["rates"]
    pay = parse_growth(rates["pay_inflation"]) if "pay_inflation" in rates else ZERO
    price = parse_growth(rates["price_inflation"]) if "price_inflation" in rates else ZERO
    defl = parse_growth(rates["deflator"]) if "deflator" in rates else ZERO
    if defl <= -1:
        raise OracleError("a deflator of -100% or below")
    disc = parse_rate(rates["discount_rate"]) if "discount_rate" in rates else Decimal("0.035")
    if disc <= -1:
        raise OracleError("a discount rate of -100% or below")
    demand = {k: parse_growth(v) for k, v in sc["demand"].items()}
    growth = {k: parse_growth(v) for k, v in sc["growth"].items()}

    def yidx(v):
        return parse_year(v) - base

    def window(lv):
        f = yidx(lv["from"]) if "from" in lv else 0
        to = yidx(lv["to"]) if "to" in lv else n - 1
        return [t for t in T if f <= t <= to]

    levers = sc["levers"]

    # services: budget + commissioned
    services = list(b.services)
    for lv in levers:
        if lv["kind"] == "commission":
            services.append(make_service(lv, commissioned=True))
    svc = {s.id: s for s in services}

    # running
    running = {}
    for s in services:
        st = (s.start_year - base) if s.start_year is not None else 0
        en = (s.end_year - base) if s.end_year is not None else n - 1
        running[s.id] = [st <= t <= en for t in T]
    for lv in levers:
        if lv["kind"] == "commission":
            w = set(window(lv))
            running[lv["id"]] = [running[lv["id"]][t] and t in w for t in T]
    for lv in levers:
        if lv["kind"] == "decommission":
            for t in window(lv):
                running[lv["service"]][t] = False

    # --- 6.1 contributions
    contrib = {}
    for (pool, partner), rows in b.contrib.items():
        g = growth.get(partner, ZERO)
        plan = []
        for t in T:
            y = base + t
            if y in rows:
                plan.append(rows[y])
            elif t == 0:
                plan.append(ZERO)
            else:
                plan.append(rnd(plan[t - 1] * (1 + g)))
        contrib[(pool, partner)] = plan
    for lv in levers:
        if lv["kind"] != "contribution":
            continue
        key = (lv["pool"], lv["partner"])
        x = contrib[key]
        for t in window(lv):
            if "change" in lv:
                x[t] = rnd(x[t] * (1 + parse_growth(lv["change"], "change")))
            elif "by" in lv:
                x[t] = rnd(x[t] + parse_money(lv["by"]))
            else:
                x[t] = rnd(parse_money(lv["set"]))
    for key, x in contrib.items():
        for t in T:
            if x[t] < 0:
                raise OracleError(f"negative contribution {key} t={t}")

    # --- 6.2 unit costs
    def factor(s, t):
        kind, u = s.uplift
        if kind == "index":
            return s.pay_share * pw(1 + pay, t) + (1 - s.pay_share) * pw(1 + price, t)
        if kind == "none":
            return ONE
        return pw(1 + u, t)

    base_uc = {s.id: [s.unit_cost for _ in T] for s in services}
    base_or = {s.id: [s.outcome_rate for _ in T] for s in services}
    for lv in levers:
        if lv["kind"] == "recommission":
            for t in window(lv):
                if "unit_cost" in lv:
                    base_uc[lv["service"]][t] = parse_money(lv["unit_cost"])
                if "outcome_rate" in lv:
                    base_or[lv["service"]][t] = parse_outcome_rate(lv["outcome_rate"])
    uc = {s.id: [base_uc[s.id][t] * factor(s, t) for t in T] for s in services}
    orate = {s.id: list(base_or[s.id]) for s in services}
    for lv in levers:
        if lv["kind"] not in ("unit_cost", "outcome_rate"):
            continue
        sid = lv["service"]
        arr = uc[sid] if lv["kind"] == "unit_cost" else orate[sid]
        val = parse_money if lv["kind"] == "unit_cost" else parse_outcome_rate
        for t in window(lv):
            if not running[sid][t]:
                continue
            if "change" in lv:
                arr[t] = arr[t] * (1 + parse_growth(lv["change"], "change"))
            elif "by" in lv:
                arr[t] = arr[t] + val(lv["by"])
            else:
                arr[t] = val(lv["set"])
    for s in services:
        for t in T:
            if running[s.id][t] and (uc[s.id][t] < 0 or orate[s.id][t] < 0):
                raise OracleError(f"negative unit cost/outcome rate {s.id} t={t}")

    # volumes
    vol = {}
    for s in services:
        if s.id in demand:
            g = demand[s.id]
        elif s.category in demand:
            g = demand[s.category]
        else:
            g = ZERO
        # §9 settled later: P_g[t] = max(0, P_g[t-1] * (1 + g)), 0 stays 0
        P = [ONE]
        for t in range(1, n):
            P.append(max(ZERO, P[-1] * (1 + g)))
        vol[s.id] = [s.volume * P[t] if running[s.id][t] else ZERO for t in T]
    # pass 1
    links = []  # (reduces, per_unit, lag, added)
    for lv in levers:
        if lv["kind"] != "volume":
            continue
        sid = lv["service"]
        added = [ZERO for _ in T]
        for t in window(lv):
            if not running[sid][t]:
                continue
            before = vol[sid][t]
            if "change" in lv:
                after = before * (1 + parse_growth(lv["change"], "change"))
            elif "by" in lv:
                after = before + parse_quantity(lv["by"])
            else:
                after = parse_quantity(lv["set"])
            vol[sid][t] = after
            added[t] = after - before
        if "reduces" in lv:
            lag = int(lv.get("lag", 1))
            links.append((lv["reduces"], parse_quantity(lv["per_unit"]), lag, added))
    # pass 2
    for r, k, lag, added in links:
        for t in T:
            if t >= lag and running[r][t]:
                vol[r][t] -= k * added[t - lag]
    # pass 3
    for s in services:
        vol[s.id] = [v if v > 0 else ZERO for v in vol[s.id]]

    cost = {s.id: [rnd(uc[s.id][t] * vol[s.id][t]) if running[s.id][t] else ZERO for t in T]
            for s in services}
    # --- 6.4
    outc = {s.id: [vol[s.id][t] * orate[s.id][t] if running[s.id][t] else ZERO for t in T]
            for s in services}
    ben = {s.id: [rnd(outc[s.id][t] * s.outcome_value * pw(1 + defl, t)) if running[s.id][t]
                  else ZERO for t in T] for s in services}

    # --- 6.5 pools
    pidx = b.partner_index
    pool_rows = {}
    risk = {}  # (pool, partner, t) -> signed share
    overspend_t = [ZERO for _ in T]
    closing = ZERO
    for p in b.pools:
        pid = p["id"]
        pairs = [k for k in contrib if k[0] == pid]
        carry = ZERO
        rows = []
        for t in T:
            cont = sum((contrib[k][t] for k in pairs), ZERO)
            income = cont + carry
            saving = sum((rnd(parse_money(lv["by"])) for lv in levers
                          if lv["kind"] == "saving" and lv["pool"] == pid and t in window(lv)), ZERO)
            spend = sum((cost[s.id][t] for s in services if s.pool == pid and running[s.id][t]),
                        ZERO) - saving
            bal = income - spend
            rows.append((cont, carry, saving, spend, bal))
            share_amt = ZERO
            sign = 0
            if bal < 0:
                share_amt = -bal
                sign = 1
                overspend_t[t] += share_amt
                carry = ZERO
            elif bal > 0:
                if p["under"] == "carry_forward":
                    carry = bal
                else:
                    share_amt = bal
                    sign = -1
                    carry = ZERO
            else:
                carry = ZERO
            if sign:
                # weights
                if p["risk"] == "pro_rata":
                    weights = [(k[1], contrib[k][t]) for k in pairs]
                    if sum(w for _, w in weights) == 0:
                        weights = [(p["host"], ONE)]
                elif p["risk"] == "host":
                    weights = [(p["host"], ONE)]
                else:
                    weights = list(b.shares[pid])
                for partner, amt in split(share_amt, weights, pidx).items():
                    if amt != 0:
                        risk[(pid, partner, t)] = risk.get((pid, partner, t), ZERO) + sign * amt
        if p["under"] == "carry_forward":
            closing += carry
        pool_rows[pid] = rows

    exposure = {}
    for pa in b.partners:
        exposure[pa] = []
        for t in T:
            e = sum((contrib[k][t] for k in contrib if k[1] == pa), ZERO)
            e += sum((v for (po, pr, tt), v in risk.items() if pr == pa and tt == t), ZERO)
            exposure[pa].append(e)

    # --- 6.6 headlines
    tot_cont = [sum((pool_rows[p["id"]][t][0] for p in b.pools), ZERO) for t in T]
    tot_spend = [sum((pool_rows[p["id"]][t][3] for p in b.pools), ZERO) for t in T]
    gap = [tot_spend[t] - tot_cont[t] for t in T]
    ben_tot = [sum((ben[s.id][t] for s in services), ZERO) for t in T]

    def real(x, t):
        return rnd(x / pw(1 + defl, t))

    def pv(xs):
        return rnd(sum((real(xs[t], t) / pw(1 + disc, t) for t in T), ZERO))

    real_spend = [real(tot_spend[t], t) for t in T]
    pv_cost = pv(tot_spend)
    pv_ben = pv(ben_tot)
    npv = pv_ben - pv_cost
    bcr = None if pv_cost == 0 else (pv_ben / pv_cost).quantize(Decimal("0.0001"), ROUND_HALF_UP)

    # ------------------------------------------------------------ rows (§7)
    out = []
    for t in T:
        y = year_label(base + t)
        rows = []

        def add(measure, pool, partner, service, value):
            rows.append((measure, pool, partner, service, value))

        for (pool, partner), x in contrib.items():
            add("contribution", pool, partner, "", money(x[t]))
        for s in services:
            if not running[s.id][t]:
                continue
            add("unit_cost", s.pool, "", s.id, money(uc[s.id][t]))
            add("volume", s.pool, "", s.id, qty(vol[s.id][t], 4))
            add("cost", s.pool, "", s.id, money(cost[s.id][t]))
            add("outcomes", s.pool, "", s.id, qty(outc[s.id][t], 4))
            add("benefit", s.pool, "", s.id, money(ben[s.id][t]))
        for p in b.pools:
            cont, carry, saving, spend, bal = pool_rows[p["id"]][t]
            add("pool_contributions", p["id"], "", "", money(cont))
            add("pool_carry_in", p["id"], "", "", money(carry))
            add("pool_saving", p["id"], "", "", money(saving))
            add("pool_spend", p["id"], "", "", money(spend))
            add("pool_balance", p["id"], "", "", money(bal))
        for (po, pr, tt), v in risk.items():
            if tt == t and v != 0:
                add("risk_share", po, pr, "", money(v))
        for pa in b.partners:
            add("exposure", "", pa, "", money(exposure[pa][t]))
        add("contributions", "", "", "", money(tot_cont[t]))
        add("spend", "", "", "", money(tot_spend[t]))
        add("in_year_gap", "", "", "", money(gap[t]))
        add("overspend", "", "", "", money(overspend_t[t]))
        add("benefit_total", "", "", "", money(ben_tot[t]))
        add("real_spend", "", "", "", money(real_spend[t]))
        rows.sort(key=lambda r: (MEASURES.index(r[0]), r[1].encode(), r[2].encode(), r[3].encode()))
        for m, po, pr, sv, v in rows:
            out.append((y, po, pr, sv, m, v))
    out.append(("", "", "", "", "pv_cost", money(pv_cost)))
    out.append(("", "", "", "", "pv_benefit", money(pv_ben)))
    out.append(("", "", "", "", "npv", money(npv)))
    out.append(("", "", "", "", "bcr", "" if bcr is None else qty(bcr, 4)))
    out.append(("", "", "", "", "closing_reserve", money(closing)))
    return out


MEASURES = ["contribution", "unit_cost", "volume", "cost", "outcomes", "benefit",
            "pool_contributions", "pool_carry_in", "pool_saving", "pool_spend", "pool_balance",
            "risk_share", "exposure", "contributions", "spend", "in_year_gap", "overspend",
            "benefit_total", "real_spend"]


def split(amount, weights, pidx):
    """Largest remainder split of a positive penny amount (§6.5, §9)."""
    amount_p = Fraction(amount) * 100  # in pennies, integral
    assert amount_p.denominator == 1
    W = sum((Fraction(w) for _, w in weights), Fraction(0))
    shares = []
    for partner, w in weights:
        exact = amount_p * Fraction(w) / W
        trunc = exact.numerator // exact.denominator  # non-negative: floor == trunc
        shares.append([partner, trunc, exact - trunc])
    left = int(amount_p) - sum(s[1] for s in shares)
    order = sorted(range(len(shares)), key=lambda i: (-shares[i][2], pidx.get(shares[i][0], 1 << 30)))
    for i in order[:left]:
        shares[i][1] += 1
    res = {}
    for partner, p, _ in shares:
        res[partner] = res.get(partner, ZERO) + Decimal(p) / 100
    return res


def money(x):
    d = Decimal(x).quantize(PENNY, rounding=ROUND_HALF_UP)
    if d == 0:
        d = Decimal("0.00")
    return f"{d:f}"


def qty(x, dp):
    d = Decimal(x).quantize(Decimal(1).scaleb(-dp), rounding=ROUND_HALF_UP)
    if d == 0:
        return "0"
    s = f"{d:f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    ws = argv[1]
    args = argv[2:]
    if args:
        paths = {}
        for a in args:
            p = resolve_scenario_path(ws, a)
            paths[os.path.splitext(os.path.basename(p))[0]] = p
    else:
        sdir = os.path.join(ws, "scenarios")
        paths = {f[:-5]: os.path.join(sdir, f) for f in os.listdir(sdir) if f.endswith(".toml")}
    w = csv.writer(sys.stdout, lineterminator="\n")
    buf = [("scenario", "year", "pool", "partner", "service", "measure", "value")]
    try:
        for sid in sorted(paths, key=lambda s: s.encode()):
            for y, po, pr, sv, m, v in project(ws, paths[sid]):
                buf.append((sid, y, po, pr, sv, m, v))
    except OracleError as e:
        print(f"oracle: error: {e}", file=sys.stderr)
        return 1
    w.writerows(buf)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
