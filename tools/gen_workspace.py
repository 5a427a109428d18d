#!/usr/bin/env python3
"""Seedable random generator of valid poolplan workspaces that stress the
fine points of SPEC §6/§9, plus a comparison driver against the binary.

    python3 tools/gen_workspace.py [--edition 2] gen SEED OUTDIR
    python3 tools/gen_workspace.py [--edition 2] compare BINARY FIRST_SEED COUNT [WORKDIR]
    python3 tools/gen_workspace.py compare-monitor BINARY FIRST_SEED COUNT [WORKDIR]
    ... [--only-s10 | --no-s11] [--drop-measures benefit_to,financial_roi,...] compare ...
    (--only-s10: no §11/§12 constructs; --no-s11: no §11 constructs)

Edition 1 (the default) reproduces the first edition's seeds. `--edition 2`
(or POOLPLAN_GEN_EDITION=2) adds SPEC §10-§12: rates by year, schedules,
opening reserves, risk caps, agreements (with twin pools for penny ties),
outcomes.csv with outside agencies, the five §11.2 columns, `benefit` pools,
actuals.csv and profiles.csv, and in about 6% of seeds one deliberate error
(named in WS/ERROR_CASE) that both sides must reject. `compare-monitor`
(always edition 2) compares `BINARY monitor ... -O csv` with
`oracle.py monitor ...` with per-seed arguments.

`compare` generates each seed into WORKDIR/SEED, runs
`BINARY --dir WS export --tidy` and `tools/oracle.py WS`, and reports seeds
whose output (or exit status) differs. Workspaces that the oracle rejects
(e.g. a lever drove a contribution negative) must be rejected by the binary
too (exit 1).
"""

import json
import os
import random
import re
import shutil
import subprocess
import sys
from decimal import Decimal

# ------------------------------------------------------------ formatting


def year_label(y):
    return f"{y:04d}-{(y + 1) % 100:02d}"


def group(intpart):
    s = str(intpart)
    out = []
    while len(s) > 3:
        out.insert(0, s[-3:])
        s = s[:-3]
    out.insert(0, s)
    return ",".join(out)


def european_shaped(core):
    # one to three digits not starting with 0, a point, exactly three digits
    if "." not in core or "," in core:
        return False
    a, b = core.split(".", 1)
    return 1 <= len(a) <= 3 and a[0] != "0" and a.isdigit() and len(b) == 3 and b.isdigit()


def dec_text(d):
    s = f"{d:f}"
    return s


def money_str(rng, d, allow_suffix=True):
    """A valid money *string* for the Decimal d (any sign)."""
    neg = d < 0
    a = -d if neg else d
    txt = dec_text(a)
    if "." in txt:
        ip, fp = txt.split(".")
    else:
        ip, fp = txt, ""
    core = None
    if allow_suffix and a != 0 and rng.random() < 0.2:
        if a % 1000000 == 0 or (a * 10) % 1000000 == 0:
            core = dec_text((a / 1000000).normalize()) + rng.choice(["m", "M"])
        elif a % 1000 == 0 or (a * 100) % 1000 == 0:
            core = dec_text((a / 1000).normalize()) + rng.choice(["k", "K"])
    if core is None:
        if int(ip) >= 1000 and rng.random() < 0.5:
            ip = group(int(ip))
        core = ip + ("." + fp if fp else "")
        if european_shaped(core):
            core = core + "0"  # 1.2340 is fine (not three decimals)
    pound = rng.random() < 0.4
    if not neg:
        return ("£" if pound else "") + core
    style = rng.randrange(4)
    if style == 0:
        return "-" + ("£" if pound else "") + core
    if style == 1:
        return "£-" + core if pound else "-" + core
    if style == 2:
        return "(" + ("£" if pound else "") + core + ")"
    return ("£(" if pound else "(") + core + ")"


# The binary rejects TOML floats such as 12.345 for money (finding 1 in
# ORACLE_FINDINGS.md); set POOLPLAN_GEN_EURO_FLOATS=1 to generate them anyway.
EURO_FLOATS = os.environ.get("POOLPLAN_GEN_EURO_FLOATS") == "1"
# The binary reads an outcome_rate lever's by/set as a plain quantity, so
# "5%" is rejected (finding 2); POOLPLAN_GEN_PCT_OUTCOME_LEVERS=1 generates it.
# POOLPLAN_GEN_LONG=1: long horizons (5-18 years), to stress precision.
LONG = os.environ.get("POOLPLAN_GEN_LONG") == "1"
PCT_OUTCOME_LEVERS = os.environ.get("POOLPLAN_GEN_PCT_OUTCOME_LEVERS") == "1"
# Edition 2 (SPEC §9 "Settled later", §10-§12): `--edition 2` on the command
# line or POOLPLAN_GEN_EDITION=2. Edition 1 (the default) reproduces old seeds.
ED2 = os.environ.get("POOLPLAN_GEN_EDITION") == "2"
# `--only-s10` (or POOLPLAN_GEN_ONLY_S10=1): edition 2 without the §11 and §12
# constructs, for a binary that implements §10 only.
ONLY_S10 = os.environ.get("POOLPLAN_GEN_ONLY_S10") == "1"  # i.e. no §11 constructs
NO_S12 = ONLY_S10  # `--no-s11` keeps actuals/profiles: ONLY_S10 without NO_S12


def toml_str(s):
    return json.dumps(s, ensure_ascii=False)


def toml_money(rng, d):
    """Integer, float or string TOML literal for money d."""
    r = rng.random()
    if r < 0.25 and d == d.to_integral_value():
        return str(int(d))
    if r < 0.55 and d != d.to_integral_value():
        if european_shaped(dec_text(d)) and not EURO_FLOATS:
            return dec_text(d) + "0"
        return dec_text(d)  # a TOML float, must be read exactly
    return toml_str(money_str(rng, d))


def qty_str(rng, d):
    neg = d < 0
    a = -d if neg else d
    txt = dec_text(a)
    ip, fp = (txt.split(".") + [""])[:2]
    if int(ip) >= 1000 and rng.random() < 0.5:
        ip = group(int(ip))
    core = ip + ("." + fp if fp else "")
    if european_shaped(core):  # avoid any doubt about 1.500 style
        core += "0"
    return ("-" if neg else ("+" if rng.random() < 0.05 else "")) + core


def toml_qty(rng, d):
    r = rng.random()
    if r < 0.3 and d == d.to_integral_value():
        return str(int(d))
    if r < 0.6 and d != d.to_integral_value():
        return dec_text(d)
    return toml_str(qty_str(rng, d))


def pct_text(d):
    """d is a percentage as a Decimal (e.g. 2.5 for 2.5%)."""
    return dec_text(d.normalize()) if d != 0 else "0"


def rate_str(rng, pct):
    """CSV/TOML-string rate for pct percent."""
    if rng.random() < 0.6 or abs(pct) > 100 or (ED2 and abs(pct) >= 100):
        s = pct_text(pct)
        if pct > 0 and rng.random() < 0.2:
            s = "+" + s
        return s + "%"
    return dec_text((pct / 100).normalize()) if pct != 0 else "0"


def toml_rate(rng, pct):
    if (abs(pct) < 100 if ED2 else abs(pct) <= 100) and rng.random() < 0.3:
        f = (pct / 100)
        t = dec_text(f.normalize()) if f != 0 else "0.0"
        if "." not in t:
            t += ".0"
        return t  # TOML float (or int-looking float) fraction
    return toml_str(rate_str(rng, pct))


def rand_pct(rng, choices):
    return Decimal(str(rng.choice(choices)))


# ------------------------------------------------------------ CSV writing


def write_csv(rng, path, header, rows, required):
    cols = list(header)
    if rng.random() < 0.5:
        rng.shuffle(cols)
    if rng.random() < 0.3:
        cols.insert(rng.randrange(len(cols) + 1), "remark")
    # optional columns may be omitted entirely when every cell is empty
    cols = [c for c in cols if c in required or c in ("note", "remark")
            or any(r.get(c, "") != "" for r in rows) or rng.random() < 0.5]
    hdr = [c.upper() if rng.random() < 0.15 else c for c in cols]
    hdr = [(" " + h + " ") if rng.random() < 0.1 else h for h in hdr]
    eol = "\r\n" if rng.random() < 0.3 else "\n"
    lines = []

    def cell(v):
        v = str(v)
        if any(ch in v for ch in ',"\r\n'):
            return '"' + v.replace('"', '""') + '"'
        if v and rng.random() < 0.05:
            return " " + v + " "
        return v

    lines.append(",".join(cell(h) for h in hdr))
    for r in rows:
        vals = []
        for c in cols:
            if c in ("remark", "note"):
                vals.append(rng.choice(["", "n/a", "check, later", "£ note"]))
            else:
                vals.append(r.get(c, ""))
        if rng.random() < 0.03:
            vals.append("extra cell")  # beyond the header: ignored with a warning
        lines.append(",".join(cell(v) for v in vals))
        if rng.random() < 0.03:
            lines.append("")
    text = eol.join(lines) + eol
    bom = rng.random() < 0.15
    if rng.random() < 0.1:
        try:
            data = text.encode("cp1252")
            if "£" not in text:
                data = text.encode("utf-8")
        except UnicodeEncodeError:
            data = text.encode("utf-8")
    else:
        data = (("\ufeff" if bom else "") + text).encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)


# ------------------------------------------------------------ generator

PARTNER_IDS = ["zeta-council", "nhs-b", "police", "alpha-grant", "schools-x", "mid-partner"]
POOL_IDS = ["pool-a", "early-help", "camhs", "b-pool", "youth", "workforce"]
CATS = ["residential", "fostering", "family-support", "camhs"]


def gen(seed, outdir):
    rng = random.Random(seed)
    if os.path.exists(outdir):
        shutil.rmtree(outdir)
    bid = "bud-" + str(seed % 7)
    bdir = os.path.join(outdir, "budgets", bid)
    sdir = os.path.join(outdir, "scenarios")
    os.makedirs(bdir)
    os.makedirs(sdir)

    base = rng.choice([1999, 2005, 2009, 2010, 2015, 2023])
    if LONG:
        nyears = rng.randint(5, 12)
        max_years = nyears + 6
    else:
        nyears = rng.randint(2, 4)
        max_years = nyears + 2  # scenarios may extend the horizon by up to 2
    with open(os.path.join(bdir, "budget.toml"), "w") as f:
        f.write(f'name = "Budget {seed}"\nbase_year = "{year_label(base)}"\nyears = {nyears}\n')
        if rng.random() < 0.5:
            f.write('currency = "GBP"\n')

    # partners: listed order deliberately differs from id order
    partners = rng.sample(PARTNER_IDS, rng.randint(3, 4))
    write_csv(rng, os.path.join(bdir, "partners.csv"), ["id", "name", "kind"],
              [{"id": p, "name": "Partner " + p.upper(),
                "kind": rng.choice(["council", "nhs", "police", "schools", "grant", "other", "", "NHS"])}
               for p in partners], {"id", "name"})

    npools = rng.randint(3, 5)
    pool_ids = rng.sample(POOL_IDS, npools)
    pools = []
    for i, pid in enumerate(pool_ids):
        risk = ["pro_rata", "host", "agreed"][i % 3] if i < 3 else rng.choice(["pro_rata", "host", "agreed"])
        under = rng.choice(["carry_forward", "return"])
        pools.append({"id": pid, "host": rng.choice(partners), "risk": risk, "under": under})
    e2 = ed2_pools(rng, pools, partners) if ED2 else None
    write_csv(rng, os.path.join(bdir, "pools.csv"),
              ["id", "name", "host", "basis", "risk_share", "underspend"]
              + (["opening_reserve", "agreement"] if ED2 else []),
              [{"id": p["id"], "name": "Pool " + p["id"], "host": p["host"],
                "basis": rng.choice(["s75", "s31", "aligned", "grant", "other", ""]),
                "risk_share": ("" if p["risk"] == "pro_rata" and rng.random() < 0.3
                               else (p["risk"].upper() if rng.random() < 0.1 else p["risk"])),
                "underspend": ("" if p["under"] == "carry_forward" and rng.random() < 0.3
                               else (p["under"].title() if rng.random() < 0.1 else p["under"])),
                "opening_reserve": p.get("reserve", ""), "agreement": p.get("agreement", "")}
               for p in pools], {"id", "name", "host"})

    # contributions
    contrib_rows = []
    pairs = []
    for p in pools:
        members = rng.sample(partners, rng.randint(1, len(partners)))
        equal = rng.random() < 0.3  # equal weights: thirds and tie-breaks
        common = Decimal(rng.choice([30000, 10000, 33333, 100001, 1000])) + Decimal(rng.choice([0, "0.01", "0.005", "0.5"]))
        for pa in members:
            years_with_rows = []
            if rng.random() < 0.85:
                years_with_rows.append(base)
            for y in range(base + 1, base + max_years + 1):
                if rng.random() < 0.2:
                    years_with_rows.append(y)
            if rng.random() < 0.1:
                years_with_rows.append(base - 1)  # before the base year: never used
            if not years_with_rows and rng.random() < 0.5:
                years_with_rows.append(base + max_years + 3)  # only outside the horizon
            if years_with_rows:
                pairs.append((p["id"], pa))
            for y in years_with_rows:
                if equal:
                    amt = common
                else:
                    r = rng.random()
                    if r < 0.1:
                        amt = Decimal(0)
                    elif r < 0.4:
                        amt = Decimal(rng.randint(1, 2000)) * 1000
                    else:
                        amt = Decimal(rng.randint(1000, 5000000)) + Decimal(rng.randint(0, 999)) / 1000
                if ED2 and p.get("lean"):
                    amt = (amt / 40).quantize(Decimal("0.001"))  # lean pools overspend: caps bind
                contrib_rows.append({"pool": p["id"], "partner": pa, "year": year_label(y),
                                     "amount": money_str(rng, amt), "note": ""})
    if ED2 and e2["tie"]:
        a, b_ = e2["tie"]  # twin pools: the same contributions, no services
        contrib_rows = [r for r in contrib_rows if r["pool"] != b_]
        contrib_rows += [dict(r, pool=b_) for r in contrib_rows if r["pool"] == a]
        pairs = [pr for pr in pairs if pr[0] != b_] + [(b_, pa) for (po, pa) in pairs if po == a]
    rng.shuffle(contrib_rows)
    write_csv(rng, os.path.join(bdir, "contributions.csv"), ["pool", "partner", "year", "amount", "note"],
              contrib_rows, {"pool", "partner", "year", "amount"})

    providers = ["prov-" + c for c in "abcdef"]
    write_csv(rng, os.path.join(bdir, "providers.csv"), ["id", "name", "sector", "rating"],
              [{"id": p, "name": "Provider " + p, "sector": rng.choice(["in_house", "private", "nhs", ""]),
                "rating": rng.choice(["Good", "", "Outstanding"])} for p in providers], {"id", "name"})

    # services
    services = []
    for i in range(rng.randint(4, 9)):
        sid = f"svc-{chr(97 + (i * 7) % 26)}{i}"
        services.append(gen_service(rng, sid, pools, providers, base, max_years))
    write_csv(rng, os.path.join(bdir, "services.csv"),
              ["id", "name", "pool", "provider", "category", "unit", "unit_cost", "volume", "pay_share",
               "uplift", "outcome", "outcome_rate", "outcome_value", "start", "end"]
              + (ED2_SERVICE_COLS if ED2 and not ONLY_S10 else []),
              [s["csv"] for s in services],
              {"id", "name", "pool", "provider", "category", "unit", "unit_cost", "volume"})

    # risk shares for agreed pools (and a stray row for a non-agreed pool, a warning)
    rs_rows = []
    for p in pools:
        if p["risk"] != "agreed":
            continue
        members = rng.sample(partners, rng.randint(1, len(partners)))
        shares = gen_shares(rng, len(members))
        for pa, sh in zip(members, shares):
            rs_rows.append({"pool": p["id"], "partner": pa, "share": sh})
    if rng.random() < 0.2:
        other = [p for p in pools if p["risk"] != "agreed"]
        if other:
            rs_rows.append({"pool": other[0]["id"], "partner": partners[0], "share": "100%"})
    if rs_rows or rng.random() < 0.5:  # the file is optional
        write_csv(rng, os.path.join(bdir, "risk_shares.csv"), ["pool", "partner", "share"], rs_rows,
                  {"pool", "partner", "share"})
    if ED2:
        ed2_files(rng, bdir, base, nyears, max_years, pools, partners, services, e2)

    # scenarios
    names = rng.sample(["base", "central", "worst", "z-last", "alpha", "m2", "invest"], rng.randint(2, 4))
    info = {}  # stem -> dict(services available, horizon)
    budget_services = [s["id"] for s in services]
    svc_info = {s["id"]: s for s in services}
    for k, stem in enumerate(names):
        lines = []
        parent = None
        if k > 0 and rng.random() < 0.7:
            parent = rng.choice(names[:k])
        if rng.random() < 0.7:
            lines.append(f"name = {toml_str('Scenario ' + stem)}")
        if parent is None or rng.random() < 0.3:
            lines.append(f"budget = {toml_str(bid)}")
        if parent is not None:
            ext = parent if rng.random() < 0.6 else rng.choice([parent + ".toml", "./" + parent + ".toml"])
            lines.append(f"extends = {toml_str(ext)}")
        years = None
        if rng.random() < 0.4:
            years = rng.randint(max(1, nyears - 1), max_years)  # shorter or longer
            lines.append(f"years = {years}")
        horizon = years if years is not None else (info[parent]["horizon"] if parent else nyears)
        avail = list(info[parent]["services"]) if parent else list(budget_services)
        if rng.random() < 0.8:
            lines.append("")
            lines.append("[rates]")
            for key, choices in [("pay_inflation", [0, 2.5, 3, 4.25, -1, 50]),
                                 ("price_inflation", [0, 2, 1.5, 3.333, 25]),
                                 # 100%, 60%, -50%, 25%: real terms land on half pennies
                                 ("deflator", [0, 2.5, 1.75, -0.5, 100, 60, -50, 25]),
                                 ("discount_rate", [3.5, 0, 1.5, 6, 100, 25])]:
                if rng.random() < 0.7:
                    if ED2 and key != "discount_rate" and rng.random() < 0.4:
                        lines.append(f"{key} = {toml_rate_table(rng, base, horizon, choices)}")
                    else:
                        lines.append(f"{key} = {toml_rate(rng, rand_pct(rng, choices))}")
        if rng.random() < 0.7:
            lines.append("")
            lines.append("[demand]")
            keys = set()
            for _ in range(rng.randint(1, 3)):
                key = rng.choice(CATS + avail + ["no-such-category"])
                if key in keys:
                    continue
                keys.add(key)
                dch = [4, -3, 2.5, 10, -12.5, 0.7] + ([-100, -150, 99] if ED2 else [])
                if ED2 and rng.random() < 0.4:
                    lines.append(f"{toml_str(key)} = {toml_rate_table(rng, base, horizon, dch)}")
                else:
                    lines.append(f"{toml_str(key)} = {toml_rate(rng, rand_pct(rng, dch))}")
        if rng.random() < 0.6:
            lines.append("")
            lines.append("[contribution_growth]")
            for pa in rng.sample(partners, rng.randint(1, len(partners))):
                gch = [1.5, 2, -5, 3.33, 0.5, -10]
                if ED2 and rng.random() < 0.4:
                    lines.append(f"{toml_str(pa)} = {toml_rate_table(rng, base, horizon, gch)}")
                else:
                    lines.append(f"{toml_str(pa)} = {toml_rate(rng, rand_pct(rng, gch))}")
        for _ in range(rng.randint(0, 7)):
            lv = gen_lever(rng, base, horizon, pools, pairs, partners, providers, avail, svc_info, stem)
            if lv is None:
                continue
            lines.append("")
            lines.append("[[levers]]")
            lines.extend(lv)
        with open(os.path.join(sdir, stem + ".toml"), "w") as f:
            f.write("\n".join(lines) + "\n")
        info[stem] = {"services": avail, "horizon": horizon}
    if ED2:
        ed2_error_case(rng, outdir, bdir, sdir, names, pools, services, base)
    return outdir


def gen_shares(rng, n):
    r = rng.random()
    if n == 3 and r < 0.3:
        return rng.choice([["33.33%", "33.33%", "33.34%"], ["0.5", "0.25", "0.25"],
                           ["50%", "50%", "0%"], ["33.3%", "33.3%", "33.4%"]])
    if n == 1:
        return [rng.choice(["100%", "1"])]
    # integer percentages summing to 100, some may be zero
    cuts = sorted(rng.randint(0, 100) for _ in range(n - 1))
    parts = [b - a for a, b in zip([0] + cuts, cuts + [100])]
    out = []
    for p in parts:
        if rng.random() < 0.3:
            out.append(dec_text((Decimal(p) / 100).normalize()) if p else "0")
        else:
            out.append(f"{p}%")
    return out


def gen_service(rng, sid, pools, providers, base, max_years, commissioned=False):
    pool = rng.choice(pools)["id"]
    cat = rng.choice(CATS)
    uc = rng.choice([Decimal("12.345"), Decimal("3300"), Decimal("2950"), Decimal("1234.565"),
                     Decimal("0.125"), Decimal("450"), Decimal("99.995"), Decimal("7.5")])
    vol = rng.choice([Decimal("3.5"), Decimal("936"), Decimal("1200"), Decimal("40"), Decimal("0"),
                      Decimal("12.25"), Decimal("1001")])
    ps = rng.choice([None, Decimal(0), Decimal("0.85"), Decimal("0.6"), Decimal("1"), Decimal("0.333")])
    up = rng.choice(["", "index", "none", "rate", "rate", "INDEX"])
    up_pct = rand_pct(rng, [2, 2.5, 3, -1.5, 0.125])
    orr = rng.choice([None, Decimal("0.55"), Decimal("0.014"), Decimal("3"), Decimal("0.6")])
    ov = rng.choice([None, Decimal("12000"), Decimal("25000"), Decimal("3000.5"), Decimal("0")])
    start = end = None
    if rng.random() < 0.3:
        start = base + rng.randint(-1, max_years)
    if rng.random() < 0.3:
        end = base + rng.randint(0, max_years + 1)
        if start is not None and end < start:
            start, end = end, start
    csvrow = {"id": sid, "name": "Service " + sid, "pool": pool, "provider": rng.choice(providers),
              "category": cat, "unit": "unit",
              "unit_cost": money_str(rng, uc, allow_suffix=False), "volume": qty_str(rng, vol),
              "pay_share": "" if ps is None else rate_str(rng, ps * 100),
              "uplift": rate_str(rng, up_pct) if up == "rate" else up,
              "outcome": "" if orr is None else "outcome-x",
              "outcome_rate": "" if orr is None else (
                  (pct_text(orr * 100) + "%") if rng.random() < 0.3 else dec_text(orr)),
              "outcome_value": "" if ov is None else money_str(rng, ov),
              "start": "" if start is None else year_label(start),
              "end": "" if end is None else year_label(end)}
    toml = [f"id = {toml_str(sid)}", f"name = {toml_str('Commissioned ' + sid)}",
            f"pool = {toml_str(pool)}", f"provider = {toml_str(csvrow['provider'])}",
            f"category = {toml_str(cat)}", 'unit = "family"',
            f"unit_cost = {toml_money(rng, uc)}", f"volume = {toml_qty(rng, vol)}"]
    if ps is not None:
        toml.append(f"pay_share = {toml_rate(rng, ps * 100)}")
    if up in ("index", "none"):
        toml.append(f"uplift = {toml_str(up)}")
    elif up == "rate":
        toml.append(f"uplift = {toml_rate(rng, up_pct)}")
    if orr is not None:
        toml.append('outcome = "outcome-x"')
        toml.append(f"outcome_rate = {dec_text(orr) if rng.random() < 0.5 else toml_str(pct_text(orr * 100) + '%')}")
    if ov is not None:
        toml.append(f"outcome_value = {toml_money(rng, ov)}")
    if start is not None:
        toml.append(f'start = "{year_label(start)}"')
    if end is not None:
        toml.append(f'end = "{year_label(end)}"')
    if ED2:
        ed2_service(rng, csvrow, toml, pools)
    return {"id": sid, "csv": csvrow, "toml": toml, "uc": uc, "pool": csvrow["pool"],
            "category": cat, "start": start, "end": end}


def window_lines(rng, base, horizon, need_from=False):
    lines = []
    f = None
    if need_from or rng.random() < 0.8:
        f = base + rng.randint(-1 if rng.random() < 0.1 else 0, horizon)  # may start after the end
        if f >= base + horizon and rng.random() < 0.7:
            f = base + horizon - 1
        lines.append(f'from = "{year_label(f)}"')
    if rng.random() < 0.5:
        lo = f if f is not None else base
        to = lo + rng.randint(0, horizon + 1)
        lines.append(f'to = "{year_label(to)}"')
    return lines


def gen_lever(rng, base, horizon, pools, pairs, partners, providers, avail, svc_info, stem):
    kind = rng.choice(["contribution", "contribution", "unit_cost", "volume", "volume", "volume",
                       "outcome_rate", "commission", "decommission", "recommission",
                       "recommission", "saving", "saving"])
    L = [f"kind = {toml_str(kind)}"]
    win = window_lines(rng, base, horizon)
    if kind == "contribution":
        pool, pa = rng.choice(pairs)
        L += [f"partner = {toml_str(pa)}", f"pool = {toml_str(pool)}"] + win
        m = rng.randrange(3)
        if m == 0:
            L.append(f"change = {toml_rate(rng, rand_pct(rng, [-10, 5, -33.333, 12.5, 0.5]))}")
        elif m == 1:
            d = Decimal(rng.choice(["600000", "-1000.005", "2500.125", "-250", "40000.5", "0.005",
                                    "1000.005", "250.5"]))
            L.append(f"by = {toml_money(rng, d)}")
        else:
            d = Decimal(rng.choice(["500000", "1234.565", "0", "99999.995"]))
            L.append(f"set = {toml_money(rng, d)}")
        return L
    if kind in ("unit_cost", "outcome_rate", "decommission"):
        if not avail:
            return None
        sid = rng.choice(avail)
        L += [f"service = {toml_str(sid)}"] + win
        m = rng.randrange(3)
        if kind == "unit_cost":
            if m == 0:
                L.append(f"change = {toml_rate(rng, rand_pct(rng, [-10, 5, 2.5, 33.333]))}")
            elif m == 1:
                d = Decimal(rng.choice(["2.50", "-0.005", "0.125", "10.005"]))
                L.append(f"by = {toml_money(rng, d)}")
            else:
                d = Decimal(rng.choice(["135", "12.345", "2000.005"]))
                L.append(f"set = {toml_money(rng, d)}")
        elif kind == "outcome_rate":
            if m == 0:
                L.append(f"change = {toml_rate(rng, rand_pct(rng, [10, -20, 5.5]))}")
            elif m == 1:
                L.append("by = " + rng.choice(['0.05', '0.125', '1'] + (['"5%"'] if PCT_OUTCOME_LEVERS else [])))
            else:
                L.append("set = " + rng.choice(['0.6', '0', '2.5'] + (['"60%"'] if PCT_OUTCOME_LEVERS else [])))
        return L
    if kind == "volume":
        if not avail:
            return None
        sid = rng.choice(avail)
        L += [f"service = {toml_str(sid)}"] + win
        m = rng.randrange(3)
        if m == 0:
            L.append(f"change = {toml_rate(rng, rand_pct(rng, [20, -50, 10, -12.5, 100, -100]))}")
        elif m == 1:
            L.append(f"by = {toml_qty(rng, Decimal(rng.choice(['80', '-3.5', '24', '0.5', '1500', '-1200'])))}")
        else:
            L.append(f"set = {toml_qty(rng, Decimal(rng.choice(['0', '3.5', '48', '1000.25'])))}")
        if rng.random() < 0.5:
            others = [s for s in avail if s != sid]
            if others:
                L.append(f"reduces = {toml_str(rng.choice(others))}")
                L.append(f"per_unit = {toml_qty(rng, Decimal(rng.choice(['8', '0.5', '1.5', '2', '10'])))}")
                lag = rng.choice([None, 0, 1, 2])
                if lag is not None:
                    L.append(f"lag = {lag}")
        return L
    if kind == "commission":
        sid = f"new-{stem}-{rng.randint(0, 999)}"
        if sid in avail:
            return None
        s = gen_service(rng, sid, pools, providers, base, horizon, commissioned=True)
        avail.append(sid)
        svc_info[sid] = s
        return L + win + s["toml"]
    if kind == "recommission":
        if not avail:
            return None
        sid = rng.choice(avail)
        L += [f"service = {toml_str(sid)}", f"provider = {toml_str(rng.choice(providers))}"] + win
        if rng.random() < 0.7:
            L.append(f"unit_cost = {toml_money(rng, Decimal(rng.choice(['135', '12.345', '2800.5', '0.995'])))}")
        if rng.random() < 0.5:
            L.append("outcome_rate = " + rng.choice(['0.7', '"45%"', '2']))
        return L
    if kind == "saving":
        pool = rng.choice(pools)["id"]
        d = Decimal(rng.choice(["500000", "-20000", "1000.005", "12345.675", "-0.005"]))
        return L + [f"pool = {toml_str(pool)}"] + win + [f"by = {toml_money(rng, d)}"]
    return None


# ------------------------------------------------------------ edition 2 (§10-§12)

OUTCOMES = ["outcome-x", "outcome-y", "outcome-z"]
AGENCIES = ["dwp", "hmcts", "society"]  # beneficiaries outside the partnership
ED2_SERVICE_COLS = ["deadweight", "attribution", "optimism_bias", "benefit_years", "drop_off"]
_E2 = {}  # per-workspace edition-2 state shared with gen_service


def ed2_pools(rng, pools, partners):
    """Benefit-rule pools, twin pools for penny ties, agreements, opening reserves."""
    state = {"tie": None, "alloc": set(rng.sample(OUTCOMES, rng.randint(0, 3)))}
    if ONLY_S10:
        state["alloc"] = set()
    for p in pools:
        if rng.random() < 0.3 and not ONLY_S10:
            p["risk"] = "benefit"
    if not any(p["risk"] == "benefit" for p in pools) and not ONLY_S10:
        rng.choice(pools)["risk"] = "benefit"
    ids = [p["id"] for p in pools]
    r = rng.random()
    if r < 0.35 and len(pools) >= 3:
        # two twin pools without services next to one pool with services: equal
        # underspends, so the penny of an odd offset goes to the pool listed first
        a, b_ = pools[-2]["id"], pools[-1]["id"]
        state["tie"] = (a, b_)
        pools[-2]["twin"] = pools[-1]["twin"] = True
        for p in pools[-3:]:
            p["agreement"] = "s75-main"
    elif r < 0.8:
        members = rng.sample(ids, rng.randint(2, min(3, len(ids))))
        for p in pools:
            if p["id"] in members:
                p["agreement"] = rng.choice(["s75-main"])
        rest = [p for p in pools if "agreement" not in p]
        if rest and rng.random() < 0.3:
            rest[0]["agreement"] = "lonely"  # an agreement of one pool: no offsets
    for p in pools:
        p["lean"] = rng.random() < 0.5
        if rng.random() < 0.4:
            p["reserve"] = money_str(rng, Decimal(rng.choice(["0", "250000", "12345.675", "50000.5",
                                                                 "1000", "333333.33"])))
    _E2.clear()
    _E2.update(state)
    _E2["pools"] = pools
    return state


def ed2_share_text(rng, choices):
    v = Decimal(str(rng.choice(choices)))
    if v == 0 and rng.random() < 0.5:
        return ""
    return (pct_text(v) + "%") if rng.random() < 0.6 else dec_text((v / 100).normalize())


def ed2_service(rng, csvrow, toml, pools):
    """Outcome names shared with outcomes.csv, the five §11.2 columns."""
    nontwin = [p["id"] for p in _E2["pools"] if not p.get("twin")]
    if csvrow["pool"] not in nontwin:
        csvrow["pool"] = rng.choice(nontwin)
    outcome = csvrow["outcome"]
    if outcome:
        outcome = rng.choice(OUTCOMES)
    elif rng.random() < 0.2:
        outcome = rng.choice(OUTCOMES)  # an outcome with a zero rate
    shown = outcome
    if outcome and rng.random() < 0.2:
        shown = rng.choice([outcome.upper(), " " + outcome.title() + " "])
    csvrow["outcome"] = shown
    allocated = outcome in _E2["alloc"]
    if allocated:
        csvrow["outcome_value"] = ""
    cols = {
        "deadweight": ed2_share_text(rng, [0, 10, 25, 0, 50]),
        "attribution": ed2_share_text(rng, [100, 50, 80, 100, 0]),
        "optimism_bias": ed2_share_text(rng, [0, 15, 40, 0]),
        "benefit_years": rng.choice(["", "1", "2", "3", "5", ""]),
        "drop_off": ed2_share_text(rng, [0, 25, 50, 100, 0, 12.5]),
    }
    if cols["attribution"] == "" and rng.random() < 0.3:
        cols["attribution"] = "100%"
    if ONLY_S10:
        cols = {k: "" for k in cols}
    csvrow.update(cols)
    keep = [l for l in toml if not l.startswith(("pool =", "outcome =", "outcome_value ="))]
    keep.append(f"pool = {toml_str(csvrow['pool'])}")
    if shown:
        keep.append(f"outcome = {toml_str(shown)}")
    ov = [l for l in toml if l.startswith("outcome_value =")]
    if ov and not allocated:
        keep.append(ov[0])
    for k, v in cols.items():
        if v == "":
            continue
        if k == "benefit_years":
            keep.append(f"benefit_years = {v if rng.random() < 0.6 else toml_str(v)}")
        else:
            keep.append(f"{k} = {toml_str(v)}")
    toml[:] = keep


def toml_rate_table(rng, base, horizon, choices):
    """§10.1: an inline table from years to rates; the first listed year may be
    after base+1, and one entry may lie beyond the horizon (a warning)."""
    years = sorted(rng.sample(range(base + 1, base + horizon + 2), rng.randint(1, min(3, horizon + 1))))
    parts = []
    for y in years:
        key = year_label(y) if rng.random() < 0.7 else toml_str(year_label(y))
        parts.append(f"{key} = {toml_rate(rng, rand_pct(rng, choices))}")
    return "{ " + ", ".join(parts) + " }"


def ed2_files(rng, bdir, base, nyears, max_years, pools, partners, services, e2):
    # schedules.csv (§10.2)
    rows = []
    for s in services:
        if rng.random() < 0.4:
            for y in sorted(rng.sample(range(base - 1, base + max_years + 1), rng.randint(1, 3))):
                m = rng.randrange(3)
                uc = Decimal(rng.choice(["3400", "12.345", "99.995", "0", "1500.5", "2950"]))
                vo = Decimal(rng.choice(["10", "0", "936.5", "1200", "3.25"]))
                rows.append({"service": s["id"], "year": year_label(y),
                             "unit_cost": money_str(rng, uc, allow_suffix=False) if m != 1 else "",
                             "volume": qty_str(rng, vo) if m != 0 else ""})
    if rows or rng.random() < 0.3:
        rng.shuffle(rows)
        write_csv(rng, os.path.join(bdir, "schedules.csv"), ["service", "year", "unit_cost", "volume", "note"],
                  rows, {"service", "year"})
    # risk_caps.csv (§10.4): money and % caps, never on the host
    rows = []
    for p in pools:
        for pa in partners:
            if pa == p["host"] or rng.random() > 0.5:
                continue
            if rng.random() < 0.5:
                cap = rng.choice(["50%", "100%", "0%", "12.5%", "150%", "33.333%", "1%", "0.5%"])
            else:
                cap = rng.choice([money_str(rng, Decimal(rng.choice(["5000", "0", "250000", "1234.565", "100",
                                                                     "0.01", "10"]))),
                                  "0.5", "£1,000", "0"])
            rows.append({"pool": p["id"], "partner": pa, "cap": cap})
    if rows or rng.random() < 0.3:
        write_csv(rng, os.path.join(bdir, "risk_caps.csv"), ["pool", "partner", "cap", "note"], rows,
                  {"pool", "partner", "cap"})
    if not ONLY_S10:
        ed2_outcomes(rng, bdir, partners, e2)
    if not NO_S12:
        ed2_actuals(rng, bdir, base, nyears, services)


def ed2_outcomes(rng, bdir, partners, e2):
    # outcomes.csv (§11.1)
    rows = []
    for o in sorted(e2["alloc"]) + (["unused-outcome"] if rng.random() < 0.2 else []):
        for who in rng.sample(partners + AGENCIES, rng.randint(1, 4)):
            for kind in rng.sample(["fiscal", "economic", "social"], rng.randint(1, 2)):
                cash = ""
                if kind == "fiscal":
                    cash = rng.choice(["", "yes", "no", "TRUE", "false", "Yes"])
                shown_kind = kind if rng.random() < 0.8 else ("" if kind == "fiscal" else kind.upper())
                v = Decimal(rng.choice(["1200", "-350", "2500.5", "0.125", "10000", "333.33"]))
                rows.append({"outcome": o if rng.random() < 0.8 else o.upper(), "beneficiary": who,
                             "value": money_str(rng, v), "kind": shown_kind, "cashable": cash})
    if rows or rng.random() < 0.2:
        rng.shuffle(rows)
        write_csv(rng, os.path.join(bdir, "outcomes.csv"),
                  ["outcome", "beneficiary", "value", "kind", "cashable", "note"], rows,
                  {"outcome", "beneficiary", "value"})


def ed2_actuals(rng, bdir, base, nyears, services):
    # actuals.csv and profiles.csv (§12.1)
    if rng.random() < 0.95:
        rows = []
        years = rng.sample(range(base, base + nyears), min(nyears, rng.randint(1, 2)))
        if rng.random() < 0.1:
            years.append(base + nyears)  # beyond the budget's horizon
        for y in years:
            top = rng.randint(1, 12)
            for s in services:
                if rng.random() < 0.4:
                    continue
                for m in range(1, top + 1):
                    if rng.random() < 0.25:
                        continue
                    amt = Decimal(rng.randint(-2000, 400000)) + Decimal(rng.choice([0, "0.5", "0.01", "0.125"]))
                    rows.append({"service": s["id"], "year": year_label(y), "period": period_text(rng, m),
                                 "amount": money_str(rng, amt)})
        rng.shuffle(rows)
        write_csv(rng, os.path.join(bdir, "actuals.csv"), ["service", "year", "period", "amount", "note"],
                  rows, {"service", "year", "period", "amount"})
    if rng.random() < 0.6:
        rows = []
        keys = rng.sample(CATS + [s["id"] for s in services], rng.randint(1, 4))
        if rng.random() < 0.1:
            keys.append("no-such-key")  # a warning
        for k in keys:
            for m in range(1, 13):
                if rng.random() < 0.2:
                    continue  # missing periods weigh 0
                w = Decimal(rng.choice(["1", "2", "0", "1.5", "8.333", "10"]))
                rows.append({"key": k, "period": period_text(rng, m), "weight": qty_str(rng, w)})
            if not any(r["key"] == k and r["weight"] not in ("0",) for r in rows):
                rows.append({"key": k, "period": "6", "weight": "1"})
        write_csv(rng, os.path.join(bdir, "profiles.csv"), ["key", "period", "weight", "note"], rows,
                  {"key", "period", "weight"})


MONTH_NAMES = ["April", "May", "June", "July", "August", "September", "October", "November",
               "December", "January", "February", "March"]


def period_text(rng, m):
    r = rng.random()
    name = MONTH_NAMES[m - 1]
    if r < 0.5:
        return str(m)
    if r < 0.7:
        return name[:3] if rng.random() < 0.5 else name[:3].lower()
    return rng.choice([name, name.lower(), name.upper()])


ERROR_CASES = ["host-cap", "plain-one", "table-at-base", "empty-table", "discount-table",
               "schedule-neither", "value-both", "benefit-years-frac", "cashable-social"]


def ed2_error_case(rng, outdir, bdir, sdir, names, pools, services, base):
    """With a small probability, one deliberate §9-§11 error (both sides must exit 1)."""
    if rng.random() >= 0.06:
        return
    case = rng.choice(ERROR_CASES[:6] if ONLY_S10 else ERROR_CASES)
    stem = names[0]
    path = os.path.join(sdir, stem + ".toml")

    def append_csv(name, header, values):
        """Append one row to a (possibly shuffled, CRLF, cp1252) CSV file."""
        fp = os.path.join(bdir, name)
        if not os.path.exists(fp):
            with open(fp, "w") as f:
                f.write(header + "\n")
        data = open(fp, "rb").read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252")
        first = text.lstrip("\ufeff").splitlines()[0]
        cols = [c.strip().lower() for c in first.split(",")]
        line = ",".join(values.get(c, "") for c in cols)
        with open(fp, "ab") as f:
            if data and not data.endswith(b"\n"):
                f.write(b"\n")
            f.write((line + "\n").encode())

    p = pools[0]
    if case == "host-cap":
        append_csv("risk_caps.csv", "pool,partner,cap,note", {"pool": p["id"], "partner": p["host"], "cap": "50%"})
    elif case == "plain-one":  # §9: a plain 1 as a growth-type rate is an error
        src = open(path, encoding="utf-8").read()
        src += '\n[[levers]]\nkind = "volume"\nservice = ' + toml_str(services[0]["id"]) + '\nchange = 1\n'
        open(path, "w", encoding="utf-8").write(src)
    elif case in ("table-at-base", "empty-table", "discount-table"):
        src = open(path, encoding="utf-8").read()
        if case == "table-at-base":
            line = f'price_inflation = {{ {year_label(base)} = "2%" }}'
        elif case == "empty-table":
            line = "price_inflation = {}"
        else:
            line = f'discount_rate = {{ {year_label(base + 1)} = "3.5%" }}'
        lines = [l for l in src.split("\n") if not l.startswith(line.split(" ")[0] + " =")]
        if "[rates]" in lines:
            lines.insert(lines.index("[rates]") + 1, line)
        else:
            lines = lines + ["", "[rates]", line]
        open(path, "w", encoding="utf-8").write("\n".join(lines) + "\n")
    elif case == "schedule-neither":
        append_csv("schedules.csv", "service,year,unit_cost,volume,note",
                   {"service": services[0]["id"], "year": year_label(base)})
    elif case == "value-both":
        # an outcome with outcomes.csv rows and a service that also gives outcome_value
        append_csv("outcomes.csv", "outcome,beneficiary,value,kind,cashable,note",
                   {"outcome": OUTCOMES[0], "beneficiary": "dwp", "value": "100"})
        src = open(path, encoding="utf-8").read()
        src += ('\n[[levers]]\nkind = "commission"\nid = "both-values"\nname = "Both"\n'
                f'pool = {toml_str(services[0]["pool"])}\nprovider = "prov-a"\ncategory = "c"\nunit = "u"\n'
                f'unit_cost = 10\nvolume = 1\noutcome = "{OUTCOMES[0]}"\noutcome_rate = 1\noutcome_value = 5\n')
        open(path, "w", encoding="utf-8").write(src)
    elif case == "benefit-years-frac":
        src = open(path, encoding="utf-8").read()
        src += ('\n[[levers]]\nkind = "commission"\nid = "frac-years"\nname = "Frac"\n'
                f'pool = {toml_str(services[0]["pool"])}\nprovider = "prov-a"\ncategory = "c"\nunit = "u"\n'
                'unit_cost = 10\nvolume = 1\nbenefit_years = "2.5"\n')
        open(path, "w", encoding="utf-8").write(src)
    elif case == "cashable-social":
        append_csv("outcomes.csv", "outcome,beneficiary,value,kind,cashable,note",
                   {"outcome": "outcome-q", "beneficiary": "dwp", "value": "100", "kind": "social",
                    "cashable": "yes"})
    with open(os.path.join(outdir, "ERROR_CASE"), "w") as f:
        f.write(case + "\n")


# ------------------------------------------------------------ compare driver


def first_difference(bout, oout):
    b = bout.decode(errors="replace").splitlines()
    o = oout.decode(errors="replace").splitlines()
    i = next((i for i in range(max(len(b), len(o)))
              if i >= len(b) or i >= len(o) or b[i] != o[i]), None)
    bl = b[i] if i < len(b) else "<eof>"
    ol = o[i] if i < len(o) else "<eof>"
    return f"{len(set(b) ^ set(o))} lines differ; first: binary {bl} | oracle {ol}"


DROP = set()  # measures left out of both outputs (--drop-measures a,b,c)


def drop(out):
    if not DROP:
        return out
    keep = [l for l in out.split(b"\n") if l.rsplit(b",", 2)[-2:][0].decode(errors="replace") not in DROP]
    return b"\n".join(keep)


def run_pair(bcmd, ocmd):
    rb = subprocess.run(bcmd, capture_output=True)
    ro = subprocess.run(ocmd, capture_output=True)
    rb.stdout, ro.stdout = drop(rb.stdout), drop(ro.stdout)
    if ro.returncode != 0 or rb.returncode != 0:
        if ro.returncode == rb.returncode == 1:
            return "both", None
        return "differ", (f"exit binary={rb.returncode} oracle={ro.returncode}: "
                          + (rb.stderr.decode(errors="replace")[:300] + " || "
                             + ro.stderr.decode(errors="replace")[-300:]))
    if rb.stdout == ro.stdout:
        return "agree", None
    return "differ", first_difference(rb.stdout, ro.stdout)


def monitor_args(seed, ws):
    """Deterministic `monitor` arguments for a seed (not from the workspace's rng)."""
    rng = random.Random(seed + 1000003)
    stems = sorted(f[:-5] for f in os.listdir(os.path.join(ws, "scenarios")) if f.endswith(".toml"))
    args = []
    if rng.random() < 0.5:
        args.append(rng.choice(stems))
    bdir = os.path.join(ws, "budgets", os.listdir(os.path.join(ws, "budgets"))[0])
    man = open(os.path.join(bdir, "budget.toml")).read()
    base = int(man.split('base_year = "')[1][:4])
    years = int(man.split("years = ")[1].split()[0])
    if rng.random() < 0.3:
        # mostly a year that has actuals rows, sometimes any year of the horizon
        seen = []
        ap = os.path.join(bdir, "actuals.csv")
        if os.path.exists(ap):
            seen = sorted(set(re.findall(r"\b(\d{4}-\d{2})\b", open(ap, "rb").read().decode("utf-8", "replace"))))
        if seen and rng.random() < 0.85:
            args += ["--year", rng.choice(seen)]
        else:
            args += ["--year", year_label(base + rng.randrange(years))]
    if rng.random() < 0.4:
        args += ["--period", str(rng.randint(1, 12))]
    if rng.random() < 0.8:
        args += ["--method", rng.choice(["straight", "profile", "run-rate", "remaining"])]
    if rng.random() < 0.2:
        args += ["--amber", rng.choice(["2%", "0.005", "0"])]
    if rng.random() < 0.2:
        args += ["--red", rng.choice(["10%", "0.02", "3%"])]
    return args


def compare(binary, first, count, workdir, mode="tidy"):
    here = os.path.dirname(os.path.abspath(__file__))
    oracle = os.path.join(here, "oracle.py")
    tally = {"agree": 0, "both": 0, "differ": 0}
    bad = []
    for seed in range(first, first + count):
        ws = gen(seed, os.path.join(workdir, str(seed)))
        if mode == "tidy":
            bcmd = [binary, "--dir", ws, "export", "--tidy"]
            ocmd = [sys.executable, oracle, ws]
        else:
            args = monitor_args(seed, ws)
            bcmd = [binary, "--dir", ws, "monitor"] + args + ["-O", "csv"]
            ocmd = [sys.executable, oracle, "monitor", ws] + args
        verdict, msg = run_pair(bcmd, ocmd)
        tally[verdict] += 1
        if verdict == "differ":
            extra = " ".join(bcmd[4:]) if mode != "tidy" else ""
            case = os.path.join(ws, "ERROR_CASE")
            if os.path.exists(case):
                extra += " [error case " + open(case).read().strip() + "]"
            bad.append((seed, (extra + " " if extra else "") + msg))
        else:
            shutil.rmtree(ws)
    for seed, msg in bad:
        print(f"seed {seed}: {msg}")
    print(f"{tally['agree']} agree byte-for-byte, {tally['both']} rejected by both, "
          f"{tally['differ']} differ (of {count})")
    return 0 if tally["differ"] == 0 else 1


def main(argv):
    global ED2, ONLY_S10, NO_S12
    argv = list(argv)
    if "--only-s10" in argv:
        argv.remove("--only-s10")
        ED2 = ONLY_S10 = NO_S12 = True
    if "--no-s11" in argv:
        argv.remove("--no-s11")
        ED2 = ONLY_S10 = True
        NO_S12 = False
    if "--drop-measures" in argv:
        i = argv.index("--drop-measures")
        DROP.update(argv[i + 1].split(","))
        del argv[i:i + 2]
    if "--edition" in argv:
        i = argv.index("--edition")
        ED2 = argv[i + 1] == "2"
        del argv[i:i + 2]
    if len(argv) >= 4 and argv[1] == "gen":
        gen(int(argv[2]), argv[3])
        return 0
    if len(argv) >= 5 and argv[1] in ("compare", "compare-monitor"):
        mode = "tidy" if argv[1] == "compare" else "monitor"
        if mode == "monitor":
            ED2 = True
        workdir = argv[5] if len(argv) > 5 else "/tmp/poolplan-oracle"
        return compare(argv[2], int(argv[3]), int(argv[4]), workdir, mode)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
