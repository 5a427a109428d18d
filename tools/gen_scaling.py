#!/usr/bin/env python3
"""Workspaces for the scaling table in docs/performance.md (issue 17 item 16).

    python3 tools/gen_scaling.py OUT --services S --categories C --levers N --typos M

Writes OUT/budgets/w/ (one pool, two partners, S services in C categories)
and OUT/scenarios/base.toml, many.toml (extends base, N unit-cost and volume
levers: `compare base many` bridges N steps) and, when M > 0, typos.toml (M
levers naming services that do not exist, each one typo away from a real
id: `check` suggests a match for each).
"""
import argparse
import os

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--services", type=int, default=200)
p.add_argument("--categories", type=int, default=10)
p.add_argument("--levers", type=int, default=0)
p.add_argument("--typos", type=int, default=0)
a = p.parse_args()

b = os.path.join(a.out, "budgets", "w")
os.makedirs(b, exist_ok=True)
os.makedirs(os.path.join(a.out, "scenarios"), exist_ok=True)


def write(path, text):
    with open(os.path.join(a.out, path), "w") as f:
        f.write(text)


write("budgets/w/budget.toml", 'name = "Scaling"\nbase_year = "2009-10"\nyears = 5\n')
write("budgets/w/partners.csv", "id,name,kind\ncouncil,Council,council\nnhs,NHS,nhs\n")
write("budgets/w/pools.csv", "id,name,host,basis,risk_share,underspend\npool,Pool,council,s75,pro_rata,carry_forward\n")
write("budgets/w/providers.csv", "id,name,sector,rating\nprov,Provider,private,Good\n")
total = 0
rows = ["id,name,pool,provider,category,unit,unit_cost,volume"]
for i in range(a.services):
    cost, vol = 100 + i % 900, 10 + i % 90
    total += cost * vol
    rows.append(f"s{i:05},Service {i},pool,prov,cat{i % a.categories:04},week,{cost},{vol}")
write("budgets/w/services.csv", "\n".join(rows) + "\n")
write(
    "budgets/w/contributions.csv",
    f"pool,partner,year,amount\npool,council,2009-10,{total * 6 // 10}\npool,nhs,2009-10,{total * 4 // 10}\n",
)
write("scenarios/base.toml", 'name = "Base"\nbudget = "w"\n\n[rates]\npay_inflation = "2%"\nprice_inflation = "1%"\n')
levers = []
for j in range(a.levers):
    svc = f"s{(j * 7919) % a.services:05}"
    if j % 2:
        levers.append(f'[[levers]]\nkind = "unit_cost"\nservice = "{svc}"\nfrom = "2010-11"\nchange = "-1%"\n')
    else:
        levers.append(f'[[levers]]\nkind = "volume"\nservice = "{svc}"\nfrom = "2011-12"\nby = 1\n')
write("scenarios/many.toml", 'name = "Many levers"\nextends = "base"\n\n' + "\n".join(levers))
if a.typos:
    typos = []
    for j in range(a.typos):
        svc = f"s{(j * 104729) % a.services:05}"
        typos.append(f'[[levers]]\nkind = "volume"\nservice = "{svc[:-1]}x{svc[-1]}"\nfrom = "2010-11"\nby = 1\n')
    write("scenarios/typos.toml", 'name = "Typos"\nextends = "base"\n\n' + "\n".join(typos))
