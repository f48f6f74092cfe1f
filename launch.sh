#!/usr/bin/env bash
# Builds the NAMDRunner product if it is missing or older than the sources, then starts the workbench.
# Data (jobs database, settings) goes to ~/.namdrunner. Arguments are passed to the workbench.
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"
find_jdk21
log "using JDK at $JAVA_HOME ($(java_major "$JAVA_HOME/bin/java"))"

launcher="$PRODUCT_DIR/namdrunner"
built_marker="$PRODUCT_DIR/configuration/config.ini"   # written when the product is materialized
newer_sources=""
if [ -x "$launcher" ] && [ -f "$built_marker" ]; then
  newer_sources=$(find "$ROOT/bundles" "$ROOT/features" "$ROOT/releng" -newer "$built_marker" -type f \
      -not -path '*/target/*' -print -quit 2>/dev/null || true)
fi
if [ ! -f "$built_marker" ] || [ -n "$newer_sources" ]; then
  log "building the product: about 3 minutes the first time (Maven downloads the platform), under a minute after; tests are run by ./test.sh"
  "$MVNW" -B -q -f "$ROOT/pom.xml" -DskipTests verify
fi
[ -x "$launcher" ] || die "the build finished but $launcher is missing"
log "starting $launcher"
exec "$launcher" "$@"
