#!/usr/bin/env bash
# Checks the desktop downloads made by releng/org.namdrunner.product (package-desktop.sh):
#  - each macOS archive holds exactly NAMDRunner.app, whose Info.plist parses and names what is there
#    (scripts/CheckMacApp.java); built here, not run (no macOS);
#  - the Linux x86_64 archive with Java starts with no Java on the PATH, no JAVA_HOME and no /usr/lib/jvm in reach of
#    its start script: the headless update application reports the bundled runtime, and the workbench paints its
#    first view (under DISPLAY) on it;
#  - the Windows archive's namdrunner.cmd is a CRLF batch file that looks for Java 21+ and names where to get one
#    (built, not run).
# Usage: releng/archives-check.sh [products folder]. Needs DISPLAY for the workbench start.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/common.sh"
find_jdk21
PRODUCTS=${1:-$ROOT/releng/org.namdrunner.product/target/products}
fail() { echo "archives-check: FAILED: $*" >&2; exit 1; }
linux=$(ls "$PRODUCTS"/namdrunner-*-linux.gtk.x86_64.tar.gz 2>/dev/null | head -1)
[ -n "$linux" ] || fail "no Linux archive in $PRODUCTS; build releng/org.namdrunner.product first"
VERSION=$(basename "$linux" | sed 's/^namdrunner-//; s/-linux.gtk.x86_64.tar.gz$//')
WORK=$(mktemp -d "${TMPDIR:-/tmp}/namdrunner-archives.XXXXXX")
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$WORK"' EXIT

for arch in x86_64 aarch64; do
  archive="$PRODUCTS/namdrunner-$VERSION-macosx.cocoa.$arch.tar.gz"
  [ -f "$archive" ] || fail "no $archive"
  top=$(tar tzf "$archive" | cut -d/ -f1 | sort -u | tr '\n' ' ')
  [ "$top" = "NAMDRunner.app " ] || fail "$archive holds '$top' at the top, not just NAMDRunner.app"
  mkdir -p "$WORK/mac-$arch" && tar xzf "$archive" -C "$WORK/mac-$arch"
  "$JAVA_HOME/bin/java" "$ROOT/releng/scripts/CheckMacApp.java" "$WORK/mac-$arch/NAMDRunner.app" "${VERSION%-SNAPSHOT}" || fail "$archive"
  swt=$(ls "$WORK/mac-$arch/NAMDRunner.app/Contents/Eclipse/plugins" | grep -c "^org.eclipse.swt.cocoa.macosx.$arch" || true)
  [ "$swt" -ge 1 ] || fail "$archive has no SWT cocoa $arch fragment"
done

win="$PRODUCTS/namdrunner-$VERSION-win32.win32.x86_64.zip"
[ -f "$win" ] || fail "no $win"
cmd=$(unzip -p "$win" namdrunner/namdrunner.cmd) || fail "$win has no namdrunner/namdrunner.cmd"
printf '%s' "$cmd" | head -1 | grep -q $'\r$' || fail "namdrunner.cmd has no CRLF line ends (cmd.exe needs them)"
printf '%s' "$cmd" | grep -q 'GEQ 21' || fail "namdrunner.cmd does not check for Java 21+"
printf '%s' "$cmd" | grep -q 'https://adoptium.net/' || fail "namdrunner.cmd does not say where to get a JDK"
echo "archives-check: $win: namdrunner.cmd looks for Java 21+ and names https://adoptium.net/ (not run here)"

bundled="$PRODUCTS/namdrunner-$VERSION-linux.gtk.x86_64-with-java.tar.gz"
[ -f "$bundled" ] || fail "no $bundled"
mkdir -p "$WORK/linux" "$WORK/home" && tar xzf "$bundled" -C "$WORK/linux"
app="$WORK/linux/namdrunner"
[ -x "$app/jre/bin/java" ] || fail "$bundled has no jre/bin/java"
grep -qx -- '-vm' "$app/namdrunner.ini" || fail "$bundled: namdrunner.ini has no -vm line"
# no java reachable: PATH without one, no JAVA_HOME; the script's /usr/lib/jvm fallback must not be what runs
run() { env -i NO_AT_BRIDGE=1 HOME="$WORK/home" PATH=/usr/bin:/bin DISPLAY="${DISPLAY:-}" "$app/namdrunner" -Duser.home="$WORK/home" "$@"; }
out=$(run -application org.namdrunner.update.headless -version 2>&1) || fail "the headless start failed: $out"
echo "$out" | grep -q "^runtime: .* in $app/jre$" || fail "it did not run on the bundled jre/: $out"
echo "archives-check: $(basename "$bundled"): $(echo "$out" | grep '^runtime:')"
if [ -n "${DISPLAY:-}" ]; then
  (exec env -i NO_AT_BRIDGE=1 HOME="$WORK/home" PATH=/usr/bin:/bin DISPLAY="$DISPLAY" "$app/namdrunner" -Duser.home="$WORK/home" \
      -Dnamdrunner.startupTiming=1 >"$WORK/out.txt" 2>"$WORK/err.txt") &   # exec: $! is the JVM, so kill stops it
  pid=$!
  for _ in $(seq 1800); do
    grep -q 'firstPaintMillis=' "$WORK/out.txt" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$WORK/err.txt" "$WORK/out.txt" >&2; find "$WORK/home" -name .log -exec tail -n 40 {} + >&2; fail "the workbench on the bundled jre/ exited before painting"; }
    sleep 0.1
  done
  grep -q 'firstPaintMillis=' "$WORK/out.txt" || fail "the workbench on the bundled jre/ did not paint in 3 minutes"
  echo "archives-check: the workbench painted on the bundled jre/ ($(grep -o 'firstPaintMillis=[0-9]*' "$WORK/out.txt" | head -1))"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
fi
echo "archives-check: OK ($(du -h "$bundled" | cut -f1) with Java, $(du -h "$linux" | cut -f1) without)"
