#!/usr/bin/env bash
# The two commands of the README:
#   scripts/dev.sh run [kg arguments]   install what is missing, build, start kg
#   scripts/dev.sh test                 install what is missing, build, run every test
# Both are quick when nothing changed: packages are checked, not reinstalled,
# and the builds are incremental.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jobs="$(nproc 2>/dev/null || echo 2)"

# Debian 12 packages kg builds against (see DEVELOPERS.md for versions).
packages=(
  g++ cmake make pkg-config
  librocksdb-dev libboost-graph-dev libroaring-dev
  libantlr4-runtime-dev antlr4 default-jre-headless
  nlohmann-json3-dev libcli11-dev libutf8proc-dev libicu-dev libre2-dev libssl-dev libedit-dev
  catch2 clang-14 libclang-rt-14-dev clang-format-14
  libexpat1-dev
  libhowardhinnant-date-dev tzdata
  python3 python3-networkx python3-igraph graphviz
)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# configure DIR [cmake args...]: configures once, then leaves it to the build.
configure() {
  local dir="$1"; shift
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$dir" "$@" >&2
  fi
}

case "${1:-run}" in
  run)
    [ $# -gt 0 ] && shift
    install_missing
    configure "$root/build" -DCMAKE_BUILD_TYPE=Release -DKG_BUILD_TESTS=OFF
    cmake --build "$root/build" --target kg -j "$jobs" >&2
    exec "$root/build/shell/kg" "$@"
    ;;
  test)
    install_missing
    # Tests run under AddressSanitizer and UndefinedBehaviorSanitizer.
    configure "$root/build-test" -DCMAKE_BUILD_TYPE=Debug -DKG_SANITIZE=ON -DKG_BUILD_TESTS=ON -DKG_BUILD_BENCH=ON
    cmake --build "$root/build-test" -j "$jobs"
    # The fuzz targets (fuzz/README.md) need Clang's libFuzzer: a build of
    # their own, whose ctest runs each target briefly.
    configure "$root/build-fuzz" -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Debug -DKG_BUILD_FUZZ=ON \
      -DKG_BUILD_TESTS=OFF -DKG_BUILD_BENCH=OFF
    cmake --build "$root/build-fuzz" --target kg_fuzz -j "$jobs"
    failed=0
    (cd "$root/build-test" && ctest --output-on-failure -j "$jobs") || failed=1
    (cd "$root/build-fuzz" && ctest --output-on-failure -j "$jobs") || failed=1
    exit "$failed"
    ;;
  *)
    echo "usage: scripts/dev.sh run [kg arguments] | scripts/dev.sh test" >&2
    exit 2
    ;;
esac
