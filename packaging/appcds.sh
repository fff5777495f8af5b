#!/bin/sh
# Records an AppCDS archive for zdp: the classes a validation loads, in the form the JVM maps
# straight into memory, so later runs start faster.
#
#   packaging/appcds.sh ZDP_HOME MODEL_DIR
#
# Runs `zdp validate --model MODEL_DIR` once through the launcher ($ZDP_HOME/bin/zdp in the
# image, else packaging/zdp next to this script) and writes $ZDP_HOME/zdp.jsa, which the
# launcher then uses. Run it where the runtime and the jar
# stay: the archive is only valid for the same runtime and the same jar files (path, size and
# modification time); when they differ the JVM ignores it (with a warning on stderr) and runs
# as usual. The Dockerfile runs this in the final stage; so does PackagedRuntimeIT.
set -eu

if [ $# -ne 2 ]; then
  echo "usage: packaging/appcds.sh ZDP_HOME MODEL_DIR" >&2
  exit 2
fi
ZDP_HOME="$1"
export ZDP_HOME
launcher="$ZDP_HOME/bin/zdp"
if [ ! -x "$launcher" ]; then
  launcher="$(cd "$(dirname "$0")" && pwd)/zdp"
fi
archive="$ZDP_HOME/zdp.jsa"
rm -f "$archive"
# The dump's own warnings (classes CDS cannot archive: old class files, generated proxies)
# are expected and go to stderr; keep them out of the build log.
JAVA_OPTS="-XX:ArchiveClassesAtExit=$archive" "$launcher" validate --model "$2" >/dev/null 2>&1
if [ ! -s "$archive" ]; then
  echo "appcds.sh: no archive was written to $archive" >&2
  exit 1
fi
