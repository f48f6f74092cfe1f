#!/usr/bin/env bash
# Runs every benchmark and prints one results table: metric, ours, baseline, ratio, target. Each baseline is
# measured in the same run (docs/benchmarks.md says what each one is). Nothing here asserts a time; the numbers
# are for reading. Usage: ./benchmark.sh [rounds]   (default 7; rounds of the store, sync and start-up benchmarks)
# Needs the test cluster for the sync (started here, as root: tests/cluster/start.sh) and an X display for the
# start-up, heap and Jobs view benchmarks (DISPLAY, else an Xvfb started here and stopped at the end).
# BENCHMARK_QUICK=1 leaves out the slowest baseline (one squeue per job at 1,000 jobs); ./test.sh runs
# `BENCHMARK_QUICK=1 ./benchmark.sh 1` to prove the script works on its checkout. Exits 1 when a benchmark did not run.
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"

find_jdk21
rounds=${1:-7}
case "$rounds" in '' | *[!0-9]* | 0) die "rounds must be a positive number, not '$rounds'" ;; esac
JAVA="$JAVA_HOME/bin/java"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/namdrunner-bench.XXXXXX")
RESULTS="$WORK/results.tsv"
: >"$RESULTS"
XVFB_PID=""
cleanup() {
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
log "using JDK at $JAVA_HOME ($(java_major "$JAVA")), $rounds rounds, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# result <metric> <ours> <baseline> <ratio> <target>
SEP=$'\x1f'   # not whitespace, so empty fields survive `read`
result() { printf "%s$SEP%s$SEP%s$SEP%s$SEP%s\n" "$1" "$2" "$3" "$4" "$5" >>"$RESULTS"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "n/a" }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
# mvn_verify <modules> [maven arguments]: `verify` of those modules with the target-platform module in the same
# reactor, so Tycho reads the target definition from this checkout, never from an `install` into ~/.m2 (a fresh
# clone after ./test.sh has none, and an installed one may be another checkout's, out of date).
# MVN_ARGS: extra Maven arguments, e.g. MVN_ARGS=-o to build offline
TARGET_MODULE=releng/org.namdrunner.target
mvn_verify() { local modules=$1; shift; "$MVNW" -B ${MVN_ARGS:-} -f "$ROOT/pom.xml" verify -pl "$TARGET_MODULE,$modules" "$@"; }
BUNDLES=bundles/org.namdrunner.core,bundles/org.namdrunner.persistence,bundles/org.namdrunner.slurm,bundles/org.namdrunner.ssh,bundles/org.namdrunner.namd,bundles/org.namdrunner.app
# the feature and the bundles of ours it lists (read from feature.xml, so new bundles come along): the workbench tests
# resolve against the whole feature (extraRequirements in their pom)
FEATURE_MODULES=$(grep -o '<plugin id="org\.namdrunner\.[^"]*"' "$ROOT/features/org.namdrunner.feature/feature.xml" | cut -d'"' -f2 |
  while read -r b; do [ -d "$ROOT/bundles/$b" ] && printf 'bundles/%s,' "$b"; done)features/org.namdrunner.feature

# --- Store: the SQLite job store against plain JDBC doing the same SQL (tests/org.namdrunner.persistence.tests)
log "store: StoreBenchmarkTest, $rounds rounds"
if mvn_verify bundles/org.namdrunner.core,bundles/org.namdrunner.persistence,tests/org.namdrunner.persistence.tests -q \
    -Dtest=StoreBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false -Dnamdrunner.benchmark.rounds="$rounds" >"$WORK/store.log" 2>&1; then
  # rows: | operation | store | plain JDBC | store / JDBC | store / JDBC, CPU time |
  grep -E '^\| (insert|list|apply)' "$ROOT/tests/org.namdrunner.persistence.tests/target/benchmarks/store.md" |
    while IFS='|' read -r _ op store jdbc r cpu _; do
      result "store: $(echo "$op" | sed 's/ *(.*//; s/^ *//; s/ *$//')" "$(echo $store)" "$(echo $jdbc) (plain JDBC)" "$(echo $r) (CPU $(echo $cpu))" "≤ 1.5×"
    done
else
  result "store" "FAILED (see above)" "" "" "≤ 1.5×"; tail -30 "$WORK/store.log"
fi

# --- Sync: batched status queries on the real test cluster against bare squeues and one squeue per job
FULL_SYNC=true; [ "${BENCHMARK_QUICK:-}" = 1 ] && FULL_SYNC=false
log "sync: SyncBenchmarkTest on the test cluster, $rounds rounds$([ "$FULL_SYNC" = true ] && echo " (and the prototype's squeue per job at 1,000 jobs: ~30 s)")"
sync_ok=""
for attempt in 1 2; do   # other test runs may stop the controller for a while (outage tests); then once more
  if [ "$(id -u)" = 0 ] && ! "$ROOT/tests/cluster/start.sh" >"$WORK/cluster.log" 2>&1; then
    log "the test cluster did not start (attempt $attempt):"; tail -5 "$WORK/cluster.log"; continue   # the other benchmarks still run
  fi
  if mvn_verify "$BUNDLES",tests/org.namdrunner.testing,tests/org.namdrunner.integration.tests -Dtest=SyncBenchmarkTest \
      -Dsurefire.failIfNoSpecifiedTests=false -Dnamdrunner.benchmark.rounds="$rounds" -Dnamdrunner.benchmark.full="$FULL_SYNC" >"$WORK/sync.log" 2>&1; then
    sync_ok=1; break
  fi
  log "sync benchmark failed (attempt $attempt):"; grep -E 'Tests run:|FAILURE!|Error:|SLURM said' "$WORK/sync.log" | cut -c1-300 | head -5 || true
done
if [ -n "$sync_ok" ]; then
  # rows: | jobs | remote commands | sync | bare squeue | same format squeue | squeue per job | sync / bare |
  grep -E '^\| [0-9]' "$ROOT/tests/org.namdrunner.integration.tests/target/benchmarks/sync.md" |
    while IFS='|' read -r _ n cmds sync bare same perjob r _; do
      n=$(echo $n); result "sync: $n active jobs, $(echo $cmds) remote command(s)" "$(echo $sync) ms" \
        "$(echo $bare) ms (bare squeue; our format $(echo $same) ms; squeue per job $(echo $perjob) ms)" "$(echo $r)" "≤ 1.3×, ≤ 2 commands"
    done
else
  result "sync" "FAILED (see above)" "" "" "≤ 1.3×"
fi

# --- Latency: a poll of 100 jobs through the twin's latency path (netns + veth, ~40 ms round trip, Lmod prefix)
#     against OpenSSH running the same squeue behind the same prefix, and against `ssh host true`
log "latency: LatencyPollBenchmarkTest through the twin's latency path, $rounds rounds"
if mvn_verify "$BUNDLES",tests/org.namdrunner.testing,tests/org.namdrunner.integration.tests -Dtest=LatencyPollBenchmarkTest \
    -Dsurefire.failIfNoSpecifiedTests=false -Dnamdrunner.benchmark.rounds="$rounds" >"$WORK/latency.log" 2>&1; then
  # rows: | what | ms | NAMDRunner poll / this |
  lat=$ROOT/tests/org.namdrunner.integration.tests/target/benchmarks/latency.md
  poll_ms=$(sed -n 's/^| NAMDRunner poll[^|]*| \([0-9]*\) |.*/\1/p' "$lat")
  grep -E '^\| `ssh' "$lat" | while IFS='|' read -r _ what ms r _; do
    result "latency: poll of 100 jobs (40 ms RTT, module prefix)" "$poll_ms ms" "$(echo $ms) ms ($(echo $what))" "$(echo $r)" "close to ssh true"
  done
else
  result "latency" "FAILED (see above)" "" "" ""; grep -E 'Tests run:|FAILURE!|AssertionFailed|ERROR' "$WORK/latency.log" | cut -c1-300 | head -5 || true
fi

# --- Log progress: a 200 MB, 10^6-step NAMD log on the twin (written by the stand-in as a SLURM job, ~10 s), read by
#     the app (head + tail; + the plots' samples; a refresh) against `tail -c 64k` of it over the same SSH session
log "log progress: LogProgressBenchmarkTest, a 200 MB log on the twin, $rounds rounds"
if mvn_verify "$BUNDLES",tests/org.namdrunner.testing,tests/org.namdrunner.integration.tests -Dtest=LogProgressBenchmarkTest \
    -Dsurefire.failIfNoSpecifiedTests=false -Dnamdrunner.benchmark.rounds="$rounds" >"$WORK/logprogress.log" 2>&1; then
  # rows: | what | ms | bytes read | ours / tail -c 64k |
  lp=$ROOT/tests/org.namdrunner.integration.tests/target/benchmarks/logprogress.md
  base_ms=$(grep -F '`tail -c 64k`' "$lp" | cut -d'|' -f3 | tr -d ' ')
  grep -E '^\| (progress|refresh)' "$lp" | while IFS='|' read -r _ what ms bytes r _; do
    case "$what" in *plots*) target="(none set)" ;; *) target="≤ 3×" ;; esac
    result "log of 200 MB: $(echo $what) (median of $rounds)" "$(echo $ms) ms, $(echo $bytes) bytes" "$base_ms ms (tail -c 64k, same session)" \
      "$(echo $r)" "$target"
  done
else
  result "log progress" "FAILED (see above)" "" "" "≤ 3×"; grep -E 'Tests run:|FAILURE!|AssertionFailed|ERROR' "$WORK/logprogress.log" | cut -c1-300 | head -5 || true
fi

# --- An X display for the workbench benchmarks
if [ -z "${DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null || die "no DISPLAY and no Xvfb: the start-up, heap and Jobs view benchmarks need an X display"
  for d in 98 99 100 101; do
    [ -e "/tmp/.X11-unix/X$d" ] && continue
    Xvfb ":$d" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!; export DISPLAY=":$d"; sleep 2; break
  done
  [ -n "$XVFB_PID" ] || die "no free display for Xvfb"
  log "started Xvfb on $DISPLAY"
fi

# --- Jobs view: fill, reload and refresh of the virtual table with 10,000 jobs against a plain SWT table
log "Jobs view: JobsTablePerformanceTest (10,000 jobs)"
if mvn_verify "$FEATURE_MODULES",tests/org.namdrunner.testing,tests/org.namdrunner.ui.tests \
    -Dtest=JobsTablePerformanceTest -Dsurefire.failIfNoSpecifiedTests=false >"$WORK/table.log" 2>&1; then
  line=$(grep -o 'namdrunner.table.10k.vsPlainSwt:.*' "$WORK/table.log" | head -1)
  for m in fill reload refresh; do
    pair=$(echo "$line" | grep -o " $m=[0-9.]*/[0-9.]*" | cut -d= -f2)
    ours=${pair%/*}; plain=${pair#*/}
    result "Jobs view: $m 10,000 jobs (median of 5)" "$ours ms" "$plain ms (plain virtual SWT Table)" "$(ratio "$ours" "$plain")" "(none set)"
  done
else
  result "Jobs view" "FAILED (see above)" "" "" ""; grep -E 'Tests run|FAIL|ERROR\]' "$WORK/table.log" | cut -c1-300 | tail -20
fi

# --- Start-up: NAMDRunner against a bare RCP product from the same target platform, launched the same way
PRODUCT_BASE="$ROOT/releng/org.namdrunner.baseline.product/target/products/org.namdrunner.baseline.product/linux/gtk/$(host_arch)/baseline"
built_marker="$PRODUCT_DIR/configuration/config.ini"
if [ ! -f "$built_marker" ]; then
  log "building the NAMDRunner product (about 3 minutes)"
  "$MVNW" -B -q ${MVN_ARGS:-} -f "$ROOT/pom.xml" -DskipTests verify >"$WORK/product.log" 2>&1 || { tail -30 "$WORK/product.log"; die "the product did not build"; }
elif [ -n "$(find "$ROOT/bundles" "$ROOT/features" -newer "$built_marker" -type f -not -path '*/target/*' -print -quit 2>/dev/null)" ]; then
  log "note: sources changed since the product was built ($(date -r "$built_marker" '+%F %T')); measuring that build (./launch.sh rebuilds it)"
fi
log "building the bare RCP baseline product (-Pbenchmarks)"
mvn_verify releng/org.namdrunner.baseline,releng/org.namdrunner.baseline.feature,releng/org.namdrunner.baseline.product -q -Pbenchmarks \
  >"$WORK/baseline.log" 2>&1 || { tail -30 "$WORK/baseline.log"; die "the baseline product did not build"; }

# launch <product dir> <run dir> <line to wait for> [-D...]: starts the product with a fresh configuration, workspace
# and home, the same JVM and arguments for both products, and waits (at most 3 minutes) for the line on stdout.
# Leaves the JVM running; its pid is in <run dir>/pid.
launch() {
  local product=$1 run=$2 wait_for=$3
  shift 3
  mkdir -p "$run/home"
  cp -r "$product/configuration" "$run/configuration"
  # the JVM options the product ships with (its eclipse.ini after -vmargs), so what is measured is what people run
  local vmargs
  vmargs=$(sed -n '/^-vmargs$/,$p' "$product/eclipse.ini" | tail -n +2 | tr '\n' ' ')
  # shellcheck disable=SC2086
  "$JAVA" $vmargs -Duser.home="$run/home" -Dnamdrunner.startupTiming=1 "$@" \
    -jar "$product"/plugins/org.eclipse.equinox.launcher_*.jar -install "$product" -configuration "$run/configuration" \
    -data "$run/workspace" >"$run/out.txt" 2>"$run/err.txt" &
  echo $! >"$run/pid"
  local i
  for i in $(seq 1800); do
    if grep -q "$wait_for" "$run/out.txt" 2>/dev/null; then
      cpu_ms "$(cat "$run/pid")" >"$run/cpu" 2>/dev/null || true
      return 0
    fi
    kill -0 "$(cat "$run/pid")" 2>/dev/null || break
    sleep 0.1
  done
  log "no '$wait_for' from $product (see $run/err.txt):"; tail -5 "$run/err.txt" >&2
  return 1
}
# CPU time (user + system, all threads) the process has used so far, in ms: steadier than wall time on a busy machine
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$1/stat"; }
stop() { local pid; pid=$(cat "$1/pid"); kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
first_paint() { grep -o 'firstPaintMillis=[0-9]*' "$1/out.txt" | head -1 | cut -d= -f2; }

log "start-up: $rounds rounds, alternating NAMDRunner (empty database) and the bare RCP product"
: >"$WORK/startup-ours"; : >"$WORK/startup-base"; : >"$WORK/startup-ours-cpu"; : >"$WORK/startup-base-cpu"
for r in $(seq "$rounds"); do
  for side in a b; do
    if { [ "$side" = a ] && [ $((r % 2)) = 1 ]; } || { [ "$side" = b ] && [ $((r % 2)) = 0 ]; }; then
      run="$WORK/start-ours-$r"
      launch "$PRODUCT_DIR" "$run" firstPaintMillis= -Dnamdrunner.db="$run/home/namdrunner.db" &&
        { first_paint "$run" >>"$WORK/startup-ours"; cat "$run/cpu" >>"$WORK/startup-ours-cpu"; }
    else
      run="$WORK/start-base-$r"
      launch "$PRODUCT_BASE" "$run" firstPaintMillis= -Dnamdrunner.db="$run/home/namdrunner.db" &&
        { first_paint "$run" >>"$WORK/startup-base"; cat "$run/cpu" >>"$WORK/startup-base-cpu"; }
    fi
    stop "$run"
  done
done
ours=$(median <"$WORK/startup-ours"); base=$(median <"$WORK/startup-base")
log "start-up samples (ms): NAMDRunner $(tr '\n' ' ' <"$WORK/startup-ours")| bare RCP $(tr '\n' ' ' <"$WORK/startup-base")"
result "start-up to the painted first view (median of $rounds)" "${ours:-n/a} ms" "${base:-n/a} ms (bare RCP product)" "$(ratio "${ours:-0}" "${base:-0}")" "≤ 1.3×"
ours=$(median <"$WORK/startup-ours-cpu"); base=$(median <"$WORK/startup-base-cpu")
log "start-up CPU samples (ms): NAMDRunner $(tr '\n' ' ' <"$WORK/startup-ours-cpu")| bare RCP $(tr '\n' ' ' <"$WORK/startup-base-cpu")"
result "start-up: CPU time of the JVM to the first paint (median of $rounds)" "${ours:-n/a} ms" "${base:-n/a} ms (bare RCP product)" "$(ratio "${ours:-0}" "${base:-0}")" "(≤ 1.3×, steadier)"

# --- Heap: the product on a database of 10,000 jobs, once the Jobs view shows them, after a full GC
heap_used_mb() {  # heap in use after a full GC, in MB, of the JVM with pid $1 (jcmd GC.run, then GC.heap_info)
  "$JAVA_HOME/bin/jcmd" "$1" GC.run >/dev/null
  "$JAVA_HOME/bin/jcmd" "$1" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | awk '{ printf "%.0f", $2 / 1024 }'
}
log "heap: writing 10,000 jobs with the store API (scripts/GenerateJobs.java)"
db="$WORK/heap/namdrunner.db"
mkdir -p "$WORK/heap"
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$(ls "$PRODUCT_DIR"/plugins/*.jar | tr '\n' ':')" "$ROOT/scripts/GenerateJobs.java" "$db" 10000 >/dev/null
run="$WORK/heap-ours"
if launch "$PRODUCT_DIR" "$run" 'jobsShownMillis=' -Dnamdrunner.db="$db"; then
  sleep 2   # let the table paint
  shown=$(grep -o 'jobs=[0-9]*' "$run/out.txt" | head -1 | cut -d= -f2)
  ours=$(heap_used_mb "$(cat "$run/pid")")
else
  shown=0; ours=""
fi
stop "$run"
run="$WORK/heap-base"
launch "$PRODUCT_BASE" "$run" firstPaintMillis= -Dnamdrunner.db="$run/home/namdrunner.db" && { sleep 2; base=$(heap_used_mb "$(cat "$run/pid")"); } || base=""
stop "$run"
result "heap after full GC, Jobs view showing ${shown:-0} jobs" "${ours:-n/a} MB" "${base:-n/a} MB (bare RCP product, empty view)" \
  "$(ratio "${ours:-0}" "${base:-0}")" "≤ 150 MB"

# --- Scale: the Jobs view on 100,000 jobs against the same product's empty start-up, alternating rounds
#     (docs/benchmarks.md, "Scale"): time to the Jobs view showing the jobs, and the resident memory then
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
scale_rounds=$(( rounds < 3 ? rounds : 3 ))
log "scale: writing 100,000 jobs with the store API (scripts/GenerateJobs.java)"
scale_db="$WORK/scale/namdrunner.db"
mkdir -p "$WORK/scale"
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$(ls "$PRODUCT_DIR"/plugins/*.jar | tr '\n' ':')" "$ROOT/scripts/GenerateJobs.java" "$scale_db" 100000 >/dev/null
log "scale: $scale_rounds rounds, alternating the empty database and 100,000 jobs"
: >"$WORK/scale-empty"; : >"$WORK/scale-full"; : >"$WORK/scale-empty-rss"; : >"$WORK/scale-full-rss"
shown_ms() { grep -o 'jobsShownMillis=[0-9]*' "$1/out.txt" | head -1 | cut -d= -f2; }
for r in $(seq "$scale_rounds"); do
  for side in empty full; do
    [ $((r % 2)) = 0 ] && side=$([ "$side" = empty ] && echo full || echo empty)
    run="$WORK/scale-$side-$r"
    db="$run/home/namdrunner.db"; [ "$side" = full ] && db="$scale_db"
    if launch "$PRODUCT_DIR" "$run" 'jobsShownMillis=' -Dnamdrunner.db="$db"; then
      sleep 2   # let the table paint
      shown_ms "$run" >>"$WORK/scale-$side"; rss_mb "$(cat "$run/pid")" >>"$WORK/scale-$side-rss"
    fi
    stop "$run"
  done
done
ours=$(median <"$WORK/scale-full"); base=$(median <"$WORK/scale-empty")
log "scale samples (ms): 100,000 jobs $(tr '\n' ' ' <"$WORK/scale-full")| empty $(tr '\n' ' ' <"$WORK/scale-empty")"
result "Jobs view showing 100,000 jobs, from launch (median of $scale_rounds)" "${ours:-n/a} ms" "${base:-n/a} ms (same product, empty database)" \
  "$(ratio "${ours:-0}" "${base:-0}")" "≤ 1.3×"
ours=$(median <"$WORK/scale-full-rss"); base=$(median <"$WORK/scale-empty-rss")
result "resident memory, Jobs view showing 100,000 jobs (median of $scale_rounds)" "${ours:-n/a} MB" "${base:-n/a} MB (empty database)" \
  "$(ratio "${ours:-0}" "${base:-0}")" "< 400 MB"

# --- The table
echo
echo "## Results ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), Java $(java_major "$JAVA"))"
echo
echo "| metric | ours | baseline (same run) | ratio | target |"
echo "| --- | ---: | ---: | ---: | --- |"
while IFS="$SEP" read -r metric o b r t; do
  echo "| $metric | $o | $b | $r | $t |"
done <"$RESULTS"
if grep -qE "(^|$SEP)(FAILED|n/a)" "$RESULTS"; then
  log "ERROR: some benchmarks did not run (FAILED or n/a above)" >&2
  exit 1
fi
