#!/bin/sh
# setup.sh - install what baytrack needs (Debian 12, as root), build it, and
# either run the main job on the bundled data or run every test.
#
#   ./setup.sh demo    install, build, load datasets/, show the status and
#                      write the report to plots/
#   ./setup.sh test    install, build, run the whole test suite (ctest)
#
# BUILD (default build) names the build directory; CMAKE_ARGS adds options.
set -eu
cd "$(dirname "$0")"
mode=${1:-}
case $mode in
demo | test) ;;
*) echo "usage: ./setup.sh demo|test" >&2; exit 64 ;;
esac

# run time: librrd, libcsv, the rrdtool CLI, gnuplot and a CJK font;
# tests also read files back with rrdtool and run rrdcached and Chromium
# (through chromedriver, with axe-core from npm when npm is there)
pkgs="build-essential cmake pkg-config librrd-dev libcsv-dev rrdtool gnuplot-nox fonts-noto-cjk"
[ "$mode" = test ] && pkgs="$pkgs python3 rrdcached chromium chromium-driver clang libclang-rt-14-dev"
missing=
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
        missing="$missing $p"
done
if [ -n "$missing" ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "setup.sh: missing packages:$missing; run as root to install them" >&2
        exit 69
    fi
    echo "setup.sh: installing$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

build=${BUILD:-build}
# shellcheck disable=SC2086
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j "$(nproc)"

if [ "$mode" = test ]; then
    # axe-core for the accessibility check of tests/e2e/test_site_phone.sh
    # (without it that test says so and checks the rest)
    [ -f "$build/axe/node_modules/axe-core/axe.min.js" ] || ! command -v npm >/dev/null ||
        npm install --no-audit --no-fund --silent --prefix "$build/axe" axe-core ||
        echo "setup.sh: axe-core not installed; its check is skipped" >&2
    exec ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
fi
"$build/baytrack" load datasets/*.csv
"$build/baytrack" status
"$build/baytrack" report -o plots
