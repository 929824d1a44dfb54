#!/bin/sh
# Times kg on the long statements of issue 17 (docs/query-language.md,
# "Limits"): RETURN 1 + 1 + ... with 100,000 terms, an AND of 50,000
# conditions and a list literal of 1,000,000 elements, each run as a script
# (kg -f) on an empty database. Each is refused with a syntax error naming
# the limit; the line after it gives the wall time and the peak memory.
#   bench/long_statements.sh build/shell/kg
set -e
KG=${1:-build/shell/kg}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
python3 - "$DIR" <<'PY'
import sys
d = sys.argv[1]
open(d + '/sum.kgq', 'w').write('RETURN ' + '+'.join(['1'] * 100000) + ';\n')
open(d + '/and.kgq', 'w').write('RETURN ' + ' AND '.join(['true'] * 50000) + ';\n')
open(d + '/list.kgq', 'w').write('RETURN size([' + ','.join(['1'] * 1000000) + ']);\n')
PY
for f in sum and list; do
  /usr/bin/time -f "$f: %e s, peak %M KB" "$KG" --db "$DIR/db" -f "$DIR/$f.kgq" 2>&1 | cut -c1-140 || true
done
