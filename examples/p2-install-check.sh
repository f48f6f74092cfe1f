#!/usr/bin/env bash
# Proves the p2 route for plug-ins: unpacks the Linux x86_64 product archive into a temporary folder, installs
# the example feature from the built p2 site into it with the p2 director, checks the bundle is in the product
# (plugins/ and the simpleconfigurator's bundles.info), uninstalls it again and checks it is gone.
#
# The product carries no p2 director of its own (it is kept small), so the director comes from outside: here
# Tycho's `director` goal, run from the Maven cache (offline); an Eclipse IDE's
# `eclipse -application org.eclipse.equinox.p2.director` works the same way (see docs/install.md).
#
# Needs: the product archive and the p2 site, i.e. a build that included releng/org.namdrunner.product and
# releng/org.namdrunner.repository (./mvnw verify). Usage: examples/p2-install-check.sh [archive] [p2-site-folder]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ARCHIVE=${1:-$(ls "$ROOT"/releng/org.namdrunner.product/target/products/namdrunner-*-linux.gtk.x86_64.tar.gz 2>/dev/null | head -1)}
SITE=${2:-$ROOT/releng/org.namdrunner.repository/target/repository}
FEATURE=org.namdrunner.examples.feature.feature.group
BUNDLE=org.namdrunner.examples.batchscript
TYCHO=5.0.2

fail() { echo "p2-install-check: FAILED: $*" >&2; exit 1; }
[ -n "$ARCHIVE" ] && [ -f "$ARCHIVE" ] || fail "no product archive; build releng/org.namdrunner.product first (./mvnw verify)"
[ -f "$SITE/content.jar" ] || [ -f "$SITE/content.xml.xz" ] || fail "no p2 site at $SITE; build releng/org.namdrunner.repository first"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/namdrunner-p2check.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
tar xzf "$ARCHIVE" -C "$WORK"
PRODUCT=$WORK/namdrunner
INFO=$PRODUCT/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info
[ -f "$INFO" ] || fail "$ARCHIVE has no simpleconfigurator bundles.info"
if grep -q "^$BUNDLE," "$INFO"; then fail "the product already contains $BUNDLE; it must not ship in the product"; fi
echo "product: $ARCHIVE (unpacked to $PRODUCT), $(wc -l < "$INFO") bundles; $BUNDLE not in it"

director() {
  (cd "$ROOT" && ./mvnw -B -q -o -N "org.eclipse.tycho:tycho-p2-director-plugin:$TYCHO:director" \
      -Ddestination="$PRODUCT" -Dprofile=DefaultProfile -Drepositories="file:$SITE" "$@")
}

director -DinstallIUs="$FEATURE"
ls "$PRODUCT"/plugins/"$BUNDLE"_*.jar > /dev/null 2>&1 || fail "$BUNDLE is not in plugins/ after the install"
LINE=$(grep "^$BUNDLE," "$INFO") || fail "$BUNDLE is not in bundles.info after the install"
echo "installed: $LINE"

director -DuninstallIUs="$FEATURE"
if grep -q "^$BUNDLE," "$INFO"; then fail "$BUNDLE is still in bundles.info after the uninstall"; fi
echo "uninstalled: $BUNDLE is gone from bundles.info ($(wc -l < "$INFO") bundles)"
echo "p2-install-check: OK"
