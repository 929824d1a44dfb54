#!/usr/bin/env bash
# Fails, naming the files, when a C++ file of kg differs from what
# clang-format (the repository's .clang-format) would make of it.
#   scripts/check_format.sh [CLANG_FORMAT]      check (a test runs this)
#   scripts/check_format.sh --fix [CLANG_FORMAT] rewrite the files in place
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fix=0
if [ "${1:-}" = "--fix" ]; then
  fix=1
  shift
fi
clang_format="${1:-clang-format-14}"
cd "$root"
# The files git tracks; without git (an unpacked archive), the source folders.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cpp' '*.h' '*.cc' '*.hpp')
else
  mapfile -t files < <(find engine shell tests bench fuzz -name '*.cpp' -o -name '*.h' | sort)
fi
if [ "$fix" = 1 ]; then
  "$clang_format" -i "${files[@]}"
  exit 0
fi
bad=()
for f in "${files[@]}"; do
  "$clang_format" --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  echo "not formatted as .clang-format says (scripts/check_format.sh --fix rewrites them):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "${#files[@]} files formatted as .clang-format says"
