# Shared by launch.sh and test.sh: find a JDK 21+ and the Maven wrapper. Source it, don't run it.

log() { printf '[%(%T)T] %s\n' -1 "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }

java_major() {  # java_major <java binary>: prints the feature version, e.g. 21
  "$1" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'
}

# Sets JAVA_HOME to a JDK 21 or newer: JAVA_HOME if it qualifies, else java on PATH, else /usr/lib/jvm/*.
find_jdk21() {
  local candidate major
  for candidate in ${JAVA_HOME:+"$JAVA_HOME"} "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")" \
      /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  die "NAMDRunner builds with a JDK 21 or newer and none was found (looked at JAVA_HOME, javac on PATH, /usr/lib/jvm/*).
       Install one (e.g. Temurin 21 or 25) and set JAVA_HOME to it."
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MVNW="$ROOT/mvnw"

host_arch() {
  case "$(uname -m)" in aarch64|arm64) echo aarch64 ;; *) echo x86_64 ;; esac
}
PRODUCT_DIR="$ROOT/releng/org.namdrunner.product/target/products/org.namdrunner.product/linux/gtk/$(host_arch)/namdrunner"
