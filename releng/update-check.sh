#!/usr/bin/env bash
# Proves the in-place update: a NAMDRunner of version N, with a plug-in installed into it from our site and a jobs
# database of its user, updates itself to N+1 from N+1's update site and then starts as N+1, the plug-in and the
# data still there. The update runs inside the product with the p2 operations API that Help > Check for Updates
# uses (the headless application org.namdrunner.update.headless), on the product's own p2 profile.
#
#  N    the Linux x86_64 archive and the p2 site of this build (./mvnw verify)
#  N+1  the same sources built again in a copy with a later qualifier (-DforceContextQualifier), so this build's
#       outputs stay as they are; its product repository (with the product IU) is the N+1 update site
#
# Needs a finished build (the product, the update site, the example feature) and ~/.m2 filled by it (runs offline).
# DISPLAY: when set, the updated product is also started to the painted Jobs view. Usage: releng/update-check.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/common.sh"
find_jdk21
started=$(date +%s)
ARCHIVE=$(ls "$ROOT"/releng/org.namdrunner.product/target/products/namdrunner-*-linux.gtk.x86_64.tar.gz 2>/dev/null | head -1)
SITE=$ROOT/releng/org.namdrunner.repository/target/repository
EXAMPLE=org.namdrunner.examples.batchscript
fail() { echo "update-check: FAILED: $*" >&2; exit 1; }
[ -n "$ARCHIVE" ] || fail "no product archive; build releng/org.namdrunner.product first (./mvnw verify)"
[ -f "$SITE/content.jar" ] || [ -f "$SITE/content.xml.xz" ] || fail "no update site at $SITE; build releng/org.namdrunner.repository first"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/namdrunner-update.XXXXXX")
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$WORK"' EXIT
APP=$WORK/namdrunner
HOME_DIR=$WORK/home
mkdir -p "$HOME_DIR"
tar xzf "$ARCHIVE" -C "$WORK"
INFO=$APP/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info
app() { HOME="$HOME_DIR" "$APP/namdrunner" -Duser.home="$HOME_DIR" "$@"; }   # Java takes user.home from the password file, not HOME
installed() { app -application org.namdrunner.update.headless -version | sed -n 's/^installed: org.namdrunner.product \([^ ]*\) .*/\1/p'; }

# the person's data, a jobs database written with the store API; first, as the product opens it on every start
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$(ls "$APP"/plugins/*.jar | tr '\n' ':')" \
    "$ROOT/scripts/GenerateJobs.java" "$HOME_DIR/.namdrunner/namdrunner.db" 50 >/dev/null
N=$(installed)
[ -n "$N" ] || fail "the unpacked product does not report its version (headless application)"
echo "update-check: N = $N ($(basename "$ARCHIVE"))"

# a plug-in from our site, installed the documented way (p2 director, NAMDRunner closed)
(cd "$ROOT" && ./mvnw -B -q -o -N org.eclipse.tycho:tycho-p2-director-plugin:5.0.2:director \
    -Ddestination="$APP" -Dprofile=DefaultProfile -Drepositories="file:$SITE" -DinstallIUs=org.namdrunner.examples.feature.feature.group)
grep -q "^$EXAMPLE," "$INFO" || fail "the example plug-in did not install into N"

# N+1: the same sources with a later qualifier, built in a copy (no tests; offline, from the ~/.m2 this build filled)
qualifier=$(date -u +%Y%m%d%H%M%S)   # longer than N's yyyyMMddHHmm with the same or a later prefix: compares as later
mkdir -p "$WORK/src"
(cd "$ROOT" && tar cf - --exclude=./.git --exclude='*/target' --exclude=./target .) | tar xf - -C "$WORK/src"
# every bundle the product carries is a bundles/ module of the parent pom: build them all, so a new one is never left out
product_bundles=$(grep -o '<module>bundles/[^<]*</module>' "$ROOT/pom.xml" | sed 's|</*module>||g' | paste -sd, -)
log "update-check: building N+1 (qualifier $qualifier) in a copy of the sources"
(cd "$WORK/src" && ./mvnw -B -q -o verify -DskipTests -Dexec.skip=true -DforceContextQualifier="$qualifier" \
    -pl "releng/org.namdrunner.target,$product_bundles,features/org.namdrunner.feature,releng/org.namdrunner.product" \
    >"$WORK/n1-build.log" 2>&1) || { tail -30 "$WORK/n1-build.log"; fail "N+1 did not build"; }
N1_SITE=$WORK/src/releng/org.namdrunner.product/target/repository
built=$(date +%s)

db_sum=$(sha256sum <"$HOME_DIR/.namdrunner/namdrunner.db")
# a site that cannot be read is an error with the reason, never "up to date"
if bad=$(app -application org.namdrunner.update.headless -repository "file:$WORK/no-such-site" 2>&1); then
  fail "an unreadable site was not reported as an error: $bad"
fi
echo "$bad" | grep -q 'cannot read the update site' || fail "an unreadable site gave no reason: $bad"
update_started=$(date +%s)
app -application org.namdrunner.update.headless -repository "file:$N1_SITE" | tee "$WORK/update.txt"
grep -q '^updated:' "$WORK/update.txt" || fail "N did not update itself from N+1's site"
update_seconds=$(( $(date +%s) - update_started ))

N1=$(installed)
echo "update-check: after the update: $N1"
case "$N1" in *."$qualifier") ;; *) fail "the product reports $N1 after the update, not the N+1 build (qualifier $qualifier)" ;; esac
grep -q "^org.namdrunner.core,[^,]*\.$qualifier," "$INFO" || fail "bundles.info does not start N+1's org.namdrunner.core"
grep -q "^$EXAMPLE," "$INFO" || fail "the plug-in installed into N is gone after the update"
[ "$(sha256sum <"$HOME_DIR/.namdrunner/namdrunner.db")" = "$db_sum" ] || fail "the jobs database changed during the update"
again=$(app -application org.namdrunner.update.headless -repository "file:$N1_SITE")
echo "$again" | grep -q '^up to date:' || fail "a second check still finds an update: $again"

if [ -n "${DISPLAY:-}" ]; then
  (HOME="$HOME_DIR" exec "$APP/namdrunner" -Duser.home="$HOME_DIR" -Dnamdrunner.startupTiming=1 >"$WORK/out.txt" 2>"$WORK/err.txt") &
  pid=$!
  for _ in $(seq 1800); do
    grep -q 'jobsShownMillis=' "$WORK/out.txt" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || { tail -20 "$WORK/err.txt" >&2; fail "N+1 exited before showing its Jobs view"; }
    sleep 0.1
  done
  grep -q 'jobsShownMillis=' "$WORK/out.txt" || fail "N+1 did not show its Jobs view in 3 minutes"
  shown=$(grep -o 'jobs=[0-9]*' "$WORK/out.txt" | head -1)
  [ "$shown" = "jobs=50" ] || fail "N+1 shows $shown, not the 50 jobs of the database written under N"
  echo "update-check: N+1 started and shows the 50 jobs written under N"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
fi
echo "update-check: OK: $N -> $N1 in place, $EXAMPLE kept, data untouched; N+1 build $(( built - started )) s, update $update_seconds s, all $(( $(date +%s) - started )) s"
