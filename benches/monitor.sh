#!/bin/sh
# Benchmark `poolplan monitor` on 100,000 services with 12 months of actuals
# (1.2 million actuals.csv rows). Builds release, writes a synthetic workspace
# to ${OUT:-/tmp/synth-monitor}, times one run of each output. Run from the
# repository root:  sh benches/monitor.sh   (the machine is shared: report
# user + sys CPU as well as wall; the actuals are parsed on two threads, so
# user + sys can exceed wall on an idle machine)
set -e
OUT=${OUT:-/tmp/synth-monitor}
cargo build --release --bin poolplan --example synth --example synth_actuals
rm -rf "$OUT"
./target/release/examples/synth "$OUT" --services 100000 --years 3 --scenarios 1 --seed 1
./target/release/examples/synth_actuals "$OUT" --months 12
wc -l "$OUT/budgets/synth/actuals.csv"
for o in csv table; do
  /usr/bin/time -f "monitor -O $o: %e s wall, %U s user, %S s sys, %M KB" \
    ./target/release/poolplan --dir "$OUT" monitor -O $o > /dev/null
done
