#!/usr/bin/env bash
# Runs every test: builds all bundles, runs the headless and workbench tests (under Xvfb when there is no
# display) against the local SLURM + SSH test cluster, and produces the product archives and update site.
# On Debian as root it installs what it needs (Xvfb; the cluster script installs SLURM, MariaDB, sshd).
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"
started=$(date +%s)
# CI shows a part of standard output: a failed step says so there, with its line
trap 'echo "test.sh: the step at line $LINENO failed (exit $?) after $(( $(date +%s) - started )) s"' ERR

find_jdk21
log "using JDK at $JAVA_HOME ($(java_major "$JAVA_HOME/bin/java"))"

need_pkgs=()
command -v Xvfb >/dev/null || need_pkgs+=(xvfb xauth)
# SWT on Linux draws with GTK 3; the workbench tests need it and a font
ldconfig -p 2>/dev/null | grep -q 'libgtk-3.so.0' || need_pkgs+=(libgtk-3-0)
[ -d /usr/share/fonts/truetype/dejavu ] || need_pkgs+=(fonts-dejavu-core)
# secure storage's keyring test needs a Secret Service: gnome-keyring on a private D-Bus session, secret-tool to look
command -v dbus-run-session >/dev/null || need_pkgs+=(dbus)
command -v gnome-keyring-daemon >/dev/null || need_pkgs+=(gnome-keyring)
command -v secret-tool >/dev/null || need_pkgs+=(libsecret-tools)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || die "please install: ${need_pkgs[*]}"
  log "installing ${need_pkgs[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
fi

if [ -z "${DISPLAY:-}" ]; then
  display=:97
  Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/tmp/namdrunner-xvfb.log 2>&1 &
  xvfb_pid=$!
  trap 'kill $xvfb_pid 2>/dev/null || true' EXIT
  export DISPLAY=$display
  for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
  log "Xvfb on $DISPLAY"
fi

if [ -x "$ROOT/tests/cluster/start.sh" ]; then
  log "starting the SLURM + SSH test cluster"
  "$ROOT/tests/cluster/start.sh"
fi

# the build runs on its own D-Bus session with gnome-keyring unlocked by a throw-away password, its keyring in a
# throw-away folder (the person's own keyring is never touched); the session ends with the build
keyring_home=$(mktemp -d /tmp/namdrunner-keyring.XXXXXX)
log "Secret Service: gnome-keyring on a private D-Bus session, keyring in $keyring_home"
dbus-run-session -- sh -c 'eval "$(printf %s namdrunner-test | HOME="$0" gnome-keyring-daemon --unlock --components=secrets)" &&
  export GNOME_KEYRING_CONTROL && eval "$(HOME="$0" gnome-keyring-daemon --start --components=secrets)" &&
  printf probe | timeout 20 secret-tool store --label "namdrunner test probe" namdrunner-probe 1 && secret-tool clear namdrunner-probe 1 &&
  shift && exec "$@"' \
  "$keyring_home" -- "$MVNW" -B -f "$ROOT/pom.xml" verify "$@"
# the p2 route for plug-ins: install the example feature from the built site into the built product, and remove it
"$ROOT/examples/p2-install-check.sh"
# the desktop downloads: macOS application bundles (layout, Info.plist), the Linux archive with its own Java (started)
"$ROOT/releng/archives-check.sh"
# the in-place update: the built product (N) updates itself to a rebuild with a later qualifier (N+1) and starts as it
"$ROOT/releng/update-check.sh"
# the README's benchmark command works on this checkout as it is after the build (nothing installed into ~/.m2):
# one short round, without the slowest baseline; it fails when a benchmark could not run, never on a time
log "benchmark.sh, one short round"
BENCHMARK_QUICK=1 "$ROOT/benchmark.sh" 1
# the built product under other HOME, NAMDRUNNER_HOME, -D options and a preference: where its files appear
"$ROOT/releng/org.namdrunner.product/data-locations-check.sh"
log "all tests passed in $(( $(date +%s) - started )) s"
