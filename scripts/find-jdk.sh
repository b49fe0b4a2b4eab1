# Sourced by ./fleetdeck, ./test and .ci/run: points JAVA_HOME at a JDK 25 or newer.
# Looks at JAVA_HOME, then the java on PATH, then the usual install folders (Temurin first).

fleetdeck_java_major() {
  local home=$1 version
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  if [ -f "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "${version:-}" ]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  fi
  [ -n "$version" ] && echo "$version"
}

fleetdeck_find_jdk() {
  local candidates=() candidate major java_on_path
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if java_on_path=$(command -v java 2>/dev/null); then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$java_on_path")")")")
  fi
  for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/java/* \
                   /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] && candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    major=$(fleetdeck_java_major "$candidate") || continue
    if [ "$major" -ge 25 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME=$(fleetdeck_find_jdk); then
  echo "fleetdeck: no JDK 25 found (looked at JAVA_HOME, the java on PATH and /usr/lib/jvm);" \
       "install Temurin 25 or openjdk-25-jdk and try again" >&2
  exit 2
fi
export JAVA_HOME
