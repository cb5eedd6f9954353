#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# test-summary.sh TESTLOG.json...
#   Adds up meson's JSON test logs (one line per test program) and prints one
#   closing line: "check: N passed, N failed, N skipped". Exits non-zero when
#   a test failed or no test ran at all.
set -euo pipefail

passed=0 failed=0 skipped=0
for log in "$@"; do
  [[ -f $log ]] || continue
  while read -r result; do
    case $result in
      OK|EXPECTEDFAIL) passed=$((passed + 1)) ;;
      SKIP) skipped=$((skipped + 1)) ;;
      *) failed=$((failed + 1)) ;;
    esac
  done < <(grep -o '"result": "[A-Z]*"' "$log" | sed 's/.*: "\(.*\)"/\1/')
done

echo "check: $passed passed, $failed failed, $skipped skipped"
((failed == 0 && passed > 0))
