#!/usr/bin/env bash
# Runs the benchmarks and prints their tables side by side with their baselines (docs/benchmarks.md explains
# them). Nothing here asserts a time; the numbers are for reading. Usage: ./benchmark.sh [rounds]  (default 7)
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"

find_jdk21
rounds=${1:-7}
log "using JDK at $JAVA_HOME ($(java_major "$JAVA_HOME/bin/java")), $rounds measured rounds, $(nproc) cores"

# Store: the SQLite job store against plain JDBC doing the same SQL (tests/org.namdrunner.persistence.tests)
"$MVNW" -B -q -f "$ROOT/pom.xml" verify \
  -pl bundles/org.namdrunner.core,bundles/org.namdrunner.persistence,tests/org.namdrunner.persistence.tests \
  -Dtest=StoreBenchmarkTest -Dnamdrunner.benchmark.rounds="$rounds"
echo
echo "## Store"
cat "$ROOT/tests/org.namdrunner.persistence.tests/target/benchmarks/store.md"

# Sync: batched status queries on the real test cluster against a bare squeue and one squeue per job
"$ROOT/tests/cluster/start.sh" >/dev/null
"$MVNW" -B -q -f "$ROOT/pom.xml" verify \
  -pl bundles/org.namdrunner.core,bundles/org.namdrunner.persistence,bundles/org.namdrunner.slurm,bundles/org.namdrunner.ssh,bundles/org.namdrunner.namd,tests/org.namdrunner.testing,tests/org.namdrunner.integration.tests \
  -Dtest=SyncBenchmarkTest | sed -n '/^Sync benchmark/,/^$/p'
