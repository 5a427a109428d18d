#!/usr/bin/env python3
"""Write the example workspace's illustrative actuals.csv (2009-10, April to
September) from its services.csv: each line's plan cost / 12 a month, shaped
by the childrens-centres profile, with a few lines running hot or cold, a
credit note, a missing invoice and a contract the plan does not fund this
year still being paid. Deterministic; rerun from the repository root:
    python3 tools/example_actuals.py
"""

import csv
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

B = Path("budgets/haringey-ct-2009")
MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep"]
# Term-time shape of children's centres (profiles.csv): weights sum to 12.
CC = [Decimal(x) for x in "1 1.1 1.1 0.9 0.5 1.1 1.1 1.1 0.8 1.1 1.1 1.1".split()]
HOT = {
    "rc-oakfield": (Decimal("1.12"), "two more placements than planned"),
    "rc-kestrel": (Decimal("1.08"), "specialist placement from August"),
    "sw-agency-carewise": (Decimal("1.25"), "agency cover for vacancies"),
    "camhs-tier3": (Decimal("1.035"), "waiting-list initiative"),
    "fo-inhouse": (Decimal("0.96"), ""),
    "wd-recruitment": (Decimal("0.40"), "campaign starts in the autumn"),
    "yo-case-management": (Decimal("1.02"), ""),
}
WIGGLE = [Decimal(x) for x in ("1.00", "0.99", "1.01", "1.00", "0.98", "1.02")]


def money(x):
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def main():
    rows = []
    with open(B / "services.csv", newline="") as f:
        for s in csv.DictReader(f):
            if s["start"] == "2010-11":
                continue
            unit_cost = Decimal(s["unit_cost"].replace("£", "").replace(",", ""))
            volume = Decimal(s["volume"].replace(",", ""))
            month = unit_cost * volume / 12
            factor, note = HOT.get(s["id"], (Decimal(1), ""))
            for m, name in enumerate(MONTHS):
                shape = CC[m] if s["category"] == "childrens-centres" else WIGGLE[m]
                if s["id"] == "cc-school-led" and m == 5:
                    continue  # September's invoice not yet received
                if s["id"] == "pp-voluntary" and m == 4:
                    continue  # August: only a credit (below)
                if s["id"] == "rc-kestrel" and m < 4:
                    factor_m = Decimal(1)
                else:
                    factor_m = factor
                amount = money(month * shape * factor_m)
                rows.append([s["id"], "2009-10", name, f"{amount}", note if m == 0 or (s["id"] == "rc-kestrel" and m == 4) else ""])
    rows.append(["pp-voluntary", "2009-10", "Aug", "(1,850.00)", "credit note: summer groups cancelled, July fees refunded"])
    for name in ["Jul", "Aug", "Sep"]:
        rows.append(["yo-police-triage", "2009-10", name, "3,150.00" if name != "Sep" else "3150", "pilot ended in March but still invoiced; the new contract starts in 2010-11"])
    with open(B / "actuals.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["service", "year", "period", "amount", "note"])
        w.writerows(rows)
    with open(B / "profiles.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["key", "period", "weight", "note"])
        names = MONTHS + ["Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]
        for name, weight in zip(names, CC):
            note = "term time: quieter in August and over Christmas" if name == "Apr" else ""
            w.writerow(["childrens-centres", name, f"{weight}", note])
    print(f"{len(rows)} actuals rows")


if __name__ == "__main__":
    main()
