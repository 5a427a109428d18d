#!/usr/bin/env python3
"""Seedable random generator of valid poolplan workspaces that stress the
fine points of SPEC §6/§9, plus a comparison driver against the binary.

    python3 tools/gen_workspace.py gen SEED OUTDIR
    python3 tools/gen_workspace.py compare BINARY FIRST_SEED COUNT [WORKDIR]

`compare` generates each seed into WORKDIR/SEED, runs
`BINARY --dir WS export --tidy` and `tools/oracle.py WS`, and reports seeds
whose output (or exit status) differs. Workspaces that the oracle rejects
(e.g. a lever drove a contribution negative) must be rejected by the binary
too (exit 1).
"""

import json
import os
import random
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
    if rng.random() < 0.6 or abs(pct) > 100:
        s = pct_text(pct)
        if pct > 0 and rng.random() < 0.2:
            s = "+" + s
        return s + "%"
    return dec_text((pct / 100).normalize()) if pct != 0 else "0"


def toml_rate(rng, pct):
    if abs(pct) <= 100 and rng.random() < 0.3:
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
    write_csv(rng, os.path.join(bdir, "pools.csv"),
              ["id", "name", "host", "basis", "risk_share", "underspend"],
              [{"id": p["id"], "name": "Pool " + p["id"], "host": p["host"],
                "basis": rng.choice(["s75", "s31", "aligned", "grant", "other", ""]),
                "risk_share": ("" if p["risk"] == "pro_rata" and rng.random() < 0.3
                               else (p["risk"].upper() if rng.random() < 0.1 else p["risk"])),
                "underspend": ("" if p["under"] == "carry_forward" and rng.random() < 0.3
                               else (p["under"].title() if rng.random() < 0.1 else p["under"]))}
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
                contrib_rows.append({"pool": p["id"], "partner": pa, "year": year_label(y),
                                     "amount": money_str(rng, amt), "note": ""})
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
               "uplift", "outcome", "outcome_rate", "outcome_value", "start", "end"],
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
                lines.append(f"{toml_str(key)} = {toml_rate(rng, rand_pct(rng, [4, -3, 2.5, 10, -12.5, 0.7]))}")
        if rng.random() < 0.6:
            lines.append("")
            lines.append("[contribution_growth]")
            for pa in rng.sample(partners, rng.randint(1, len(partners))):
                lines.append(f"{toml_str(pa)} = {toml_rate(rng, rand_pct(rng, [1.5, 2, -5, 3.33, 0.5, -10]))}")
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
    return {"id": sid, "csv": csvrow, "toml": toml, "uc": uc}


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


# ------------------------------------------------------------ compare driver


def compare(binary, first, count, workdir):
    here = os.path.dirname(os.path.abspath(__file__))
    oracle = os.path.join(here, "oracle.py")
    agree = differ = both_err = 0
    bad = []
    for seed in range(first, first + count):
        ws = gen(seed, os.path.join(workdir, str(seed)))
        rb = subprocess.run([binary, "--dir", ws, "export", "--tidy"], capture_output=True)
        ro = subprocess.run([sys.executable, oracle, ws], capture_output=True)
        if ro.returncode != 0 or rb.returncode != 0:
            if ro.returncode == rb.returncode == 1:
                both_err += 1
                continue
            differ += 1
            bad.append((seed, f"exit binary={rb.returncode} oracle={ro.returncode}: "
                        + (rb.stderr.decode(errors="replace") + ro.stderr.decode(errors="replace"))[:300]))
            continue
        if rb.stdout == ro.stdout:
            agree += 1
            shutil.rmtree(ws)
        else:
            differ += 1
            b = rb.stdout.decode().splitlines()
            o = ro.stdout.decode().splitlines()
            first_diff = next((i for i in range(max(len(b), len(o)))
                               if i >= len(b) or i >= len(o) or b[i] != o[i]), None)
            bl = b[first_diff] if first_diff < len(b) else "<eof>"
            ol = o[first_diff] if first_diff < len(o) else "<eof>"
            ndiff = len(set(b) ^ set(o))
            bad.append((seed, f"{ndiff} lines differ; first: binary {bl} | oracle {ol}"))
    for seed, msg in bad:
        print(f"seed {seed}: {msg}")
    print(f"{agree} agree byte-for-byte, {both_err} rejected by both, {differ} differ (of {count})")
    return 0 if differ == 0 else 1


def main(argv):
    if len(argv) >= 4 and argv[1] == "gen":
        gen(int(argv[2]), argv[3])
        return 0
    if len(argv) >= 5 and argv[1] == "compare":
        workdir = argv[5] if len(argv) > 5 else "/tmp/poolplan-oracle"
        return compare(argv[2], int(argv[3]), int(argv[4]), workdir)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
