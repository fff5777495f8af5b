#!/usr/bin/env bash
# Links the Java runtime zdp ships with: only the JDK modules the CLI and its libraries use.
#
#   packaging/jlink.sh APP_DIR OUT_DIR
#
# APP_DIR holds zdp.jar and lib/ (action/target after `mvn package`); OUT_DIR is the runtime to
# create (replaced when it exists). The Dockerfile runs this script, and so does the build
# (action/src/test/java/dev/zdp/action/packaging/PackagedRuntimeIT.java), so the runtime CI
# tests is the runtime the image ships.
#
# The JDK whose jdeps, jlink and jmods are used is $JAVA_HOME when set, else the one on PATH.
# The modules are printed on stdout, one line, for the log.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: packaging/jlink.sh APP_DIR OUT_DIR" >&2
  exit 2
fi
app_dir="$1"
out_dir="$2"
jar="$app_dir/zdp.jar"
if [[ ! -f "$jar" || ! -d "$app_dir/lib" ]]; then
  echo "jlink.sh: $app_dir has no zdp.jar and lib/; run 'mvn -B -DskipTests package -pl action -am' first" >&2
  exit 2
fi

tool() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/$1" ]]; then
    echo "$JAVA_HOME/bin/$1"
  elif command -v "$1" >/dev/null 2>&1; then
    command -v "$1"
  else
    echo "jlink.sh: no $1 found; set JAVA_HOME to a JDK 17 (with jmods)" >&2
    exit 2
  fi
}
jdeps="$(tool jdeps)"
jlink="$(tool jlink)"

# What zdp.jar and the jars it reaches through its class path use. jdeps reasons per jar: once
# a jar is reached, every module any of its classes names counts (javassist brings jdk.jdi and
# jdk.attach that way, about 1 MiB). --multi-release 17 reads the Java 17 variant of
# multi-release jars (Jackson, JGit).
found="$("$jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
  --class-path "$app_dir/lib/*" "$jar")"

# Modules jdeps cannot see, because they are reached through services or reflection:
# - jdk.crypto.ec: the elliptic-curve TLS cipher suites api.github.com, GitLab and most HTTPS
#   git remotes negotiate (a TLS handshake fails without it on Java 17);
# - java.net.http: hub4j's HttpClient connector, which it picks reflectively on Java 11+;
# - jdk.unsupported: sun.misc.Unsafe, which Guava and Jackson look up reflectively for speed;
# - jdk.zipfs: the zip file system provider (Files.newFileSystem on a jar or zip).
extra="jdk.crypto.ec,java.net.http,jdk.unsupported,jdk.zipfs"
modules="$found,$extra"

# Java 21 renamed the compression levels: --compress=2 there is a deprecated alias of zip-6.
major="$("$jlink" --version | cut -d. -f1)"
if [[ "$major" -ge 21 ]]; then compress="zip-6"; else compress="2"; fi

rm -rf "$out_dir"
"$jlink" --add-modules "$modules" --output "$out_dir" \
  --strip-debug --no-man-pages --no-header-files --compress="$compress" \
  --generate-cds-archive
# jlink archives the JDK's classes twice; the copy for heaps of 32 GiB and more (no compressed
# oops) is 11 MiB zdp never needs. Without it such a JVM simply starts without the archive.
rm -f "$out_dir/lib/server/classes_nocoops.jsa"
echo "$modules"
