#!/usr/bin/env bash
# A release build: a fixed version (the poms' <version> without -SNAPSHOT) and a fixed qualifier (the UTC commit time,
# yyyyMMddHHmm, of HEAD), so building the same commit again gives the same bundle, feature and product versions, and
# a later commit a later one. Then files the result into a distribution folder:
#   <dist>/<version>.<qualifier>/          the archives and SHA256SUMS
#   <dist>/updates/<version>.<qualifier>/  that build's p2 repository (product, feature, examples)
#   <dist>/updates/compositeContent.xml, compositeArtifacts.xml, p2.index
#                                          the update site: a p2 composite of every release, the address people put
#                                          under Available Software Sites (or pass to the headless update)
#   <dist>/updates/history.tsv, HISTORY.md the site's version history: version, qualifier, commit, date, and whether
#                                          a filing was a rebuild of a release already there (nothing changes then)
# CHANGELOG.md must have a "## <version>" section. Usage:
#   releng/release.sh [--dist DIR] [--assemble-only] [maven arguments, e.g. -DskipTests]
# --assemble-only files the outputs of a build already made with this qualifier (no build; for tests).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/common.sh"
DIST=$ROOT/target/dist
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST=$2; shift 2 ;;
    --assemble-only) BUILD=""; shift ;;
    *) break ;;
  esac
done
VERSION=$(sed -n 's:^  <version>\(.*\)-SNAPSHOT</version>$:\1:p' "$ROOT/pom.xml" | head -1)
[ -n "$VERSION" ] || die "pom.xml has no <version>X.Y.Z-SNAPSHOT</version>"
COMMIT=$(git -C "$ROOT" rev-parse HEAD)
QUALIFIER=$(TZ=UTC git -C "$ROOT" log -1 --format=%cd --date=format-local:%Y%m%d%H%M HEAD)
FULL=$VERSION.$QUALIFIER
grep -q "^## $VERSION\b" "$ROOT/CHANGELOG.md" || die "CHANGELOG.md has no '## $VERSION' section: say what changed before releasing"
if [ -n "$BUILD" ]; then
  [ -z "$(git -C "$ROOT" status --porcelain --untracked-files=no)" ] || die "uncommitted changes: a release is built from a commit"
  find_jdk21
  log "release $FULL (commit ${COMMIT:0:12})"
  "$MVNW" -B -f "$ROOT/pom.xml" verify -DforceContextQualifier="$QUALIFIER" "$@"
fi
PRODUCTS=$ROOT/releng/org.namdrunner.product/target/products
PRODUCT_REPO=$ROOT/releng/org.namdrunner.product/target/repository
SITE_REPO=$ROOT/releng/org.namdrunner.repository/target/repository
ls "$PRODUCT_REPO"/artifacts.* >/dev/null 2>&1 || die "no product repository at $PRODUCT_REPO: build first"
built=$(ls "$PRODUCTS"/namdrunner-*-linux.gtk.x86_64.tar.gz | head -1)
tar xzf "$built" -O namdrunner/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info |
  grep -q "^org.namdrunner.core,$VERSION.$QUALIFIER," || die "the build in target/ is not $FULL (was it built with -DforceContextQualifier=$QUALIFIER?)"

mkdir -p "$DIST/updates"
HISTORY=$DIST/updates/history.tsv
[ -f "$HISTORY" ] || printf 'version\tcommit\tfiled (UTC)\tnote\n' >"$HISTORY"
now=$(date -u '+%F %T')
if [ -d "$DIST/updates/$FULL" ]; then
  # same commit, same qualifier: a rebuild. p2 sees the same versions, so nothing is offered as an update.
  printf '%s\t%s\t%s\t%s\n' "$FULL" "$COMMIT" "$now" "rebuild of $FULL: not filed again, the site is unchanged" >>"$HISTORY"
  log "$FULL is already on the site: a rebuild of the same commit; the update site is unchanged"
else
  mkdir -p "$DIST/updates/$FULL" "$DIST/$FULL"
  cp -r "$PRODUCT_REPO" "$DIST/updates/$FULL/product"
  cp -r "$SITE_REPO" "$DIST/updates/$FULL/plugins"
  for f in "$PRODUCTS"/namdrunner-*.tar.gz "$PRODUCTS"/namdrunner-*.zip; do   # named for the release: namdrunner-X.Y.Z.Q-<platform>
    cp "$f" "$DIST/$FULL/$(basename "$f" | sed "s/^namdrunner-$VERSION-SNAPSHOT-/namdrunner-$FULL-/")"
  done
  (cd "$DIST/$FULL" && sha256sum namdrunner-* >SHA256SUMS)
  printf '%s\t%s\t%s\t%s\n' "$FULL" "$COMMIT" "$now" "release" >>"$HISTORY"
  log "filed $FULL: $(ls "$DIST/$FULL" | grep -c '^namdrunner-') archives, update site child updates/$FULL"
fi

# the composite: every release's product and plug-in repositories, newest first
children=$(ls -1 "$DIST/updates" | grep -E '^[0-9]+\.[0-9]+\.[0-9]+\.' | sort -rV)
composite() {  # composite <type> <file> <children-file-in-each>
  local n stamp
  n=$(( $(echo "$children" | wc -l) * 2 ))
  stamp=$(date +%s)000
  {
    echo "<?xml version='1.0' encoding='UTF-8'?>"
    echo "<?$1 version='1.0.0'?>"
    echo "<repository name='NAMDRunner updates' type='$3' version='1.0.0'>"
    echo "  <properties size='2'><property name='p2.timestamp' value='$stamp'/><property name='p2.atomic.composite.loading' value='true'/></properties>"
    echo "  <children size='$n'>"
    for c in $children; do echo "    <child location='$c/product'/>"; echo "    <child location='$c/plugins'/>"; done
    echo "  </children>"
    echo "</repository>"
  } >"$DIST/updates/$2"
}
composite compositeMetadataRepository compositeContent.xml org.eclipse.equinox.internal.p2.metadata.repository.CompositeMetadataRepository
composite compositeArtifactRepository compositeArtifacts.xml org.eclipse.equinox.internal.p2.artifact.repository.CompositeArtifactRepository
printf 'version=1\nmetadata.repository.factory.order=compositeContent.xml,\\!\nartifact.repository.factory.order=compositeArtifacts.xml,\\!\n' >"$DIST/updates/p2.index"
{
  echo "# NAMDRunner update site: version history"
  echo
  echo "Each release is \`<version>.<qualifier>\`; the qualifier is the UTC time of its commit, so a rebuild of the same"
  echo "commit has the same version (p2 offers no update) and a later commit a later one. See CHANGELOG.md for what changed."
  echo
  echo "| version | commit | filed (UTC) | note |"
  echo "| --- | --- | --- | --- |"
  tail -n +2 "$HISTORY" | awk -F'\t' '{ printf "| %s | %s | %s | %s |\n", $1, substr($2, 1, 12), $3, $4 }'
} >"$DIST/updates/HISTORY.md"
log "update site: $DIST/updates ($(echo "$children" | wc -l) release(s)); history in $DIST/updates/HISTORY.md"
