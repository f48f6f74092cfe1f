#!/usr/bin/env bash
# Run by this module's pom after archive-products: turns the product archives into desktop downloads.
#  - macOS: each namdrunner-<v>-macosx.cocoa.<arch>.tar.gz becomes an application bundle, NAMDRunner.app, with
#    Contents/Info.plist, Contents/MacOS/NAMDRunner (-XstartOnFirstThread), Contents/Resources/NAMDRunner.icns and
#    the product in Contents/Eclipse.
#  - Linux x86_64: adds namdrunner-<v>-linux.gtk.x86_64-with-java.tar.gz, the same product with a runtime made by
#    jlink in namdrunner/jre and namdrunner/namdrunner.ini pointing the start script at it (-vm jre/bin/java).
#    Only on a Linux x86_64 build machine: jlink links the JDK it belongs to.
# The plain archives stay as they are for people with their own Java.
# Usage: package-desktop.sh <products folder> <archive version, e.g. 0.1.0-SNAPSHOT> <version, e.g. 0.1.0>
#        <qualified version, e.g. 0.1.0.202612012230> <JDK home>
set -euo pipefail
PRODUCTS=$1 ARCHIVE_VERSION=$2 VERSION=$3 QUALIFIED=$4 JDK=$5
HERE=$(cd "$(dirname "$0")" && pwd)
# The JDK modules the workbench and its libraries use (SWT, Equinox, p2, SQLite JDBC, JSch, Batik CSS: jdk.xml.dom
# for org.w3c.dom.css); jdeps
# cannot see what OSGi bundles load reflectively, so the list is kept by hand and checked by starting the result.
MODULES=java.base,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.xml,java.xml.crypto,jdk.xml.dom,jdk.crypto.cryptoki,jdk.charsets,jdk.localedata,jdk.management,jdk.net,jdk.security.auth,jdk.unsupported,jdk.zipfs
WORK=$(mktemp -d "${TMPDIR:-/tmp}/namdrunner-package.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
log() { echo "[package-desktop] $*"; }

for arch in x86_64 aarch64; do
  archive="$PRODUCTS/namdrunner-$ARCHIVE_VERSION-macosx.cocoa.$arch.tar.gz"
  [ -f "$archive" ] || { log "no $archive, skipped"; continue; }
  rm -rf "$WORK/mac" && mkdir -p "$WORK/mac"
  tar xzf "$archive" -C "$WORK/mac"
  # Tycho materializes macOS products as <rootFolder>.app/Contents/Eclipse (the pom names it NAMDRunner.app);
  # what makes it an application is added here
  eclipse=$(ls -d "$WORK"/mac/*.app/Contents/Eclipse 2>/dev/null | head -1)
  [ -n "$eclipse" ] && [ -x "$eclipse/namdrunner" ] || { log "ERROR: $archive has no <name>.app/Contents/Eclipse/namdrunner" >&2; exit 1; }
  bundle=$(dirname "$(dirname "$eclipse")")
  [ "$(basename "$bundle")" = NAMDRunner.app ] || mv "$bundle" "$WORK/mac/NAMDRunner.app"
  app="$WORK/mac/NAMDRunner.app/Contents"
  mkdir -p "$app/MacOS" "$app/Resources"
  sed -e "s/@VERSION@/$VERSION/" -e "s/@QUALIFIED_VERSION@/$QUALIFIED/" "$HERE/macos/Info.plist" >"$app/Info.plist"
  cp "$HERE/macos/NAMDRunner" "$app/MacOS/NAMDRunner" && chmod 755 "$app/MacOS/NAMDRunner"
  cp "$HERE/macos/NAMDRunner.icns" "$app/Resources/NAMDRunner.icns"
  printf 'APPL????' >"$app/PkgInfo"
  tar czf "$archive.tmp" -C "$WORK/mac" NAMDRunner.app && mv "$archive.tmp" "$archive"
  log "$archive: NAMDRunner.app ($(du -h "$archive" | cut -f1))"
done

linux="$PRODUCTS/namdrunner-$ARCHIVE_VERSION-linux.gtk.x86_64.tar.gz"
if [ "$(uname -s)/$(uname -m)" != Linux/x86_64 ]; then
  log "not on Linux x86_64: no self-contained Linux archive (jlink links the build machine's JDK)"
elif [ ! -x "$JDK/bin/jlink" ]; then
  log "ERROR: $JDK has no bin/jlink; build with a full JDK 21+ for the self-contained Linux archive" >&2; exit 1
elif [ -f "$linux" ]; then
  mkdir -p "$WORK/linux"
  tar xzf "$linux" -C "$WORK/linux"
  "$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages \
      --output "$WORK/linux/namdrunner/jre"
  printf -- '-vm\njre/bin/java\n' >"$WORK/linux/namdrunner/namdrunner.ini"
  out="$PRODUCTS/namdrunner-$ARCHIVE_VERSION-linux.gtk.x86_64-with-java.tar.gz"
  tar czf "$out" -C "$WORK/linux" namdrunner
  log "$out: with a Java $("$WORK/linux/namdrunner/jre/bin/java" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}') runtime ($(du -h "$out" | cut -f1))"
fi
