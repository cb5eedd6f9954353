#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-potfiles.sh SOURCE_ROOT
#   Fails when a file under src/ or ui/ has translatable strings (_(), N_(),
#   C_(), NC_(), ngettext and friends, or translatable="yes") but is not listed
#   in po/POTFILES.in, or when POTFILES.in lists a file that does not exist, a
#   file twice, or is not sorted (LC_ALL=C).
# check-potfiles.sh --self-test
#   Runs the check on small generated trees and fails if it misjudges one.
set -euo pipefail
export LC_ALL=C

# GNU style puts a space before the parenthesis: match `_ ("` as well as `_("`.
pattern='(^|[^[:alnum:]_])(_|N_)[[:space:]]*\([[:space:]]*"'
pattern+='|(^|[^[:alnum:]_])N?C_[[:space:]]*\('
pattern+='|(^|[^[:alnum:]_])(ngettext|g_dgettext|g_dngettext|g_dpgettext2?)[[:space:]]*\('
pattern+='|translatable="yes"'

check () {
  local root=$1 potfiles listed found f status=0
  potfiles=$root/po/POTFILES.in
  if [[ ! -f $potfiles ]]; then
    echo "check-potfiles: $potfiles does not exist" >&2
    return 1
  fi

  # Listed files: drop comments, blank lines and surrounding blanks.
  listed=$(sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$potfiles" | grep -v '^$' || true)

  while IFS= read -r f; do
    [[ -n $f ]] || continue
    if [[ ! -f $root/$f ]]; then
      echo "po/POTFILES.in lists $f, which does not exist" >&2
      status=1
    fi
  done <<<"$listed"

  if [[ -n $(sort <<<"$listed" | uniq -d) ]]; then
    echo "po/POTFILES.in lists a file more than once: $(sort <<<"$listed" | uniq -d | tr '\n' ' ')" >&2
    status=1
  fi
  if ! sort -c <<<"$listed" 2>/dev/null; then
    echo "po/POTFILES.in is not sorted (LC_ALL=C sort); expected order:" >&2
    sort -u <<<"$listed" | sed 's/^/  /' >&2
    status=1
  fi

  found=$(cd "$root" && { grep -rlE --binary-files=without-match "$pattern" src ui 2>/dev/null || true; } | sort)
  while IFS= read -r f; do
    [[ -n $f ]] || continue
    if ! grep -qxF "$f" <<<"$listed"; then
      echo "$f has translatable strings but is not listed in po/POTFILES.in" >&2
      status=1
    fi
  done <<<"$found"

  if ((status == 0)); then
    echo "po/POTFILES.in: $(grep -c . <<<"$listed" || true) files listed, $(grep -c . <<<"$found" || true) files under src/ and ui/ with translatable strings, all listed"
  fi
  return $status
}

# One generated tree: files given as NAME=CONTENT pairs after the POTFILES text.
make_tree () {
  local dir=$1 potfiles=$2 spec
  shift 2
  mkdir -p "$dir/po" "$dir/src" "$dir/ui"
  printf '%s' "$potfiles" >"$dir/po/POTFILES.in"
  for spec in "$@"; do
    mkdir -p "$(dirname "$dir/${spec%%=*}")"
    printf '%s\n' "${spec#*=}" >"$dir/${spec%%=*}"
  done
}

self_test () {
  local tmp n=0 failed=0
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN

  # expect NAME pass|fail POTFILES FILE=CONTENT...
  expect () {
    local name=$1 want=$2 got
    shift 2
    n=$((n + 1))
    make_tree "$tmp/$n" "$@"
    if check "$tmp/$n" >"$tmp/$n.out" 2>&1; then got=pass; else got=fail; fi
    if [[ $got == "$want" ]]; then
      echo "ok $n - $name"
    else
      echo "not ok $n - $name: expected $want, got $got"
      sed 's/^/# /' "$tmp/$n.out"
      failed=$((failed + 1))
    fi
  }

  echo "1..9"
  expect "all listed" pass $'# comment\n\nsrc/a.c\nui/b.ui\n' \
    'src/a.c=label = _ ("Board");' \
    'ui/b.ui=<property name="title" translatable="yes">Board</property>' \
    'src/c.c=g_print ("not translated\n");'
  expect "_() without a space, not listed" fail $'src/a.c\n' \
    'src/a.c=_ ("x");' 'src/d.c=s = _("y");'
  expect "N_() in a header, not listed" fail '' 'src/core/e.h=#define X N_ ("Sort")'
  expect "C_() with context, not listed" fail '' 'src/f.c=C_ ("5S", "Shine");'
  expect "ngettext, not listed" fail '' 'src/g.c=ngettext ("%d card", "%d cards", n);'
  expect "translatable .ui, not listed" fail '' 'ui/h.ui=<attribute name="label" translatable="yes">Quit</attribute>'
  expect "identifiers ending in _ are not gettext" pass '' 'src/i.c=obeya_thing_ ("x"); MY_C_ (1);'
  expect "listed file does not exist" fail $'src/gone.c\n'
  expect "unsorted list" fail $'ui/b.ui\nsrc/a.c\n' 'src/a.c=_ ("x");' 'ui/b.ui=translatable="yes"'

  ((failed == 0))
}

case ${1:-} in
  --self-test) self_test ;;
  ""|-h|--help) sed -n '3,10p' "$0"; exit 2 ;;
  *) check "$1" ;;
esac
