#!/bin/sh
# Seed the fuzz corpora from the test fixtures (corpus/ is not committed).
# Run from the repository root: sh fuzz/seed.sh
set -e
F=tests/fixtures
C=fuzz/corpus
mkdir -p $C/parsers $C/csv_table $C/scenario_toml $C/workspace
i=0
for v in '1,234.56' '£1.2m' '(£916)' '£(916)' '-£1,234' '450k' '1.000' '2.5%' '-10%' \
         '0.025' '2009-10' '1999-00' '60%' '1,040' '12.5' '1e3%' ' 12 '; do
  printf '%s' "$v" > $C/parsers/seed-$i; i=$((i+1))
done
# The first byte picks the file a target replaces (see fuzz_targets/common.rs).
n=0
for f in budget.toml partners.csv providers.csv pools.csv contributions.csv services.csv risk_shares.csv; do
  for ws in $F/valid-base $F/valid-odd-encoding $F/broken/*; do
    [ -f "$ws/budgets/mini/$f" ] || continue
    out=$C/workspace/$n-$(basename "$ws")-$f
    { printf "\\$(printf %03o $n)"; cat "$ws/budgets/mini/$f"; } > "$out"
    case $f in *.csv)
      { printf "\\$(printf %03o $((n-1)))"; cat "$ws/budgets/mini/$f"; } > $C/csv_table/$(basename "$ws")-$f ;;
    esac
  done
  n=$((n+1))
done
for s in $F/valid-base/scenarios/*.toml $F/broken/*/scenarios/*.toml; do
  cp "$s" "$C/scenario_toml/$(basename "$(dirname "$(dirname "$s")")")-$(basename "$s")"
  { printf '\007'; cat "$s"; } > "$C/workspace/7-$(basename "$(dirname "$(dirname "$s")")")-$(basename "$s")"
done
echo "seeded: $(ls $C/parsers | wc -l) parsers, $(ls $C/csv_table | wc -l) csv_table, $(ls $C/scenario_toml | wc -l) scenario_toml, $(ls $C/workspace | wc -l) workspace"

# Second-edition targets (issue 17): workbooks, monitoring tables, the example budget's files.
mkdir -p $C/xlsx_book $C/monitoring $C/budget2
POOLPLAN=${POOLPLAN:-target/release/poolplan}
if [ -x "$POOLPLAN" ]; then
  t=$(mktemp -d)
  "$POOLPLAN" new --xlsx "$t/w" >/dev/null
  find "$t" -name '*.xlsx' -exec cp {} $C/xlsx_book/starter.xlsx \;
  rm -rf "$t"
else
  echo "note: build poolplan (cargo build --release) to seed xlsx_book with a starter workbook"
fi
for f in $F/monitor/budgets/mini/actuals.csv $F/monitor/budgets/mini/profiles.csv budgets/*/actuals.csv budgets/*/profiles.csv \
         $F/broken/*/budgets/*/actuals.csv $F/broken/*/budgets/*/profiles.csv; do
  [ -f "$f" ] && cp "$f" "$C/monitoring/$(echo "$f" | tr / _)"
done
# The first byte picks the file of fuzz_targets/budget2.rs's FILES.
n=0
for f in budget.toml partners.csv providers.csv pools.csv contributions.csv services.csv risk_shares.csv \
         schedules.csv risk_caps.csv outcomes.csv actuals.csv profiles.csv; do
  for src in budgets/haringey-ct-2009/$f $F/broken/*/budgets/*/$f; do
    [ -f "$src" ] || continue
    { printf "\\$(printf %03o $n)"; cat "$src"; } > "$C/budget2/$n-$(echo "$src" | tr / _)"
  done
  n=$((n+1))
done
echo "seeded: $(ls $C/xlsx_book | wc -l) xlsx_book, $(ls $C/monitoring | wc -l) monitoring, $(ls $C/budget2 | wc -l) budget2"
