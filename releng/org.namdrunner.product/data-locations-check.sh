#!/usr/bin/env bash
# Starts the built product (Linux x86_64 archive, unpacked into a temporary folder) the way a person would, with
# its own start script, under different HOME, NAMDRUNNER_HOME, -D options and a database preference, and checks
# where the jobs database and the workspace (with its .metadata) appear, and where the product says known_hosts
# and the Error Log are (-Dnamdrunner.printDataLocations=true). The rule is docs/data-locations.md.
#
# Needs: an X display (DISPLAY; ./test.sh provides one) and the product archive (./mvnw verify).
# Usage: releng/org.namdrunner.product/data-locations-check.sh [archive]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ARCHIVE=${1:-$(ls "$ROOT"/releng/org.namdrunner.product/target/products/namdrunner-*-linux.gtk.x86_64.tar.gz 2>/dev/null | head -1)}

# on standard output too: CI shows a part of standard output only, and a failure there must say what failed
fail() { echo "data-locations-check: FAILED: $*" | tee /dev/stderr; exit 1; }
[ -n "$ARCHIVE" ] && [ -f "$ARCHIVE" ] || fail "no product archive; build releng/org.namdrunner.product first (./mvnw verify)"
[ -n "${DISPLAY:-}" ] || fail "no DISPLAY; run under Xvfb (./test.sh starts one)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/namdrunner-datacheck.XXXXXX")
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
tar xzf "$ARCHIVE" -C "$WORK"
START=$WORK/namdrunner/namdrunner
# the account's own home (what Java takes without the start script): the product must not open files there
ACCOUNT_HOME=$(getent passwd "$(id -u)" | cut -d: -f6)

# run <name> <expected db> <expected workspace> <expected known_hosts> [env and args...]: starts the product,
# waits until the database and the workspace's .metadata exist, checks the printed places, stops it
run() {
  local name=$1 db=$2 ws=$3 kh=$4; shift 4
  local envs=() args=()
  for a in "$@"; do case "$a" in *=*) [[ "$a" == -* ]] && args+=("$a") || envs+=("$a") ;; *) args+=("$a") ;; esac; done
  local out=$WORK/$name.out
  # NO_AT_BRIDGE: no accessibility bus that would outlive the killed workbench
  env NO_AT_BRIDGE=1 "${envs[@]}" "$START" -Dnamdrunner.printDataLocations=true "${args[@]}" >"$out" 2>&1 &
  pid=$!
  local waited=0
  until [ -f "$db" ] && [ -d "$ws/.metadata" ]; do
    kill -0 "$pid" 2>/dev/null || fail "$name: the product stopped before creating $db and $ws/.metadata:
$(tail -20 "$out")"
    [ $waited -lt 1200 ] || fail "$name: after 120 s there is no $db or no $ws/.metadata; the product said:
$(grep 'data location' "$out")"
    sleep 0.1; waited=$((waited + 1))
  done
  # the start script execs java, so $pid is the workbench: it has this database open, and nothing in the account's home.
  # The file can exist a moment before the store holds it open (a loaded machine), so its descriptor is waited for.
  local open_files="" tries=0
  until open_files=$(ls -l /proc/"$pid"/fd 2>/dev/null | sed 's/.* -> //') && grep -qxF "$db" <<<"$open_files"; do
    kill -0 "$pid" 2>/dev/null || fail "$name: the product stopped after creating $db:
$(tail -20 "$out")"
    [ $tries -lt 300 ] || fail "$name: 30 s after $db appeared the workbench does not have it open:
$open_files
the product said:
$(tail -20 "$out")"
    sleep 0.1; tries=$((tries + 1))
  done
  if grep -q "^$ACCOUNT_HOME/\.namdrunner/" <<<"$open_files"; then fail "$name: the workbench opened files in $ACCOUNT_HOME/.namdrunner:
$(grep "^$ACCOUNT_HOME/" <<<"$open_files")"; fi
  grep -qxF "namdrunner data location: Known hosts = $kh ($(kh_source "$kh" "$@"))" "$out" \
    || fail "$name: known_hosts is not $kh:
$(grep 'data location' "$out")
the product said:
$(tail -20 "$out")"
  grep -qF "namdrunner data location: Error Log = $ws/.metadata/.log " "$out" \
    || fail "$name: the Error Log is not in $ws/.metadata:
$(grep 'data location' "$out")"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  echo "data-locations-check: $name: database $db, workspace $ws, known_hosts $kh"
}
kh_source() { case " ${*:2} " in *" -Dnamdrunner.knownHosts="*) echo "-Dnamdrunner.knownHosts" ;; *) echo "default: <home>/.ssh/known_hosts" ;; esac; }

H1=$WORK/home-one
run "HOME" "$H1/.namdrunner/namdrunner.db" "$H1/.namdrunner/workspace" "$H1/.ssh/known_hosts" "HOME=$H1"

H2=$WORK/home-two; NR=$WORK/nr-home
run "NAMDRUNNER_HOME" "$NR/namdrunner.db" "$NR/workspace" "$H2/.ssh/known_hosts" "HOME=$H2" "NAMDRUNNER_HOME=$NR"

H3=$WORK/home-three; DH=$WORK/d-home; UNUSED=$WORK/nr-home-not-used
run "-D options" "$WORK/elsewhere/jobs.db" "$DH/workspace" "$WORK/kh/known_hosts" "HOME=$H3" "NAMDRUNNER_HOME=$UNUSED" \
  "-Dnamdrunner.home=$DH" "-Dnamdrunner.db=$WORK/elsewhere/jobs.db" "-Dnamdrunner.knownHosts=$WORK/kh/known_hosts"
[ ! -e "$UNUSED" ] || fail "-D options: NAMDRUNNER_HOME was used although -Dnamdrunner.home was given"
[ ! -e "$DH/namdrunner.db" ] || fail "-D options: a database appeared in the data folder although -Dnamdrunner.db names another"

H4=$WORK/home-four
mkdir -p "$H4/.namdrunner/workspace/.metadata/.plugins/org.eclipse.core.runtime/.settings"
printf 'databasePath=%s\n' "$WORK/from-preference.db" \
  > "$H4/.namdrunner/workspace/.metadata/.plugins/org.eclipse.core.runtime/.settings/org.namdrunner.persistence.prefs"
run "preference" "$WORK/from-preference.db" "$H4/.namdrunner/workspace" "$H4/.ssh/known_hosts" "HOME=$H4"
[ ! -e "$H4/.namdrunner/namdrunner.db" ] || fail "preference: a database appeared in the data folder although the preference names another"

echo "data-locations-check: passed (4 starts)"
