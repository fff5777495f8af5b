# The JVM flags zdp runs with by default, for both launchers: bin/zdp (a checkout) and
# packaging/zdp (the container image, where this file is /opt/zdp/libexec/jvm-defaults.sh).
# Sourced, POSIX sh; defines zdp_jvm_defaults. Measured in docs/performance.md:
# - the serial collector: no GC threads competing for two cores, a third of G1's footprint;
# - the C1 compiler only: C2 spent about half of a run's CPU compiling code that finished before
#   the compiled code could pay off, up to 10,000 datastores (a pull request's `zdp action` in the
#   image: 40-75% more CPU, 10-40% more wall time); except for the first `generate` of a large
#   model, which renders every file long enough for C2's code to pay off (at 10,000 datastores a
#   tenth less CPU and a fifth to two fifths less wall time; an unchanged `generate` pays a
#   quarter more CPU with C2, so it keeps C1). That render's C2 compiles only what runs four times
#   as often as its default thresholds ask (Tier4*): C2's compilations were ~18 s of CPU of a first
#   render at 10,000 datastores on two cores, competing with the render's own two threads, and the
#   later thresholds cost less than they save (about a tenth less CPU at 1,000 and 10,000).
# ZDP_JVM_DEFAULTS replaces them in both launchers (an empty value keeps the JVM's own).
#
# The build id: which build of zdp runs, as a digest of its own jars and the names (with their
# versions) of the libraries beside them. A launcher passes it to the JVM as -Dzdp.build
# (zdp_build_flag); `generate` records it in the output's .zdp-manifest ("# zdp build <id>"), so
# a later run can tell that a different zdp wrote the output: an upgrade, after which the render
# is a first render again when the rendering code changed (the manifest's renderer fingerprint,
# which a launcher cannot compute, differs).

# zdp_build_id JAR LIBDIR: prints the build id of zdp's JAR and the libraries in LIBDIR (zdp's own
# modules, zdp-*.jar, read; the others by name); nothing when the jar is missing. It takes a few
# processes (~50 ms), so a launcher keeps it in a file next to the jar (the image's is written
# when the image is built) and reads that.
zdp_build_id() {
  [ -f "$1" ] || return 0
  { ls "$2"; cat "$1" "$2"/zdp-*.jar; } 2>/dev/null | cksum | tr ' ' '-' | cut -d- -f1,2
}

# zdp_read_build_id FILE: sets ZDP_BUILD_ID to the first line of FILE (empty without one); no
# process started.
zdp_read_build_id() {
  ZDP_BUILD_ID=
  if [ -f "$1" ]; then
    read -r ZDP_BUILD_ID <"$1" || true
  fi
}

# zdp_build_flag: prints -Dzdp.build=$ZDP_BUILD_ID, or nothing when the launcher has no build id.
zdp_build_flag() {
  [ -n "${ZDP_BUILD_ID:-}" ] && echo "-Dzdp.build=$ZDP_BUILD_ID"
  return 0
}

# zdp_first_large_render ARGS...: true for a `generate` that renders every file of a model of at
# least 2,000 YAML files (about 1,000 datastores): its output directory has no .zdp-manifest yet,
# or one another build of zdp wrote (its "# zdp build" line names another $ZDP_BUILD_ID).
zdp_first_large_render() {
  [ "${1:-}" = generate ] || return 1
  _zdp_model=.
  _zdp_out=
  _zdp_previous=
  for _zdp_arg in "$@"; do
    case "$_zdp_previous" in
      --model) _zdp_model=$_zdp_arg ;;
      --out) _zdp_out=$_zdp_arg ;;
    esac
    case "$_zdp_arg" in
      --model=*) _zdp_model=${_zdp_arg#--model=} ;;
      --out=*) _zdp_out=${_zdp_arg#--out=} ;;
    esac
    _zdp_previous=$_zdp_arg
  done
  _zdp_manifest="${_zdp_out:-$_zdp_model/generated}/.zdp-manifest"
  [ -d "$_zdp_model" ] || return 1
  if [ -f "$_zdp_manifest" ]; then
    # written by this build, or by one that recorded none: what changed is rendered, on C1
    [ -n "${ZDP_BUILD_ID:-}" ] || return 1
    _zdp_built=$(head -n 5 "$_zdp_manifest" | sed -n 's/^# zdp build //p')
    [ -n "$_zdp_built" ] && [ "$_zdp_built" != "$ZDP_BUILD_ID" ] || return 1
  fi
  [ "$(find "$_zdp_model" -name '*.yaml' -type f 2>/dev/null | head -n 2000 | wc -l)" -ge 2000 ]
}

# zdp_jvm_defaults ARGS...: prints the default flags for a run of zdp with these arguments.
zdp_jvm_defaults() {
  if zdp_first_large_render "$@"; then
    echo "-XX:+UseSerialGC -XX:Tier4InvocationThreshold=20000 -XX:Tier4MinInvocationThreshold=2400" \
      "-XX:Tier4CompileThreshold=60000 -XX:Tier4BackEdgeThreshold=160000"
  else
    echo "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
  fi
}
