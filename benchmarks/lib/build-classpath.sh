# Sourced by the benchmark scripts that run a harness in a JVM of their own (replay-audit.sh,
# monitor-cross-check.sh): the part they share, so that both find the JDK and build the same way. Call from the
# project root (the scripts cd there first).
#
#   peregrine_java_home SCRIPT         sets JAVA_HOME to a JDK (the machine's Temurin 25 when unset); exits 2 if none
#   peregrine_build_classpath SCRIPT OUT
#                                      builds benchmarks and the modules it needs in this reactor (nothing installed;
#                                      PEREGRINE_SKIP_BUILD=1 skips the build and uses what is built), then sets
#                                      `classpath` to a private copy under OUT of this project's classes and jars,
#                                      so that a build running meanwhile cannot change them under a run

readonly PEREGRINE_FALLBACK_JDK=/usr/lib/jvm/temurin-25-jdk-amd64

peregrine_java_home() {
  local script=$1
  if [[ -z "${JAVA_HOME:-}" || ! -x "${JAVA_HOME}/bin/javac" ]]; then
    if [[ -x "$PEREGRINE_FALLBACK_JDK/bin/javac" ]]; then
      export JAVA_HOME=$PEREGRINE_FALLBACK_JDK
    else
      echo "$script: set JAVA_HOME to a JDK 21 or newer" >&2
      exit 2
    fi
  fi
}

peregrine_build_classpath() {
  local script=$1 out=$2
  mkdir -p "$out/lib"
  # The modules benchmarks needs are built in this reactor (not installed), so the services run as this work tree
  # has them; the last module built is benchmarks, whose class path is what the output file holds in the end.
  local goals=(dependency:build-classpath)
  if [[ "${PEREGRINE_SKIP_BUILD:-0}" != "1" ]]; then
    echo "$script: building benchmarks and the modules it needs (PEREGRINE_SKIP_BUILD=1 skips this)..." >&2
    goals=(package "${goals[@]}")
  fi
  ./mvnw -B -q -pl benchmarks -am "${goals[@]}" -DskipTests -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$PWD/$out/classpath.txt" >&2
  # A private copy of this project's classes and jars: a build running meanwhile must not change them under a run.
  cp -r benchmarks/target/classes "$out/classes"
  classpath="$PWD/$out/classes"
  local entries entry copy
  IFS=':' read -r -a entries < "$out/classpath.txt" || true  # no newline at its end
  for entry in "${entries[@]}"; do
    if [[ "$entry" == "$PWD"/* || "$entry" == */dev/peregrine/* ]]; then
      copy="$PWD/$out/lib/$(echo "${entry#"$PWD"/}" | tr '/' '_')"
      cp -r "$entry" "$copy"
      entry=$copy
    fi
    classpath="$classpath:$entry"
  done
}
