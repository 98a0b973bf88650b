#!/usr/bin/env bash
# A release build at scale: `anki:package` with <previousRelease>, timed. See bench/README.md.
#
#   bench/release.sh [--size 100000] [--every 500] [--maven-opts '-Xmx256m']
#
# Needs the setup of a `bench/run.sh --sizes N` run of the same size (the private repository with
# the plugin, the deck and its project). Builds release 1 from the deck, then release 2 from a copy
# where every K-th note is renamed and the note after it edited, against release 1, under GNU time;
# checks that the comparison found exactly those changes.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TARGET="$BENCH_DIR/target"
SIZE=100000
EVERY=500
MAVEN_JVM_OPTS="${BENCH_MAVEN_OPTS:-}"
MVN="${MVN:-mvn}"
TIME_BIN="${BENCH_TIME:-/usr/bin/time}"

log() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --size|--every|--maven-opts) [ $# -ge 2 ] || die "$1 needs a value (see --help)" ;;
  esac
  case "$1" in
    --size) SIZE="$2"; shift 2 ;;
    --every) EVERY="$2"; shift 2 ;;
    --maven-opts) MAVEN_JVM_OPTS="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[[ "$SIZE" =~ ^[1-9][0-9]*$ ]] || die "--size must be a positive number of notes, not '$SIZE'"
[[ "$EVERY" =~ ^[1-9][0-9]*$ ]] || die "--every must be a positive number, not '$EVERY'"

CSV="$TARGET/data/cards-$SIZE.csv"
POM="$TARGET/projects/n$SIZE/pom.xml"
[ -f "$TARGET/settings.xml" ] && [ -d "$TARGET/m2" ] && [ -f "$CSV" ] && [ -f "$POM" ] \
  || die "run 'bench/run.sh --sizes $SIZE --runs 1' first: it builds the plugin, the deck and its project"
"$TIME_BIN" -f '%e' true >/dev/null 2>&1 || die "GNU time is needed (Debian/Ubuntu: sudo apt-get install time)"

MVN_ARGS=(-B -o -q -Dstyle.color=never -s "$TARGET/settings.xml" "-Dmaven.repo.local=$TARGET/m2")
LOG_OPTS="-Dorg.slf4j.simpleLogger.log.io.github.ankimaven=info"
PROJECT="$TARGET/projects/release-$SIZE"
WORK="$TARGET/work/release-$SIZE"
rm -rf "$PROJECT" "$WORK"
mkdir -p "$PROJECT/src/main/anki" "$WORK" "$TARGET/logs"
cp "$POM" "$PROJECT/pom.xml"
APKG="$PROJECT/target/bench-$SIZE-1.0.0.apkg"

log "release 1: $SIZE notes"
cp "$CSV" "$PROJECT/src/main/anki/cards.csv"
(cd "$PROJECT" && MAVEN_OPTS="$MAVEN_JVM_OPTS $LOG_OPTS" "$MVN" "${MVN_ARGS[@]}" anki:package) > "$TARGET/logs/release-1.log" 2>&1 \
  || { tail -n 20 "$TARGET/logs/release-1.log" >&2; die "release 1 failed"; }
mv "$APKG" "$WORK/release-1.apkg"

read -r RENAMED EDITED < <(python3 "$BENCH_DIR/analyze.py" release-edit "$CSV" "$PROJECT/src/main/anki/cards.csv" "$EVERY")
log "release 2: $RENAMED notes renamed, $EDITED edited, against release 1${MAVEN_JVM_OPTS:+ (MAVEN_OPTS $MAVEN_JVM_OPTS)}"
rm -rf "$PROJECT/target"
status=0
(cd "$PROJECT" && MAVEN_OPTS="$MAVEN_JVM_OPTS $LOG_OPTS" "$TIME_BIN" -o "$WORK/time" -f '%e %U %S %M' \
    "$MVN" "${MVN_ARGS[@]}" anki:package "-Danki.previousRelease=$WORK/release-1.apkg" \
    -Dproject.build.outputTimestamp=2026-02-01T00:00:00Z -Danki.allowBreakingChanges) > "$TARGET/logs/release-2.log" 2>&1 || status=$?
[ "$status" = 0 ] || { tail -n 20 "$TARGET/logs/release-2.log" >&2; die "release 2 failed"; }

grep -E '\[INFO\] (Built|Compared)' "$TARGET/logs/release-2.log" \
  || die "no timing or comparison line from the plugin in $TARGET/logs/release-2.log"
read -r wall user sys rss < "$WORK/time"
awk -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" \
  'BEGIN {printf "release 2: wall %.2f s, CPU %.2f s, peak RSS %.0f MiB\n", w, u + s, m / 1024}'
expected="Compared with release-1.apkg: $RENAMED added, $EDITED changed, $RENAMED removed, $((SIZE - RENAMED - EDITED)) unchanged"
grep -qF "$expected" "$TARGET/logs/release-2.log" || die "expected \"$expected\" in $TARGET/logs/release-2.log"
# The plugin lists the first 1,000 findings of a kind and counts the rest in one more line.
likely=$(grep -c 'looks like' "$TARGET/logs/release-2.log" || true)
listed=$(( RENAMED < 1000 ? RENAMED : 1000 ))
[ "$likely" = "$listed" ] || die "expected $listed likely renames reported one by one, found $likely"
if [ "$RENAMED" -gt 1000 ]; then
  grep -qF "$((RENAMED - 1000)) more warnings \"renamed-note\" in this file, from here on, are not listed ($RENAMED in all" \
    "$TARGET/logs/release-2.log" || die "expected one line counting the other $((RENAMED - 1000)) likely renames"
fi
log "the comparison found exactly the $RENAMED renames (reported as likely renames) and $EDITED edits"
