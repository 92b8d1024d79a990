#!/usr/bin/env bash
# Runs squawk-cli 2.66.0 (from npm, sha256-pinned, cached in .tools/squawk/) over the lint corpus and writes what it reports, one
# `file:line: rule` per line (lines 1-based, like `migrator lint`), to the corpus' squawk file.
# LintCorpusTest compares that file with our linter's findings; docs/lint.md explains each difference.
#
#   scripts/squawk-corpus.sh           rewrite migrator-image/src/test/resources/lint-corpus/squawk-2.66.0.txt
#   scripts/squawk-corpus.sh --check   fail when squawk now reports something else than the file says
#
# Flyway runs each migration in a transaction, hence --assume-in-transaction; the tests run PostgreSQL 18.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly VERSION=2.66.0
readonly CORPUS=migrator-image/src/test/resources/lint-corpus
readonly RECORDED=$CORPUS/squawk-$VERSION.txt
readonly TOOL_DIR=.tools/squawk/$VERSION
# The platform package holds the binary squawk-cli's wrapper would run; pinned like Helm (scripts/provision-helm.sh).
readonly PACKAGE=@squawk-cli/linux-x64@$VERSION
readonly TARBALL_SHA256=29a97bb145dbfd3868b04e7155f8d6773dfa81cb6f5e82530960539e55f4fa3a
readonly BINARY_SHA256=e7965f8146b53cfa7a4625ceecfea5c6aeb35add39132210aa60b11ae180b9f4

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }
squawk=$PWD/$TOOL_DIR/squawk
if [[ ! -x $squawk || $(sha256_of "$squawk") != "$BINARY_SHA256" ]]; then
  [[ $(uname -s)-$(uname -m) == Linux-x86_64 ]] || { echo "squawk-corpus: pinned for linux x86_64 only" >&2; exit 1; }
  command -v npm >/dev/null 2>&1 || { echo "squawk-corpus: npm is needed to fetch $PACKAGE" >&2; exit 1; }
  echo "squawk-corpus: fetching $PACKAGE from npm into $TOOL_DIR" >&2
  work=$(mktemp -d)
  (cd "$work" && npm pack --silent "$PACKAGE" >/dev/null)
  tarball=$(echo "$work"/*.tgz)
  [[ $(sha256_of "$tarball") == "$TARBALL_SHA256" ]] || { echo "squawk-corpus: sha256 mismatch for $PACKAGE" >&2; exit 1; }
  tar -xzf "$tarball" -C "$work" package/bin/squawk
  [[ $(sha256_of "$work/package/bin/squawk") == "$BINARY_SHA256" ]] ||
    { echo "squawk-corpus: sha256 mismatch for bin/squawk in $PACKAGE" >&2; exit 1; }
  mkdir -p "$TOOL_DIR"
  install -m 0755 "$work/package/bin/squawk" "$squawk"
  rm -rf "$work"
fi
[[ $("$squawk" --version) == "squawk $VERSION" ]] || { echo "squawk-corpus: $squawk is not squawk $VERSION" >&2; exit 1; }

received=$(mktemp)
trap 'rm -f "$received"' EXIT
# squawk exits 1 when it reports anything; its gcc lines are FILE:LINE0:COLUMN: warning: RULE message.
(cd "$CORPUS/pending"; "$squawk" --assume-in-transaction --pg-version 18.0 --reporter gcc ./*.sql || true) |
  sed -nE 's#^(\./)?([^:]+\.sql):([0-9]+):[0-9]+: warning: ([a-z-]+) .*#\2 \3 \4#p' |
  while read -r file line rule; do echo "$file:$((line + 1)): $rule"; done | sort -u >"$received"

if [[ ${1:-} == --check ]]; then
  diff -u <(grep -v "^#" "$RECORDED") "$received" || {
    echo "squawk-corpus: squawk $VERSION reports otherwise than $RECORDED: rerun scripts/squawk-corpus.sh, then update docs/lint.md" >&2
    exit 1
  }
  echo "squawk-corpus: squawk $VERSION reports what $RECORDED says"
else
  { echo "# squawk-cli $VERSION --assume-in-transaction --pg-version 18.0 over pending/, written by scripts/squawk-corpus.sh"
    cat "$received"; } >"$RECORDED"
  echo "squawk-corpus: wrote $RECORDED ($(wc -l <"$received") findings)"
fi
