# Sourced by ./fleetdeck and ./test: installs Debian packages that are missing, saying which and why.

# Debian 13 and Ubuntu 24.04 renamed some libraries with a t64 suffix; take whichever name the archive has.
apt_package_name() {
  local name=$1
  if ! apt-cache show "$name" >/dev/null 2>&1 && apt-cache show "${name}t64" >/dev/null 2>&1; then
    echo "${name}t64"
  else
    echo "$name"
  fi
}

apt_is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed' \
    || dpkg-query -W -f='${Status}' "${1}t64" 2>/dev/null | grep -q 'install ok installed'
}

# apt_install_missing WHAT-FOR PACKAGE...
apt_install_missing() {
  local purpose=$1 package missing=() sudo=()
  shift
  if ! command -v apt-get >/dev/null; then
    echo "fleetdeck: not a Debian or Ubuntu machine; make sure these are installed for $purpose: $*" >&2
    return 0
  fi
  for package in "$@"; do
    apt_is_installed "$package" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  # a failed update (no network) still leaves the cached lists to install from
  "${sudo[@]}" apt-get update -qq >&2 || true
  local resolved=()
  for package in "${missing[@]}"; do resolved+=("$(apt_package_name "$package")"); done
  echo "fleetdeck: installing ${resolved[*]} (needed for $purpose)" >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${resolved[@]}" >&2
}
