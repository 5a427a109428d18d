#!/bin/sh
# Issue 16 targets for the command line, on synthetic workspaces:
#   check and summary of 100,000 services × 10 years × 20 scenarios,
#   export --tidy of 10,000 × 5 × 4, and the 1k/10k/100k scaling table.
# Each command is run RUNS times (default 3); the median wall, user and
# peak memory are printed. Run on a quiet machine for wall times; on a
# shared one, user CPU is the steadier figure.
#
#   sh benches/cli.sh            # everything
#   RUNS=5 sh benches/cli.sh
set -eu
RUNS=${RUNS:-3}
cargo build --release --bin poolplan --examples >/dev/null
P=target/release/poolplan
T=$(mktemp -d /tmp/poolplan-bench.XXXXXX)
trap 'rm -rf "$T"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# time_it LABEL CMD...: median wall s, user s, max RSS MB over RUNS runs.
time_it() {
    label=$1; shift
    : > "$T/times"
    i=0
    while [ $i -lt "$RUNS" ]; do
        /usr/bin/time -f "%e %U %M" -o "$T/one" "$@" >/dev/null 2>"$T/err" || true
        cat "$T/one" >> "$T/times"
        i=$((i + 1))
    done
    wall=$(cut -d' ' -f1 "$T/times" | median)
    user=$(cut -d' ' -f2 "$T/times" | median)
    rss=$(cut -d' ' -f3 "$T/times" | median)
    printf '%-44s wall %6s s  user %6s s  peak %5d MB\n' "$label" "$wall" "$user" $((rss / 1024))
}

synth() { target/release/examples/synth "$T/$1" --services "$2" --years "$3" --scenarios "$4" --seed 1 >/dev/null; }

for n in 1000 10000 100000; do
    synth "s$n" $n 10 20
    time_it "check   ${n} × 10 × 20" $P --dir "$T/s$n" check
    time_it "summary ${n} × 10 × 20" $P --dir "$T/s$n" summary
    [ $n = 100000 ] || rm -rf "$T/s$n"
done
rm -rf "$T/s100000"
synth t10k 10000 5 4
time_it "export --tidy 10000 × 5 × 4 (to a file)" $P --dir "$T/t10k" export --tidy -o "$T/tidy.csv" --force
bytes=$(wc -c < "$T/tidy.csv")
rows=$(wc -l < "$T/tidy.csv")
echo "  tidy export: $rows lines, $bytes bytes"
