#!/bin/sh
# short_run.sh WORK FUZZER ARGS...: runs a libFuzzer target for the test
# suite with an empty WORK directory for the inputs it finds and the crash
# it leaves (-artifact_prefix), so runs do not pile up.
set -eu
work="$1"
shift
fuzzer="$1"
shift
rm -rf "$work"
mkdir -p "$work"
exec "$fuzzer" -artifact_prefix="$work/" "$@"
