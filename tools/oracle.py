#!/usr/bin/env python3
"""Independent oracle for poolplan's tidy export (SPEC sections 2-7, 9, 10, 11)
and for `poolplan monitor -O csv` (section 12, in oracle_monitor.py).

Written from /work/shared/SPEC.md only, without reading the Rust engine.
Handles valid workspaces; invalid ones raise OracleError (exit 1).

    python3 tools/oracle.py WORKSPACE_DIR [SCENARIO...]
    python3 tools/oracle.py monitor WORKSPACE_DIR [SCENARIO] [--year Y] [--period M]
        [--method straight|profile|run-rate|remaining] [--amber RATE] [--red RATE]

prints the tidy CSV (SPEC sections 7 and 10.6) or the monitor CSV (12.2) to stdout.
"""

import csv
import io
import os
import re
import sys
import tomllib
from decimal import Decimal, ROUND_HALF_UP, InvalidOperation, getcontext
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
    raise OracleError(f"not a single value: {v!r}")


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
    if re.fullmatch(r"[1-9][0-9]{0,2}\.[0-9]{3}", s):
        # §9: shaped like a European thousands group (1.000, 12.500): ambiguous
        raise OracleError(f"money {v!r} is ambiguous (in much of Europe it means {s.replace('.', '')})")
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
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}", s):
        raise OracleError(f"bad year {s!r}")
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



def parse_share(v, what="share"):
    """A share (§9): pay_share and the §11.2 rates, within [0, 1] in any form."""
    d = parse_rate(v, limit=False)
    if not (0 <= d <= 1):
        raise OracleError(f"{what} {v!r} must lie within [0, 1]")
    return d


def parse_whole(v, what):
    """benefit_years (§11.6): digits or a TOML integer; 3.0 and 2.5 are errors."""
    if isinstance(v, bool) or isinstance(v, Decimal):
        raise OracleError(f"{what} {v!r} must be a whole number")
    if isinstance(v, int):
        return v
    s = str(v).strip()
    if not s.isdigit():
        raise OracleError(f"{what} {v!r} must be a whole number")
    return int(s)


def parse_bool(v, what):
    s = str(v).strip().lower()
    if s in ("yes", "true"):
        return True
    if s in ("no", "false"):
        return False
    raise OracleError(f"{what} {v!r}: expected yes or no")


def enum(v, allowed, default, what):
    if v is None or str(v).strip() == "":
        return default
    s = str(v).strip().lower()
    if s not in allowed:
        raise OracleError(f"{what} {v!r}: expected one of {allowed}")
    return s


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
    if s.unit_cost < 0 or s.volume < 0:
        raise OracleError(f"negative unit cost or volume for {s.id}")
    ps = opt(row, "pay_share")
    s.pay_share = parse_share(ps, "pay_share") if ps is not None else ZERO
    up = opt(row, "uplift")
    if up is None or (isinstance(up, str) and up.strip().lower() == "index"):
        s.uplift = ("index", None)
    elif isinstance(up, str) and up.strip().lower() == "none":
        s.uplift = ("none", None)
    else:
        s.uplift = ("rate", parse_growth(up, "uplift"))
    orate = opt(row, "outcome_rate")
    s.outcome_rate = parse_outcome_rate(orate) if orate is not None else ZERO
    s.outcome = str(row.get("outcome") or "").strip()
    ov = opt(row, "outcome_value")
    s.outcome_value_given = ov is not None
    s.outcome_value = parse_money(ov) if ov is not None else ZERO
    # §11.2 additionality, optimism bias and persistence
    v = opt(row, "deadweight")
    s.deadweight = parse_share(v, "deadweight") if v is not None else ZERO
    v = opt(row, "attribution")
    s.attribution = parse_share(v, "attribution") if v is not None else ONE
    v = opt(row, "optimism_bias")
    s.optimism_bias = parse_share(v, "optimism_bias") if v is not None else ZERO
    v = opt(row, "benefit_years")
    s.benefit_years = parse_whole(v, "benefit_years") if v is not None else 1
    if s.benefit_years < 1:
        raise OracleError(f"benefit_years {v!r} must be at least 1")
    v = opt(row, "drop_off")
    s.drop_off = parse_share(v, "drop_off") if v is not None else ZERO
    st = opt(row, "start")
    en = opt(row, "end")
    s.start_year = parse_year(st) if st is not None else None
    s.end_year = parse_year(en) if en is not None else None
    if s.start_year is not None and s.end_year is not None and s.start_year > s.end_year:
        raise OracleError(f"service {s.id}: start after end")
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
        rs = enum(r.get("risk_share"), ("pro_rata", "host", "agreed", "benefit"), "pro_rata", "risk_share")
        us = enum(r.get("underspend"), ("carry_forward", "return"), "carry_forward", "underspend")
        orr = opt(r, "opening_reserve")
        # §10.3 / §11.6: money >= 0, rounded to the penny as it is read
        reserve = rnd(parse_money(orr)) if orr is not None else ZERO
        if reserve < 0:
            raise OracleError(f"pool {r['id']}: opening_reserve {orr!r} is negative")
        ag = opt(r, "agreement")
        b.pools.append({"id": r["id"], "host": r["host"], "risk": rs, "under": us,
                        "reserve": reserve, "agreement": ag.strip() if ag else None})
    b.pool_index = {p["id"]: i for i, p in enumerate(b.pools)}
    b.pool_by_id = {p["id"]: p for p in b.pools}
    b.contrib = {}  # (pool, partner) -> {year_int: amount}
    for r in read_csv(os.path.join(bdir, "contributions.csv")):
        key = (r["pool"], r["partner"])
        b.contrib.setdefault(key, {})
        amt = rnd(parse_money(r["amount"]))
        if amt < 0:
            raise OracleError(f"negative contribution amount {r['amount']!r}")
        b.contrib[key][parse_year(r["year"])] = amt
    b.services = [make_service(r) for r in read_csv(os.path.join(bdir, "services.csv"))]
    b.shares = {}
    rsp = os.path.join(bdir, "risk_shares.csv")
    if os.path.exists(rsp):
        for r in read_csv(rsp):
            b.shares.setdefault(r["pool"], []).append((r["partner"], parse_share(r["share"])))
    for p in b.pools:
        if p["risk"] == "agreed":
            sh = b.shares.get(p["id"], [])
            if not sh or sum(w for _, w in sh) != 1:
                raise OracleError(f"pool {p['id']}: agreed shares missing or not summing to 100%")
    load_schedules(b, bdir)
    load_caps(b, bdir)
    load_outcomes(b, bdir)
    return b


def load_schedules(b, bdir):
    """§10.2: (service, year) -> (unit_cost or None, volume or None)."""
    b.schedules = {}
    path = os.path.join(bdir, "schedules.csv")
    if not os.path.exists(path):
        return
    ids = {s.id for s in b.services}
    for r in read_csv(path):
        sid = r["service"]
        y = parse_year(r["year"])  # validated even outside the horizon (§11.6)
        uc = opt(r, "unit_cost")
        vo = opt(r, "volume")
        if uc is None and vo is None:
            raise OracleError(f"schedules.csv: {sid} {r['year']} gives neither unit_cost nor volume")
        uc = parse_money(uc) if uc is not None else None
        vo = parse_quantity(vo) if vo is not None else None
        if (uc is not None and uc < 0) or (vo is not None and vo < 0):
            raise OracleError(f"schedules.csv: {sid} {r['year']}: negative figure")
        if sid not in ids:
            raise OracleError(f"schedules.csv: unknown service {sid!r} (commissioned services cannot be scheduled)")
        if (sid, y) in b.schedules:
            raise OracleError(f"schedules.csv: duplicate row {sid} {r['year']}")
        b.schedules[(sid, y)] = (uc, vo)


def load_caps(b, bdir):
    """§10.4: (pool, partner) -> ("money", amount) or ("pct", fraction)."""
    b.caps = {}
    path = os.path.join(bdir, "risk_caps.csv")
    if not os.path.exists(path):
        return
    for r in read_csv(path):
        pool, partner, cap = r["pool"], r["partner"], r["cap"]
        if cap.endswith("%"):
            c = ("pct", parse_rate(cap, limit=False))
        else:
            c = ("money", parse_money(cap))  # a plain number is always money
        if c[1] < 0:
            raise OracleError(f"risk_caps.csv: negative cap {cap!r}")
        if pool not in b.pool_by_id:
            raise OracleError(f"risk_caps.csv: unknown pool {pool!r}")
        if partner not in b.partner_index:
            raise OracleError(f"risk_caps.csv: unknown partner {partner!r}")
        if (pool, partner) in b.caps:
            raise OracleError(f"risk_caps.csv: duplicate row {pool} {partner}")
        if b.pool_by_id[pool]["host"] == partner:
            raise OracleError(f"risk_caps.csv: {partner!r} hosts {pool!r}; the host cannot be capped")
        b.caps[(pool, partner)] = c


def outcome_key(s):
    return s.strip().lower()


def load_outcomes(b, bdir):
    """§11.1: outcome key -> [(beneficiary, kind, cashable, value)]."""
    b.outcomes = {}
    b.fiscal_beneficiaries = set()
    path = os.path.join(bdir, "outcomes.csv")
    if not os.path.exists(path):
        return
    seen = set()
    for r in read_csv(path):
        key = outcome_key(r["outcome"])
        ben = r["beneficiary"].strip()
        kind = enum(r.get("kind"), ("fiscal", "economic", "social"), "fiscal", "kind")
        cv = opt(r, "cashable")
        cash = parse_bool(cv, "cashable") if cv is not None else False
        if cash and kind != "fiscal":
            raise OracleError(f"outcomes.csv: cashable {cv!r} with kind {kind}")
        value = parse_money(r["value"])
        if (key, ben, kind) in seen:
            raise OracleError(f"outcomes.csv: duplicate row {r['outcome']} {ben} {kind}")
        seen.add((key, ben, kind))
        b.outcomes.setdefault(key, []).append((ben, kind, cash, value))
        if kind == "fiscal":
            b.fiscal_beneficiaries.add(ben)


def value_rows(b, s):
    """The value rows of a service (§11.1): outcomes.csv rows for its outcome,
    else one `unallocated` row carrying its outcome_value."""
    rows = b.outcomes.get(outcome_key(s.outcome)) if s.outcome else None
    if rows:
        if s.outcome_value_given:
            raise OracleError(f"service {s.id}: outcome_value given and outcomes.csv has rows for {s.outcome!r}")
        return rows
    return [(None, "unallocated", False, s.outcome_value)]


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
          "path": path, "all_values": []}
    if "extends" in t:
        ppath = resolve_scenario_path(ws, t["extends"], os.path.dirname(path))
        parent = load_scenario(ws, ppath, seen + (path,))
        sc["budget"] = parent["budget"]
        sc["years"] = parent["years"]
        sc["rates"].update(parent["rates"])
        sc["demand"].update(parent["demand"])
        sc["growth"].update(parent["growth"])
        sc["levers"].extend(parent["levers"])
        sc["all_values"].extend(parent["all_values"])
    if "budget" in t:
        if sc["budget"] is not None and sc["budget"] != t["budget"]:
            raise OracleError("child names a different budget")
        sc["budget"] = t["budget"]
    if "years" in t:
        sc["years"] = int(t["years"])
    # §10.1: a child's key replaces the parent's value whole (tables not merged)
    sc["rates"].update(t.get("rates", {}))
    sc["demand"].update(t.get("demand", {}))
    sc["growth"].update(t.get("contribution_growth", {}))
    sc["levers"].extend(t.get("levers", []))
    # every file's values are validated, even a parent's key a child overrides
    for section in ("rates", "demand", "contribution_growth"):
        for k, v in t.get(section, {}).items():
            sc["all_values"].append((section, k, v))
    return sc


def rate_series(v, n, base, what):
    """§10.1: r[t] for t = 0..n-1 (r[0] unused, 0). A single growth rate, or a
    table from years to growth rates: the entry for the latest listed year <= t."""
    r = [ZERO] * n
    if isinstance(v, dict):
        if not v:
            raise OracleError(f"{what}: an empty table")
        entries = {}
        for k, val in v.items():
            y = parse_year(k)
            rate = parse_growth(val, f"{what} {k}")  # validated even beyond the horizon
            idx = y - base
            if idx <= 0:
                raise OracleError(f"{what}: year {k} is at or before the base year")
            if idx in entries:
                raise OracleError(f"{what}: year {k} listed twice")
            entries[idx] = rate
        cur = ZERO
        for t in range(1, n):
            if t in entries:
                cur = entries[t]
            r[t] = cur
    else:
        g = parse_growth(v, what)
        for t in range(1, n):
            r[t] = g
    return r


def running_product(r, floor=False):
    P = [ONE]
    for t in range(1, len(r)):
        x = P[-1] * (1 + r[t])
        P.append(max(ZERO, x) if floor else x)
    return P[:len(r)] if r else []


# --------------------------------------------------------------- model (§6, §10, §11)

class Projection:
    pass


def project(ws, scen_path):
    sc = load_scenario(ws, scen_path)
    b = load_budget(ws, sc["budget"])
    n = sc["years"] if sc["years"] is not None else b.years
    base = b.base_year
    T = range(n)

    for section, k, v in sc["all_values"]:
        if section == "rates" and k == "discount_rate":
            if isinstance(v, dict):
                raise OracleError("discount_rate cannot be a table")
            parse_rate(v)
        else:
            rate_series(v, 1, base, f"{section} {k}")  # grammar, years, empty tables
    rates = sc["rates"]
    zero_series = [ZERO] * n
    pay = rate_series(rates["pay_inflation"], n, base, "pay_inflation") if "pay_inflation" in rates else zero_series
    price = rate_series(rates["price_inflation"], n, base, "price_inflation") if "price_inflation" in rates else zero_series
    defl = rate_series(rates["deflator"], n, base, "deflator") if "deflator" in rates else zero_series
    if any(d <= -1 for d in defl):
        raise OracleError("a deflator of -100% or below inside the horizon")
    if "discount_rate" in rates and isinstance(rates["discount_rate"], dict):
        raise OracleError("discount_rate cannot be a table")
    disc = parse_rate(rates["discount_rate"]) if "discount_rate" in rates else Decimal("0.035")
    if disc <= -1:
        raise OracleError("a discount rate of -100% or below")
    P_pay, P_price, P_defl = running_product(pay), running_product(price), running_product(defl)
    demand = {k: rate_series(v, n, base, f"demand {k}") for k, v in sc["demand"].items()}
    growth = {k: rate_series(v, n, base, f"contribution_growth {k}") for k, v in sc["growth"].items()}

    def yidx(v):
        return parse_year(v) - base

    def window(lv):
        f = yidx(lv["from"]) if "from" in lv else 0
        to = yidx(lv["to"]) if "to" in lv else n - 1
        if "from" in lv and "to" in lv and f > to:
            raise OracleError("lever from after to")
        return [t for t in T if f <= t <= to]

    levers = sc["levers"]
    check_levers(levers)

    # services: budget + commissioned
    services = list(b.services)
    for lv in levers:
        if lv["kind"] == "commission":
            services.append(make_service(lv, commissioned=True))
    svc = {s.id: s for s in services}
    if len(svc) != len(services):
        raise OracleError("a commission id clashes with another service")
    rows_of = {s.id: value_rows(b, s) for s in services}

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

    # --- 6.1 / 10.1 contributions
    contrib = {}
    for (pool, partner), rows in b.contrib.items():
        g = growth.get(partner, zero_series)
        plan = []
        for t in T:
            y = base + t
            if y in rows:
                plan.append(rows[y])
            elif t == 0:
                plan.append(ZERO)
            else:
                plan.append(rnd(plan[t - 1] * (1 + g[t])))
        contrib[(pool, partner)] = plan
    for lv in levers:
        if lv["kind"] != "contribution":
            continue
        key = (lv["pool"], lv["partner"])
        if key not in contrib:
            raise OracleError(f"contribution lever on a pair with no rows: {key}")
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

    # --- 6.2 / 10.2 unit costs
    def factor(s, t):
        kind, u = s.uplift
        if kind == "index":
            return s.pay_share * P_pay[t] + (1 - s.pay_share) * P_price[t]
        if kind == "none":
            return ONE
        return pw(1 + u, t)

    def sched(sid, t):
        return b.schedules.get((sid, base + t), (None, None))

    rc_uc = {s.id: [None] * n for s in services}   # recommission base-year unit cost in force
    base_or = {s.id: [s.outcome_rate for _ in T] for s in services}
    for lv in levers:
        if lv["kind"] == "recommission":
            for t in window(lv):
                if "unit_cost" in lv:
                    rc_uc[lv["service"]][t] = parse_money(lv["unit_cost"])
                if "outcome_rate" in lv:
                    base_or[lv["service"]][t] = parse_outcome_rate(lv["outcome_rate"])
    uc = {}
    for s in services:
        arr = []
        for t in T:
            if rc_uc[s.id][t] is not None:      # a recommission's unit cost wins over a schedule
                arr.append(rc_uc[s.id][t] * factor(s, t))
            elif sched(s.id, t)[0] is not None:  # scheduled: cash prices, no uprating
                arr.append(sched(s.id, t)[0])
            else:
                arr.append(s.unit_cost * factor(s, t))
        uc[s.id] = arr
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
            g = zero_series
        P = running_product(g, floor=True)  # §9: max(0, ...), 0 stays 0
        arr = []
        for t in T:
            if not running[s.id][t]:
                arr.append(ZERO)
            elif sched(s.id, t)[1] is not None:  # scheduled volume: no demand growth
                arr.append(sched(s.id, t)[1])
            else:
                arr.append(s.volume * P[t])
        vol[s.id] = arr
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
    # --- 6.4 / 11.2 outcomes and benefit by value row
    outc = {s.id: [vol[s.id][t] * orate[s.id][t] if running[s.id][t] else ZERO for t in T]
            for s in services}
    vrows = {}  # sid -> [(beneficiary, kind, cashable, [benefit_r[t]])]
    ben = {}
    for s in services:
        k = (1 - s.deadweight) * s.attribution * (1 - s.optimism_bias)
        net = [outc[s.id][t] * k for t in T]
        Y, d = s.benefit_years, s.drop_off
        lst = []
        for bene, kind, cash, v in rows_of[s.id]:
            br = []
            for t in T:
                g = sum((net[a] * v * pw(1 - d, t - a) for a in range(max(0, t - Y + 1), t + 1)), ZERO)
                br.append(rnd(g * P_defl[t]))
            lst.append((bene, kind, cash, br))
        vrows[s.id] = lst
        ben[s.id] = [sum((r[3][t] for r in lst), ZERO) for t in T]

    def fiscal_from(sids, who, t):
        return sum((r[3][t] for sid in sids for r in vrows[sid] if r[1] == "fiscal" and r[0] == who), ZERO)

    # --- 6.5 / 10.3-10.5 pools
    pidx = b.partner_index
    pool_rows = {}
    risk = {}       # (pool, partner, t) -> signed share after caps
    excess = {}     # (pool, partner, t) -> cap excess
    offsets = {}    # (pool, t) -> offset
    overspend_t = [ZERO for _ in T]
    pool_services = {p["id"]: [s.id for s in services if s.pool == p["id"]] for p in b.pools}
    pairs_of = {p["id"]: [k for k in contrib if k[0] == p["id"]] for p in b.pools}

    def weights(p, t):
        pid = p["id"]
        if p["risk"] == "pro_rata":
            w = [(k[1], contrib[k][t]) for k in pairs_of[pid]]
        elif p["risk"] == "host":
            w = [(p["host"], ONE)]
        elif p["risk"] == "agreed":
            w = list(b.shares[pid])
        else:  # §11.3 benefit: partners' fiscal benefit from the pool's own services
            w = [(pa, max(ZERO, fiscal_from(pool_services[pid], pa, t))) for pa in b.partners]
        if sum((x for _, x in w), ZERO) == 0:
            w = [(p["host"], ONE)]
        return w

    def contribution_of(pid, pa, t):
        return contrib[(pid, pa)][t] if (pid, pa) in contrib else ZERO

    ctx = Projection()
    ctx.b, ctx.weights, ctx.contribution_of = b, weights, contribution_of

    carry = {p["id"]: p["reserve"] for p in b.pools}
    for pid in carry:
        pool_rows[pid] = []
    for t in T:
        bal = {}
        for p in b.pools:
            pid = p["id"]
            cont = sum((contrib[k][t] for k in pairs_of[pid]), ZERO)
            income = cont + carry[pid]
            saving = sum((rnd(parse_money(lv["by"])) for lv in levers
                          if lv["kind"] == "saving" and lv["pool"] == pid and t in window(lv)), ZERO)
            spend = sum((cost[sid][t] for sid in pool_services[pid] if running[sid][t]), ZERO) - saving
            bal[pid] = income - spend
            pool_rows[pid].append((cont, carry[pid], saving, spend, bal[pid]))
        res = settle(ctx, t, bal)
        for p in b.pools:
            pid = p["id"]
            off, eff, shares, exc = res[pid]
            if off != 0:
                offsets[(pid, t)] = off
            if eff < 0:
                overspend_t[t] += -eff
            carry[pid] = eff if (eff > 0 and p["under"] == "carry_forward") else ZERO
            for pa, v in shares.items():
                if v != 0:
                    risk[(pid, pa, t)] = v
            for pa, v in exc.items():
                if v != 0:
                    excess[(pid, pa, t)] = v
    closing = sum(carry.values(), ZERO)

    exposure = {}
    for pa in b.partners:
        exposure[pa] = []
        for t in T:
            e = sum((contrib[k][t] for k in contrib if k[1] == pa), ZERO)
            e += sum((v for (po, pr, tt), v in risk.items() if pr == pa and tt == t), ZERO)
            exposure[pa].append(e)

    # --- 6.6 / 11.4 headlines
    tot_cont = [sum((pool_rows[p["id"]][t][0] for p in b.pools), ZERO) for t in T]
    tot_spend = [sum((pool_rows[p["id"]][t][3] for p in b.pools), ZERO) for t in T]
    gap = [tot_spend[t] - tot_cont[t] for t in T]
    ben_tot = [sum((ben[s.id][t] for s in services), ZERO) for t in T]
    allrows = [r for s in services for r in vrows[s.id]]
    ben_fiscal = [sum((r[3][t] for r in allrows if r[1] == "fiscal"), ZERO) for t in T]
    ben_cash = [sum((r[3][t] for r in allrows if r[1] == "fiscal" and r[2]), ZERO) for t in T]
    fiscal_to = {who: [sum((r[3][t] for r in allrows if r[1] == "fiscal" and r[0] == who), ZERO) for t in T]
                 for who in b.fiscal_beneficiaries}

    def real(x, t):
        return rnd(x / P_defl[t])

    def pv(xs):
        return rnd(sum((real(xs[t], t) / pw(1 + disc, t) for t in T), ZERO))

    real_spend = [real(tot_spend[t], t) for t in T]
    pv_cost = pv(tot_spend)
    pv_ben = pv(ben_tot)
    npv = pv_ben - pv_cost
    bcr = None if pv_cost == 0 else (pv_ben / pv_cost).quantize(Decimal("0.0001"), ROUND_HALF_UP)
    pv_fisc = pv(ben_fiscal)
    roi = None if pv_cost == 0 else (pv_fisc / pv_cost).quantize(Decimal("0.0001"), ROUND_HALF_UP)

    # ------------------------------------------------------------ rows (§7, §10.6, §11.4)
    out = []
    for t in T:
        y = year_label(base + t)
        rows = []

        def add(measure, pool, partner, service, value):
            rows.append((measure, pool, partner, service, value))

        for (pool, partner), x in contrib.items():
            add("contribution", pool, partner, "", money(x[t]))
        for s in services:
            if running[s.id][t]:
                add("unit_cost", s.pool, "", s.id, money(uc[s.id][t]))
                add("volume", s.pool, "", s.id, qty(vol[s.id][t], 4))
                add("cost", s.pool, "", s.id, money(cost[s.id][t]))
                add("outcomes", s.pool, "", s.id, qty(outc[s.id][t], 4))
            if running[s.id][t] or ben[s.id][t] != 0:
                add("benefit", s.pool, "", s.id, money(ben[s.id][t]))
            by_who = {}
            for bene, kind, cash, br in vrows[s.id]:
                if bene is not None:
                    by_who[bene] = by_who.get(bene, ZERO) + br[t]
            for who, v in by_who.items():
                if v != 0:
                    add("benefit_to", s.pool, who, s.id, money(v))
        for p in b.pools:
            cont, carry_in, saving, spend, bal = pool_rows[p["id"]][t]
            add("pool_contributions", p["id"], "", "", money(cont))
            add("pool_carry_in", p["id"], "", "", money(carry_in))
            add("pool_saving", p["id"], "", "", money(saving))
            add("pool_spend", p["id"], "", "", money(spend))
            add("pool_balance", p["id"], "", "", money(bal))
            if (p["id"], t) in offsets:
                add("pool_offset", p["id"], "", "", money(offsets[(p["id"], t)]))
        for (po, pr, tt), v in risk.items():
            if tt == t:
                add("risk_share", po, pr, "", money(v))
        for (po, pr, tt), v in excess.items():
            if tt == t:
                add("cap_excess", po, pr, "", money(v))
        for pa in b.partners:
            add("exposure", "", pa, "", money(exposure[pa][t]))
        for who in fiscal_to:
            add("fiscal_benefit_to", "", who, "", money(fiscal_to[who][t]))
        add("contributions", "", "", "", money(tot_cont[t]))
        add("spend", "", "", "", money(tot_spend[t]))
        add("in_year_gap", "", "", "", money(gap[t]))
        add("overspend", "", "", "", money(overspend_t[t]))
        add("benefit_total", "", "", "", money(ben_tot[t]))
        add("benefit_fiscal", "", "", "", money(ben_fiscal[t]))
        add("benefit_cashable", "", "", "", money(ben_cash[t]))
        add("real_spend", "", "", "", money(real_spend[t]))
        rows.sort(key=lambda r: (MEASURES.index(r[0]), r[1].encode(), r[2].encode(), r[3].encode()))
        for m, po, pr, sv, v in rows:
            out.append((y, po, pr, sv, m, v))
    out.append(("", "", "", "", "pv_cost", money(pv_cost)))
    out.append(("", "", "", "", "pv_benefit", money(pv_ben)))
    out.append(("", "", "", "", "npv", money(npv)))
    out.append(("", "", "", "", "bcr", "" if bcr is None else qty(bcr, 4)))
    out.append(("", "", "", "", "closing_reserve", money(closing)))
    out.append(("", "", "", "", "pv_fiscal_benefit", money(pv_fisc)))
    out.append(("", "", "", "", "financial_roi", "" if roi is None else qty(roi, 4)))

    ctx.n, ctx.base, ctx.services, ctx.running, ctx.cost = n, base, services, running, cost
    ctx.pool_rows, ctx.risk, ctx.pool_services, ctx.levers = pool_rows, risk, pool_services, levers
    ctx.rows = out
    return ctx


def check_levers(levers):
    """Every lever's values are validated whether or not its window meets the
    horizon or its service runs (the projection itself reads them lazily)."""
    for lv in levers:
        kind = lv.get("kind")
        for k in ("from", "to"):
            if k in lv:
                parse_year(lv[k])
        if "change" in lv:
            parse_growth(lv["change"], "change")
        for k in ("by", "set"):
            if k not in lv:
                continue
            if kind in ("contribution", "unit_cost", "saving"):
                parse_money(lv[k])
            elif kind == "volume":
                parse_quantity(lv[k])
            elif kind == "outcome_rate":
                parse_outcome_rate(lv[k])
        if kind == "recommission":
            if "unit_cost" in lv:
                parse_money(lv["unit_cost"])
            if "outcome_rate" in lv:
                parse_outcome_rate(lv["outcome_rate"])
        if kind == "volume" and "reduces" in lv:
            parse_quantity(lv["per_unit"])
            if int(lv.get("lag", 1)) < 0:
                raise OracleError("lag must be >= 0")


def settle(ctx, t, bal):
    """§10.5 agreement offsets, then §6.5 sharing with §10.4 caps, for one year.
    bal: pool id -> balance. Returns pool id -> (offset, balance + offset,
    {partner: signed share after caps}, {partner: cap excess})."""
    b = ctx.b
    offset = {pid: ZERO for pid in bal}
    groups = {}
    for p in b.pools:
        if p["agreement"]:
            groups.setdefault(p["agreement"], []).append(p["id"])
    for ag, pids in groups.items():
        if len(pids) < 2:
            continue
        over = [(pid, -bal[pid]) for pid in pids if bal[pid] < 0]
        under = [(pid, bal[pid]) for pid in pids if bal[pid] > 0]
        X = min(sum((w for _, w in over), ZERO), sum((w for _, w in under), ZERO))
        if X == 0:
            continue
        for pid, v in split(X, under, b.pool_index).items():
            offset[pid] -= v
        for pid, v in split(X, over, b.pool_index).items():
            offset[pid] += v
    res = {}
    for p in b.pools:
        pid = p["id"]
        eff = bal[pid] + offset[pid]
        shares, exc = {}, {}
        if eff < 0:
            shares = split(-eff, ctx.weights(p, t), b.partner_index)
            total = ZERO
            for (cpool, pa), (kind, c) in b.caps.items():
                if cpool != pid:
                    continue
                limit = rnd(c) if kind == "money" else rnd(c * ctx.contribution_of(pid, pa, t))
                share = shares.get(pa, ZERO)
                e = max(ZERO, share - limit)
                if e > 0:
                    shares[pa] = share - e
                    exc[pa] = e
                    total += e
            if total:
                shares[p["host"]] = shares.get(p["host"], ZERO) + total
        elif eff > 0 and p["under"] == "return":
            shares = {pa: -v for pa, v in split(eff, ctx.weights(p, t), b.partner_index).items()}
        res[pid] = (offset[pid], eff, shares, exc)
    return res


MEASURES = ["contribution", "unit_cost", "volume", "cost", "outcomes", "benefit", "benefit_to",
            "pool_contributions", "pool_carry_in", "pool_saving", "pool_spend", "pool_balance",
            "pool_offset", "risk_share", "cap_excess", "exposure", "fiscal_benefit_to",
            "contributions", "spend", "in_year_gap", "overspend", "benefit_total",
            "benefit_fiscal", "benefit_cashable", "real_spend"]


def split(amount, weights, pidx):
    """Largest remainder split of a positive penny amount (§6.5, §9)."""
    amount_p = Fraction(amount) * 100  # in pennies, integral
    assert amount_p.denominator == 1
    W = sum((Fraction(w) for _, w in weights), Fraction(0))
    shares = []
    for key, w in weights:
        exact = amount_p * Fraction(w) / W
        trunc = exact.numerator // exact.denominator  # non-negative: floor == trunc
        shares.append([key, trunc, exact - trunc])
    left = int(amount_p) - sum(s[1] for s in shares)
    order = sorted(range(len(shares)), key=lambda i: (-shares[i][2], pidx.get(shares[i][0], 1 << 30)))
    for i in order[:left]:
        shares[i][1] += 1
    res = {}
    for key, p, _ in shares:
        res[key] = res.get(key, ZERO) + Decimal(p) / 100
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


def scenario_paths(ws, args):
    if args:
        paths = {}
        for a in args:
            p = resolve_scenario_path(ws, a)
            paths[os.path.splitext(os.path.basename(p))[0]] = p
        return paths
    sdir = os.path.join(ws, "scenarios")
    return {f[:-5]: os.path.join(sdir, f) for f in os.listdir(sdir) if f.endswith(".toml")}


def main(argv):
    if len(argv) >= 2 and argv[1] == "monitor":
        import oracle_monitor
        return oracle_monitor.main(argv[2:])
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    ws = argv[1]
    paths = scenario_paths(ws, argv[2:])
    w = csv.writer(sys.stdout, lineterminator="\n")
    buf = [("scenario", "year", "pool", "partner", "service", "measure", "value")]
    try:
        for sid in sorted(paths, key=lambda s: s.encode()):
            for y, po, pr, sv, m, v in project(ws, paths[sid]).rows:
                buf.append((sid, y, po, pr, sv, m, v))
    except (OracleError, InvalidOperation, ValueError) as e:
        print(f"oracle: error: {e!r}", file=sys.stderr)
        return 1
    w.writerows(buf)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
