#!/usr/bin/env bash
# Benchmark of anki-maven-plugin against the floor (sqlite3 .import + zip -6). See bench/README.md.
#
#   bench/run.sh [--sizes 10000,100000,1000000] [--runs 3] [--maven-opts '-Xmx256m']
#                [--profile] [--out FILE] [--skip-build]
#
# Environment: BENCH_MAVEN_OPTS (JVM options of the timed Maven, e.g. -Xmx256m; --maven-opts wins),
# BENCH_TIME (GNU time, default /usr/bin/time), BENCH_USER_REPO (default ~/.m2/repository),
# BENCH_PLUGIN_TIME_REGEX (how to find the plugin's own "… in X s" log line), MVN (default mvn).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
TARGET="$BENCH_DIR/target"

SIZES="10000,100000,1000000"
RUNS=3
MAVEN_JVM_OPTS="${BENCH_MAVEN_OPTS:-}"
PROFILE=0
OUT="$TARGET/results.md"
SKIP_BUILD=0
MVN="${MVN:-mvn}"
TIME_BIN="${BENCH_TIME:-/usr/bin/time}"
USER_REPO="${BENCH_USER_REPO:-$HOME/.m2/repository}"

usage() {
  sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  cat <<'EOF'

  --sizes N,N,...     deck sizes in notes (default 10000,100000,1000000)
  --runs R            timed repetitions per size, each timing (a) then (b) (default 3)
  --maven-opts OPTS   JVM options for the timed Maven process, e.g. '-Xmx256m' (default $BENCH_MAVEN_OPTS)
  --profile           after the timed runs, one extra Maven run of the largest size under Java Flight
                      Recorder; prints where the time goes (bench/target/profile-N.md)
  --out FILE          results file (default bench/target/results.md)
  --skip-build        reuse the plugin already built into plugin/target/it-repo
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES="${2:?--sizes needs a value}"; shift 2 ;;
    --sizes=*) SIZES="${1#*=}"; shift ;;
    --runs) RUNS="${2:?--runs needs a value}"; shift 2 ;;
    --runs=*) RUNS="${1#*=}"; shift ;;
    --maven-opts) MAVEN_JVM_OPTS="${2?--maven-opts needs a value}"; shift 2 ;;
    --maven-opts=*) MAVEN_JVM_OPTS="${1#*=}"; shift ;;
    --profile) PROFILE=1; shift ;;
    --out) OUT="${2:?--out needs a value}"; shift 2 ;;
    --out=*) OUT="${1#*=}"; shift ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --runs must be a positive whole number, not '$RUNS'" >&2; exit 2; }
IFS=',' read -r -a SIZE_LIST <<< "$SIZES"
for n in "${SIZE_LIST[@]}"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --sizes must be positive whole numbers separated by commas, not '$SIZES'" >&2; exit 2; }
done
case "$OUT" in /*) ;; *) OUT="$PWD/$OUT" ;; esac

log() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# Tools. Nothing is installed here: each missing tool is named with the command that installs it.
missing=()
need() { # need TOOL HOW-TO-INSTALL
  command -v "$1" >/dev/null 2>&1 || missing+=("$1: $2")
}
need java "Java 17 or later (Debian/Ubuntu: sudo apt-get install openjdk-17-jdk-headless)"
need "$MVN" "Maven 3.8.7 or later (Debian/Ubuntu: sudo apt-get install maven; or https://maven.apache.org/download.cgi)"
need python3 "Python 3 (Debian/Ubuntu: sudo apt-get install python3; macOS: brew install python)"
need sqlite3 "the sqlite3 command-line shell, 3.32 or later (Debian/Ubuntu: sudo apt-get install sqlite3; macOS: brew install sqlite)"
need zip "Info-ZIP zip (Debian/Ubuntu: sudo apt-get install zip; macOS: preinstalled)"
if ! "$TIME_BIN" -f '%e' true >/dev/null 2>&1; then
  missing+=("GNU time at $TIME_BIN (measures wall, CPU and peak RSS): Debian/Ubuntu: sudo apt-get install time;"
            " macOS: brew install gnu-time, then BENCH_TIME=gtime bench/run.sh ...")
fi
if [ "$PROFILE" = 1 ]; then
  need jfr "the JDK's jfr tool (comes with a full JDK, e.g. sudo apt-get install openjdk-17-jdk-headless), for --profile"
fi
if [ ${#missing[@]} -gt 0 ]; then
  printf '[bench] missing tools; install them and run again:\n' >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 3
fi
SQLITE_VERSION="$(sqlite3 -version | cut -d' ' -f1)"
python3 - "$SQLITE_VERSION" <<'EOF' || die "sqlite3 $SQLITE_VERSION is too old: .import --csv --skip needs 3.32 or later"
import sys
sys.exit(0 if tuple(int(x) for x in sys.argv[1].split(".")[:2]) >= (3, 32) else 1)
EOF
[ -d "$USER_REPO" ] || log "note: $USER_REPO does not exist; the plugin's dependencies will come from Maven Central"

mkdir -p "$TARGET"/{data,projects,logs,work}
M2="$TARGET/m2"                # private local repository: the plugin snapshot never lands in ~/.m2
SETTINGS="$TARGET/settings.xml"

# ---------------------------------------------------------------------------------------------
# Build the plugin and install it (with its dependencies) into plugin/target/it-repo, exactly as
# the integration tests do (invoker:install), then copy that into the private repository.
if [ "$SKIP_BUILD" = 0 ]; then
  log "building the plugin: $MVN -q -B -DskipTests -Dinvoker.skip=false -f plugin/pom.xml pre-integration-test"
  (cd "$ROOT" && "$MVN" -q -B -Dstyle.color=never -DskipTests -Dinvoker.skip=false -f plugin/pom.xml pre-integration-test) \
    > "$TARGET/logs/build.log" 2>&1 || { tail -n 40 "$TARGET/logs/build.log" >&2; die "the plugin did not build (log: $TARGET/logs/build.log)"; }
fi
PROPS="$ROOT/plugin/target/maven-archiver/pom.properties"
[ -f "$PROPS" ] && [ -d "$ROOT/plugin/target/it-repo" ] || die "no built plugin in plugin/target (run without --skip-build)"
PLUGIN_VERSION="$(sed -n 's/^version=//p' "$PROPS")"
rm -rf "$M2/io/github/ankimaven"
mkdir -p "$M2"
cp -R "$ROOT/plugin/target/it-repo/." "$M2/"

USER_REPO_URL="$(python3 -c 'import pathlib,sys; print(pathlib.Path(sys.argv[1]).resolve().as_uri())' "$USER_REPO")"
cat > "$SETTINGS" <<EOF
<settings>
  <!-- Written by bench/run.sh: the user's local repository serves as a file:// remote, so the
       private repository bench/target/m2 can resolve what invoker:install did not copy. -->
  <profiles>
    <profile>
      <id>user-repository</id>
      <repositories>
        <repository><id>user-repository</id><url>$USER_REPO_URL</url></repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository><id>user-repository</id><url>$USER_REPO_URL</url></pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
  <activeProfiles><activeProfile>user-repository</activeProfile></activeProfiles>
</settings>
EOF

MVN_ARGS=(-B -Dstyle.color=never -s "$SETTINGS" "-Dmaven.repo.local=$M2")
# Under -q Maven logs errors only; these let the plugin's own INFO lines (and the mojo's start
# line) through, with timestamps, so the log shows how long the mojo took. They cost nothing
# measurable (a dozen lines).
LOG_OPTS="-Dorg.slf4j.simpleLogger.log.io.github.ankimaven=info"
LOG_OPTS+=" -Dorg.slf4j.simpleLogger.log.org.apache.maven.cli.event.ExecutionEventLogger=info"
LOG_OPTS+=" -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"

write_project() { # write_project DIR NOTES
  local dir="$1" n="$2"
  mkdir -p "$dir/src/main/anki"
  cat > "$dir/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench.decks</groupId>
  <artifactId>bench-$n</artifactId>
  <version>1.0.0</version>
  <packaging>pom</packaging>
  <name>Bench $n</name>
  <properties>
    <project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>
  </properties>
  <build>
    <plugins>
      <plugin>
        <groupId>io.github.ankimaven</groupId>
        <artifactId>anki-maven-plugin</artifactId>
        <version>$PLUGIN_VERSION</version>
      </plugin>
    </plugins>
  </build>
</project>
EOF
}

# ---------------------------------------------------------------------------------------------
# Warm-up, online: resolves everything the plugin needs into the private repository (from
# ~/.m2 via file://, or Maven Central) and checks that the plugin runs. Timed runs are offline.
log "plugin $PLUGIN_VERSION; warm-up run (resolves into $M2)"
WARM="$TARGET/projects/warmup"
rm -rf "$WARM"
write_project "$WARM" 20
python3 "$BENCH_DIR/gen_cards.py" 20 "$WARM/src/main/anki/cards.csv"
(cd "$WARM" && "$MVN" "${MVN_ARGS[@]}" anki:package) > "$TARGET/logs/warmup.log" 2>&1 \
  || { tail -n 40 "$TARGET/logs/warmup.log" >&2; die "the warm-up build failed (log: $TARGET/logs/warmup.log)"; }
(cd "$WARM" && "$MVN" "${MVN_ARGS[@]}" -o -q anki:package) > "$TARGET/logs/warmup-offline.log" 2>&1 \
  || { tail -n 40 "$TARGET/logs/warmup-offline.log" >&2; die "the offline warm-up build failed (log: $TARGET/logs/warmup-offline.log)"; }

# ---------------------------------------------------------------------------------------------
GEN_HASH="$(python3 -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest()[:16])' "$BENCH_DIR/gen_cards.py")"
ensure_csv() { # ensure_csv NOTES -> path; regenerates when missing or made by another gen_cards.py
  local n="$1" csv="$TARGET/data/cards-$1.csv"
  if [ ! -f "$csv" ] || [ "$(cat "$csv.gen" 2>/dev/null)" != "$GEN_HASH" ]; then
    log "generating $n notes -> ${csv#$ROOT/}"
    rm -f "$csv.gen"
    python3 "$BENCH_DIR/gen_cards.py" "$n" "$csv.tmp"
    mv "$csv.tmp" "$csv"
    echo "$GEN_HASH" > "$csv.gen"
  fi
  echo "$csv"
}

file_size() { wc -c < "$1" | tr -d ' '; }
sha() { python3 -c 'import hashlib,sys
h=hashlib.sha256()
with open(sys.argv[1],"rb") as f:
    for b in iter(lambda: f.read(1<<20), b""): h.update(b)
print(h.hexdigest())' "$1"; }

RAW="$TARGET/raw.tsv"
{
  echo "# date = $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "# commit = $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)$(cd "$ROOT" && git diff --quiet HEAD -- plugin 2>/dev/null || echo ' (plugin/ modified)')"
  echo "# plugin = io.github.ankimaven:anki-maven-plugin:$PLUGIN_VERSION"
  echo "# machine = $(uname -sm), $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo 2>/dev/null || echo '? GiB') RAM"
  echo "# java = $(java -version 2>&1 | head -n 1)"
  echo "# maven = $("$MVN" -v 2>/dev/null | head -n 1 | sed 's/\x1b\[[0-9;]*m//g')"
  echo "# sqlite3 = $SQLITE_VERSION"
  echo "# zip = $(zip -v | sed -n 2p | sed 's/^ *//')"
  echo "# runs = $RUNS"
  echo "# maven_opts = $MAVEN_JVM_OPTS"
  echo "# load_at_start = $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*load averages*: //')"
  printf 'notes\trun\ttool\tstatus\twall_s\tuser_s\tsys_s\tmaxrss_kb\tmachine_busy_s\tout_bytes\tcoll_zip_bytes\tsha256\tlog\n'
} > "$RAW"

CLK_TCK="$(getconf CLK_TCK 2>/dev/null || echo 100)"
busy_jiffies() { # CPU time the whole machine spent busy so far (Linux /proc/stat), or nothing
  [ -r /proc/stat ] && awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat
}
timed() { # timed TIMEFILE LOG COMMAND... ; runs COMMAND under GNU time, returns its status
  local tf="$1" lf="$2"; shift 2
  local status=0 before after
  before="$(busy_jiffies || true)"
  "$TIME_BIN" -o "$tf" -f '%e %U %S %M' "$@" > "$lf" 2>&1 || status=$?
  after="$(busy_jiffies || true)"
  # Appends the machine's busy CPU seconds during the run: minus our own CPU, that is what other
  # processes used, which makes the wall times noisy.
  if [ -n "$before" ] && [ -n "$after" ]; then
    awk -v d=$((after - before)) -v t="$CLK_TCK" 'BEGIN {printf "%.2f\n", d / t}' >> "$tf"
  else
    echo "-" >> "$tf"
  fi
  return $status
}
time_fields() { # a GNU time file (+ busy line): "wall user sys maxrss busy" -> tab-separated
  awk 'NF == 4 && $1 ~ /^[0-9.]+$/ {t = $0} NF == 1 {b = $1} END {split(t, f, " "); printf "%s\t%s\t%s\t%s\t%s", f[1], f[2], f[3], f[4], (b == "" ? "-" : b)}' "$1"
}

prepare_size() { # prepare_size N: the project of (a) and the import script of (b)
  local n="$1" csv proj floor
  csv="$(ensure_csv "$n")"
  proj="$TARGET/projects/n$n"
  rm -rf "$proj"
  write_project "$proj" "$n"
  ln "$csv" "$proj/src/main/anki/cards.csv" 2>/dev/null || cp "$csv" "$proj/src/main/anki/cards.csv"
  floor="$TARGET/work/floor-$n"
  mkdir -p "$floor"
  cat > "$floor/import.sql" <<EOF
.bail on
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE cards (term TEXT, definition TEXT, tags TEXT);
BEGIN;
.import --csv --skip 1 '$csv' cards
COMMIT;
EOF
}

time_run() { # time_run N R: run R of (a) and then (b) at N notes
  local n="$1" r="$2" proj floor alog blog apkg out_bytes coll_bytes digest status
  proj="$TARGET/projects/n$n"
  floor="$TARGET/work/floor-$n"
  # (a) the plugin: the whole Maven process, offline.
  rm -rf "$proj/target"
  alog="$TARGET/logs/a-$n-$r.log"
  log "$n notes, run $r/$RUNS: (a) mvn -q -o anki:package ${MAVEN_JVM_OPTS:+(MAVEN_OPTS $MAVEN_JVM_OPTS)}"
  status=0
  (cd "$proj" && timed "$TARGET/work/a.time" "$alog" \
      env MAVEN_OPTS="$MAVEN_JVM_OPTS $LOG_OPTS" "$MVN" "${MVN_ARGS[@]}" -o -q anki:package) || status=$?
  apkg="$proj/target/bench-$n-1.0.0.apkg"
  out_bytes=- coll_bytes=- digest=-
  if [ "$status" = 0 ] && [ -f "$apkg" ]; then
    out_bytes="$(file_size "$apkg")"
    digest="$(sha "$apkg")"
    if [ "$r" = 1 ]; then
      # Our own collection, compressed with zip -6: what the package could be at most.
      rm -f "$TARGET/work/collection.anki2" "$TARGET/work/collection.zip"
      python3 "$BENCH_DIR/analyze.py" extract "$apkg" collection.anki2 "$TARGET/work/collection.anki2"
      (cd "$TARGET/work" && zip -6 -q -X collection.zip collection.anki2)
      coll_bytes="$(file_size "$TARGET/work/collection.zip")"
      rm -f "$TARGET/work/collection.anki2" "$TARGET/work/collection.zip"
    fi
  else
    [ "$status" != 0 ] || status=99
    log "(a) failed with status $status; last lines of $alog:"
    tail -n 15 "$alog" >&2
  fi
  printf '%s\t%s\ta\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$r" "$status" "$(time_fields "$TARGET/work/a.time")" \
    "$out_bytes" "$coll_bytes" "$digest" "$alog" >> "$RAW"
  log "    $(time_fields "$TARGET/work/a.time" | awk -F'\t' '{printf "wall %s s, CPU %.2f s, peak RSS %.0f MiB, other processes %s s CPU", $1, $2+$3, $4/1024, ($5 == "-" ? "?" : sprintf("%.1f", $5-$2-$3))}'), .apkg $out_bytes bytes"

  # (b) the floor: sqlite3 .import in one transaction, then zip -6 of the database.
  rm -f "$floor/floor.db" "$floor/floor.zip"
  blog="$TARGET/logs/b-$n-$r.log"
  log "$n notes, run $r/$RUNS: (b) sqlite3 .import + zip -6"
  status=0
  (cd "$floor" && timed "$TARGET/work/b.time" "$blog" \
      sh -c 'sqlite3 floor.db < import.sql > /dev/null && zip -6 -q -X floor.zip floor.db') || status=$?
  out_bytes=-
  if [ "$status" = 0 ]; then
    out_bytes="$(file_size "$floor/floor.zip")"
  else
    log "(b) failed with status $status; last lines of $blog:"
    tail -n 15 "$blog" >&2
  fi
  printf '%s\t%s\tb\t%s\t%s\t%s\t-\t-\t%s\n' "$n" "$r" "$status" "$(time_fields "$TARGET/work/b.time")" \
    "$out_bytes" "$blog" >> "$RAW"
  log "    $(time_fields "$TARGET/work/b.time" | awk -F'\t' '{printf "wall %s s, CPU %.2f s, peak RSS %.0f MiB, other processes %s s CPU", $1, $2+$3, $4/1024, ($5 == "-" ? "?" : sprintf("%.1f", $5-$2-$3))}'), .zip $out_bytes bytes"
  rm -f "$floor/floor.db"
}

for n in "${SIZE_LIST[@]}"; do
  prepare_size "$n"
done
# Round the sizes, run 1 of each, then run 2…: a slow spell of this kind of machine lasts
# minutes, and so spreads over every size instead of falling on all the runs of one.
for r in $(seq 1 "$RUNS"); do
  for n in "${SIZE_LIST[@]}"; do
    time_run "$n" "$r"
  done
done

mkdir -p "$(dirname "$OUT")"
summary_status=0
python3 "$BENCH_DIR/analyze.py" summarize "$RAW" "$OUT" || summary_status=$?

# ---------------------------------------------------------------------------------------------
# Optional: where the time goes, from Java Flight Recorder samples of one more run.
if [ "$PROFILE" = 1 ]; then
  n="${SIZE_LIST[${#SIZE_LIST[@]}-1]}"
  proj="$TARGET/projects/n$n"
  jfc="$TARGET/work/bench.jfc"
  cat > "$jfc" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0" label="bench" description="Method samples every 10 ms (Java and native), GC, allocation samples">
  <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">10 ms</setting></event>
  <event name="jdk.NativeMethodSample"><setting name="enabled">true</setting><setting name="period">10 ms</setting></event>
  <event name="jdk.GarbageCollection"><setting name="enabled">true</setting><setting name="threshold">0 ms</setting></event>
  <event name="jdk.GCHeapSummary"><setting name="enabled">true</setting></event>
  <event name="jdk.ObjectAllocationSample"><setting name="enabled">true</setting><setting name="throttle">150/s</setting><setting name="stackTrace">true</setting></event>
</configuration>
EOF
  jfr_file="$TARGET/profile-$n.jfr"
  rm -rf "$proj/target" "$jfr_file"
  log "profiling $n notes under Java Flight Recorder -> ${jfr_file#$ROOT/}"
  (cd "$proj" && MAVEN_OPTS="$MAVEN_JVM_OPTS $LOG_OPTS -XX:StartFlightRecording=filename=$jfr_file,settings=$jfc,dumponexit=true" \
      "$MVN" "${MVN_ARGS[@]}" -o -q anki:package) > "$TARGET/logs/profile-$n.log" 2>&1 \
    || { tail -n 20 "$TARGET/logs/profile-$n.log" >&2; die "the profiled run failed"; }
  jfr print --stack-depth 96 --events jdk.ExecutionSample,jdk.NativeMethodSample,jdk.GarbageCollection,jdk.GCHeapSummary,jdk.ObjectAllocationSample \
    "$jfr_file" > "$TARGET/work/profile-$n.txt"
  {
    echo "## Profile: $n notes (one extra run under Java Flight Recorder${MAVEN_JVM_OPTS:+, MAVEN_OPTS $MAVEN_JVM_OPTS})"
    echo
    python3 "$BENCH_DIR/analyze.py" jfr-top "$TARGET/work/profile-$n.txt" 15
    python3 "$BENCH_DIR/analyze.py" gc "$TARGET/work/profile-$n.txt"
    echo
  } > "$TARGET/profile-$n.md"
  rm -f "$TARGET/work/profile-$n.txt"
  cat "$TARGET/profile-$n.md"
  { echo; cat "$TARGET/profile-$n.md"; } >> "$OUT"
fi

log "results: ${OUT#$ROOT/}; raw measurements: ${RAW#$ROOT/}; logs: ${TARGET#$ROOT/}/logs/"
exit "$summary_status"
