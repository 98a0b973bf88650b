#!/usr/bin/env python3
"""Helpers for bench/run.sh (python3 standard library only).

  analyze.py shape CSV...                      shape statistics of card CSVs (cross-check generators)
  analyze.py summarize RAW.tsv OUT.md          results table and target checks from run.sh's measurements
  analyze.py jfr-top JFR_PRINT.txt [TOP]       hot spots from `jfr print` of a recording made with bench.jfc
  analyze.py gc JFR_PRINT.txt                  GC pauses and peak heap used from the same `jfr print` output
  analyze.py extract APKG NAME DEST            extracts one entry of a zip (collection.anki2 from an .apkg)
  analyze.py release-edit IN.csv OUT.csv K     the next release of a deck (release.sh): every K-th note
                                               renamed, the note after it with an edited definition

The plugin's own timing line is found with the regular expression in BENCH_PLUGIN_TIME_REGEX
(default below): group 1 is the number, the optional named group "unit" is "s" (default) or
"ms". It is searched in every line of the timed Maven log; the last match wins.
"""
import collections
import csv
import os
import re
import statistics
import sys
import unicodedata
import zipfile

DEFAULT_PLUGIN_TIME_REGEX = r"\[INFO\] .*\bin (\d+(?:\.\d+)?) ?(?P<unit>ms|s)\b"
TIMESTAMP = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d\d\d) ")
MIB = 1024 * 1024
# A run is noisy when other processes used more than this many cores on average during it.
NOISE_CORES = 0.2

# The targets.
TARGET_RATIO_AT = 1_000_000
TARGET_RATIO = 1.5
TARGET_RSS_MIB = 512
TARGET_PACKAGE_RATIO = 1.1
TARGET_GROWTH_FROM, TARGET_GROWTH_TO, TARGET_GROWTH = 100_000, 1_000_000, 11.0
TARGET_SMALL_AT, TARGET_SMALL_SECONDS = 10_000, 1.0


# ---------------------------------------------------------------------------------------------
# shape

def term_keys(term):
    collapsed = " ".join(unicodedata.normalize("NFC", term).split())
    return (unicodedata.normalize("NFC", collapsed.casefold()),
            unicodedata.normalize("NFC", collapsed.upper().lower()))


def shape(paths):
    for path in paths:
        raw = open(path, "rb").read()
        problems = []
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as e:
            problems.append("not valid UTF-8: %s" % e)
        if raw.startswith(b"\xef\xbb\xbf"):
            problems.append("has a BOM")
        rows = 0
        header = None
        quoted_terms = non_ascii_terms = nfd_terms = multiline = html = 0
        def_lengths = []
        tag_counts = collections.Counter()
        depth = collections.Counter()
        keys_cf, keys_java = set(), set()
        dup = 0
        bad_tags = 0
        physical_lines = raw.count(b"\n")
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.reader(f, strict=True)
            for record in reader:
                if header is None:
                    header = record
                    continue
                rows += 1
                if len(record) != len(header):
                    problems.append("row %d has %d cells" % (rows, len(record)))
                    continue
                term, definition, tags = record
                if any(c in term for c in ',"\n'):
                    quoted_terms += 1
                if any(ord(c) > 127 for c in term):
                    non_ascii_terms += 1
                if unicodedata.normalize("NFC", term) != term:
                    nfd_terms += 1
                if "\n" in definition:
                    multiline += 1
                if any(c in definition for c in "<>&"):
                    html += 1
                def_lengths.append(len(definition))
                tag_list = tags.split()
                tag_counts[len(tag_list)] += 1
                for tag in tag_list:
                    depth[tag.count("::") + 1] += 1
                    if any(level == "" for level in tag.split("::")) or "," in tag or ";" in tag:
                        bad_tags += 1
                kc, kj = term_keys(term)
                if kc in keys_cf or kj in keys_java:
                    dup += 1
                keys_cf.add(kc)
                keys_java.add(kj)
        print("%s:" % path)
        print("  header %s; %d notes; %.1f MiB; %.0f bytes/note; %d physical lines"
              % (",".join(header or []), rows, len(raw) / MIB, len(raw) / max(rows, 1), physical_lines))
        if rows:
            print("  terms: %.1f%% need quoting, %.1f%% non-ASCII, %.1f%% not NFC; duplicates after NFC+space+casefold: %d"
                  % (100 * quoted_terms / rows, 100 * non_ascii_terms / rows, 100 * nfd_terms / rows, dup))
            print("  definitions: %d..%d code points (mean %.0f); %.1f%% multi-line; %.1f%% with < > or &"
                  % (min(def_lengths), max(def_lengths), statistics.mean(def_lengths), 100 * multiline / rows,
                     100 * html / rows))
            print("  tags per note: %s; tag depth: %s; bad tags: %d"
                  % (dict(sorted(tag_counts.items())), dict(sorted(depth.items())), bad_tags))
        for p in problems[:10]:
            print("  PROBLEM: %s" % p)


# ---------------------------------------------------------------------------------------------
# summarize

def parse_log(path):
    """(plugin's own logged seconds, mojo seconds from log timestamps, Maven's Total time, cards); None if absent."""
    pattern = re.compile(os.environ.get("BENCH_PLUGIN_TIME_REGEX") or DEFAULT_PLUGIN_TIME_REGEX)
    logged = mojo_start = mojo_end = total = cards = None
    try:
        lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    except OSError:
        return None, None, None, None
    for line in lines:
        line = line.replace("\x1b[0m", "").replace("\x1b[m", "")
        m = pattern.search(line)
        if m:
            value = float(m.group(1))
            unit = m.groupdict().get("unit") or "s"
            logged = value / 1000 if unit == "ms" else value
        m = re.search(r"\[INFO\] Wrote .*\b([\d,]+) cards?\b", line)
        if m:
            cards = int(m.group(1).replace(",", ""))
        ts = TIMESTAMP.match(line)
        if ts:
            seconds = int(ts.group(1)) * 3600 + int(ts.group(2)) * 60 + int(ts.group(3)) + int(ts.group(4)) / 1000
            if "--- anki-maven-plugin:" in line and ":package " in line:
                mojo_start = seconds
            elif mojo_start is not None and mojo_end is None and ("BUILD SUCCESS" in line or "BUILD FAILURE" in line):
                mojo_end = seconds
        m = re.search(r"Total time:\s+(?:(\d+):)?(\d+(?:\.\d+)?) (s|min)", line)
        if m:
            total = float(m.group(2)) if m.group(3) == "s" else None
            if m.group(3) == "min" and m.group(1):
                total = int(m.group(1)) * 60 + float(m.group(2))
    mojo = None
    if mojo_start is not None and mojo_end is not None:
        mojo = mojo_end - mojo_start
        if mojo < 0:
            mojo += 86400
    return logged, mojo, total, cards


def fnum(value, fmt="%.2f"):
    return "n/a" if value is None else fmt % value


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def summarize(raw_path, out_path):
    meta = {}
    rows = []
    with open(raw_path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            if line.startswith("#"):
                key, _, value = line[1:].partition("=")
                meta[key.strip()] = value.strip()
                continue
            cols = line.split("\t")
            if cols[0] == "notes":
                header = cols
                continue
            rows.append(dict(zip(header, cols)))

    def num(r, k):
        v = r.get(k, "-")
        return None if v in ("-", "", "?", None) else float(v)

    def others_cpu(r):
        busy, user, sys_ = num(r, "machine_busy_s"), num(r, "user_s"), num(r, "sys_s")
        if busy is None or user is None or sys_ is None:
            return None
        return max(0.0, busy - user - sys_)

    # The runs go round the sizes; the tables list them by size, then run.
    rows.sort(key=lambda r: (int(r["notes"]), int(r["run"]), r["tool"]))
    by_size = collections.OrderedDict()
    failures = []
    for r in rows:
        n = int(r["notes"])
        by_size.setdefault(n, {}).setdefault(int(r["run"]), {})[r["tool"]] = r
        if r["status"] != "0":
            failures.append("%s notes, run %s, %s exited with status %s (log: %s)"
                            % (r["notes"], r["run"], r["tool"], r["status"], r["log"]))

    out = []
    out.append("# anki-maven-plugin benchmark results")
    out.append("")
    for key in ("date", "commit", "plugin", "machine", "java", "maven", "sqlite3", "zip", "runs", "maven_opts",
                "load_at_start"):
        if key in meta:
            out.append("- %s: %s" % (key.replace("_", " "), meta[key] or "(none)"))
    out.append("")
    out.append("(a) = `mvn -q -o anki:package` (whole process, default two-card note type); "
               "(b) = floor: `sqlite3` `.import` of the same CSV into one table in one transaction, then `zip -6`. "
               "Wall and CPU (user+sys) in seconds, peak RSS and sizes in MiB; medians over the runs; "
               "a/b = median of the per-run wall-time ratios.")
    out.append("")
    out.append("| notes | cards | (a) wall | (a) CPU | (a) peak RSS | (a) .apkg | (b) wall | (b) CPU | (b) peak RSS | (b) .zip | a/b wall | mojo | plugin logged | collection zip -6 | apkg / coll. zip |")
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    summary = {}
    for n, runs in by_size.items():
        a = [r["a"] for r in runs.values() if "a" in r and r["a"]["status"] == "0"]
        b = [r["b"] for r in runs.values() if "b" in r and r["b"]["status"] == "0"]
        ratios = [num(r["a"], "wall_s") / num(r["b"], "wall_s") for r in runs.values()
                  if "a" in r and "b" in r and r["a"]["status"] == "0" and r["b"]["status"] == "0"
                  and num(r["b"], "wall_s")]
        logs = [parse_log(r["log"]) for r in a]
        coll = [num(r, "coll_zip_bytes") for r in a if num(r, "coll_zip_bytes")]
        s = {
            "cards": med([l[3] for l in logs]),
            "a_wall": med([num(r, "wall_s") for r in a]),
            "a_cpu": med([num(r, "user_s") + num(r, "sys_s") for r in a]),
            "a_rss": med([num(r, "maxrss_kb") / 1024 for r in a]),
            "a_rss_max": max([num(r, "maxrss_kb") / 1024 for r in a], default=None),
            "a_size": med([num(r, "out_bytes") / MIB for r in a]),
            "a_size_bytes": med([num(r, "out_bytes") for r in a]),
            "b_wall": med([num(r, "wall_s") for r in b]),
            "b_cpu": med([num(r, "user_s") + num(r, "sys_s") for r in b]),
            "b_rss": med([num(r, "maxrss_kb") / 1024 for r in b]),
            "b_size": med([num(r, "out_bytes") / MIB for r in b]),
            "ratio": med(ratios),
            "mojo": med([l[1] for l in logs]),
            "logged": med([l[0] for l in logs]),
            "maven_total": med([l[2] for l in logs]),
            "coll_zip": (coll[0] / MIB) if coll else None,
            "reproducible": len({r.get("sha256") for r in a}) == 1 if a else None,
        }
        s["pkg_ratio"] = (s["a_size_bytes"] / coll[0]) if coll and s["a_size_bytes"] else None
        summary[n] = s
        out.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            "{:,}".format(n), "{:,.0f}".format(s["cards"]) if s["cards"] is not None else "n/a",
            fnum(s["a_wall"]), fnum(s["a_cpu"]), fnum(s["a_rss"], "%.0f"), fnum(s["a_size"], "%.1f"),
            fnum(s["b_wall"]), fnum(s["b_cpu"]), fnum(s["b_rss"], "%.0f"), fnum(s["b_size"], "%.1f"),
            fnum(s["ratio"], "%.2f×"), fnum(s["mojo"]), fnum(s["logged"]),
            fnum(s["coll_zip"], "%.1f"), fnum(s["pkg_ratio"], "%.3f×")))
    out.append("")
    out.append("mojo = seconds from Maven's `--- anki-maven-plugin:…:package` line to `BUILD SUCCESS` (log timestamps: "
               "plugin class loading + checks + writing); plugin logged = the plugin's own `… in X s` line, n/a while it "
               "logs none; collection zip -6 = `collection.anki2` extracted from the .apkg and compressed with `zip -6`.")
    out.append("")

    # Target checks.
    checks = []

    def check(ok, text):
        status = "n/a " if ok is None else ("PASS" if ok else "FAIL")
        checks.append("[%s] %s" % (status, text))

    s = summary.get(TARGET_RATIO_AT)
    if s and s["ratio"] is not None:
        check(s["ratio"] <= TARGET_RATIO, "1M notes (2M cards): (a) wall / floor wall = %.2f× (median of per-run ratios; "
              "a %.2f s, b %.2f s), target ≤ %.1f×" % (s["ratio"], s["a_wall"], s["b_wall"], TARGET_RATIO))
    else:
        check(None, "1M notes: a/b wall ≤ %.1f× — size %d not measured (use --sizes …,%d)"
              % (TARGET_RATIO, TARGET_RATIO_AT, TARGET_RATIO_AT))
    # The targets are medians of several runs: the largest median over the sizes, with
    # the worst single run beside it (G1 sometimes grows the heap twice, see README.md).
    median_rss = max(((s["a_rss"], n) for n, s in summary.items() if s["a_rss"] is not None), default=None)
    worst = max(((s["a_rss_max"], n) for n, s in summary.items() if s["a_rss_max"] is not None), default=None)
    if median_rss:
        check(median_rss[0] <= TARGET_RSS_MIB, "peak RSS of the whole Maven process = %.0f MiB (median of the runs at %s "
              "notes; worst run %.0f MiB%s), target ≤ %d MiB" % (median_rss[0], "{:,}".format(median_rss[1]), worst[0],
                                                                 "; MAVEN_OPTS " + meta["maven_opts"] if meta.get("maven_opts")
                                                                 else "; default heap", TARGET_RSS_MIB))
    else:
        check(None, "peak RSS ≤ %d MiB — no successful Maven run" % TARGET_RSS_MIB)
    pk = max(((s["pkg_ratio"], n) for n, s in summary.items() if s["pkg_ratio"] is not None), default=None)
    if pk:
        check(pk[0] <= TARGET_PACKAGE_RATIO, ".apkg / (collection.anki2 zip -6) = %.3f× (worst, at %s notes), target ≤ %.1f×"
              % (pk[0], "{:,}".format(pk[1]), TARGET_PACKAGE_RATIO))
    else:
        check(None, "package size ≤ %.1f× collection zip -6 — not measured" % TARGET_PACKAGE_RATIO)
    lo, hi = summary.get(TARGET_GROWTH_FROM), summary.get(TARGET_GROWTH_TO)
    if lo and hi and lo["a_wall"] and hi["a_wall"]:
        g = hi["a_wall"] / lo["a_wall"]
        check(g <= TARGET_GROWTH, "growth: (a) wall 1M / 100k = %.2f× (%.2f s / %.2f s), target ≤ %.0f× (linear)"
              % (g, hi["a_wall"], lo["a_wall"], TARGET_GROWTH))
    else:
        check(None, "growth 1M / 100k ≤ %.0f× — needs both 100000 and 1000000 in --sizes" % TARGET_GROWTH)
    s = summary.get(TARGET_SMALL_AT)
    if s and s["logged"] is not None:
        check(s["logged"] <= TARGET_SMALL_SECONDS, "10k notes: plugin's own work (check + write, as it logs) = %.2f s, "
              "target ≤ %.1f s" % (s["logged"], TARGET_SMALL_SECONDS))
    elif s:
        check(None, "10k notes: plugin's own work (as it logs) = n/a: no log line matched BENCH_PLUGIN_TIME_REGEX %s (mojo time from log timestamps: "
              "%s s, an upper bound incl. plugin class loading), target ≤ %.1f s"
              % (os.environ.get("BENCH_PLUGIN_TIME_REGEX") or DEFAULT_PLUGIN_TIME_REGEX, fnum(s["mojo"]),
                 TARGET_SMALL_SECONDS))
    else:
        check(None, "10k notes: plugin's own work ≤ %.1f s — size %d not measured" % (TARGET_SMALL_SECONDS, TARGET_SMALL_AT))
    out.append("## Targets")
    out.append("")
    out.append("```")
    out.extend(checks)
    out.append("```")
    out.append("")
    notes = []
    noisy = []
    for r in rows:
        others = others_cpu(r)
        wall = num(r, "wall_s")
        if others is not None and wall and others / wall > NOISE_CORES:
            noisy.append("%s/%s%s: %.1f s" % ("{:,}".format(int(r["notes"])), r["run"], r["tool"], others))
    if noisy:
        notes.append("other processes used the CPU during %d of %d timed runs (more than %.1f of a core on average), "
                     "so those wall times are noisy: %s" % (len(noisy), len(rows), NOISE_CORES, ", ".join(noisy)))
    for n, s in summary.items():
        if s["reproducible"] is False:
            notes.append("%s notes: the .apkg differed between runs (not byte-reproducible)" % "{:,}".format(n))
    if failures:
        notes.extend("FAILED: " + f for f in failures)
    if notes:
        out.append("## Notes")
        out.append("")
        out.extend("- " + x for x in notes)
        out.append("")

    out.append("## Every run")
    out.append("")
    out.append("| notes | run | tool | status | wall s | user s | sys s | peak RSS MiB | output bytes | others' CPU s | Maven total s | mojo s | plugin logged s |")
    out.append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        logged, mojo, total, _ = parse_log(r["log"]) if r["tool"] == "a" else (None, None, None, None)
        out.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            "{:,}".format(int(r["notes"])), r["run"], r["tool"], r["status"], r["wall_s"], r["user_s"], r["sys_s"],
            fnum(num(r, "maxrss_kb") / 1024 if num(r, "maxrss_kb") is not None else None, "%.0f"), r["out_bytes"],
            fnum(others_cpu(r), "%.1f"),
            fnum(total) if r["tool"] == "a" else "", fnum(mojo) if r["tool"] == "a" else "",
            fnum(logged) if r["tool"] == "a" else ""))
    out.append("")
    text = "\n".join(out)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(text)
    print(text)
    return 1 if failures else 0


# ---------------------------------------------------------------------------------------------
# jfr-top

# Categories of the Maven main thread's samples: the leafmost frame matching one of these decides.
CATEGORIES = (
    ("zip the package (PackageZip: Deflater)", r"\.PackageZip\."),
    ("SQLite: indexes + commit (CollectionWriter.finish)", r"\.CollectionWriter\.finish\("),
    ("SQLite: insert batches (CollectionWriter.flush → executeBatch)", r"\.CollectionWriter\.flush\("),
    ("SQLite: open + schema (CollectionWriter.<init>, native library load)", r"\.CollectionWriter\.<init>\("),
    ("tag string (CollectionWriter.tagString)", r"\.CollectionWriter\.tagString\("),
    ("field text: escape, NFC, strip HTML, checksum (AnkiText)", r"\.AnkiText\."),
    ("GUID derivation (StableIds)", r"\.StableIds\."),
    ("checks: term key + duplicate maps (TermKey, DeckChecker)", r"\.(TermKey|DeckChecker)\."),
    ("JDBC parameter binding + addBatch (CollectionWriter.add)", r"\.CollectionWriter\.add\("),
    ("encoding pre-scan of the CSV (EncodingScanner)", r"\.EncodingScanner\."),
    ("CSV parsing + UTF-8 decoding (commons-csv, CardFileReader)", r"org\.apache\.commons\.csv\.|\.CardFileReader"),
    ("other plugin code", r"io\.github\.ankimaven\."),
)


def parse_jfr_print(path):
    """Yields (event type, thread name, [frames leaf first]) from `jfr print` text output."""
    event = thread = None
    frames = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            s = line.strip()
            if event is None:
                m = re.match(r"^(jdk\.\w+) \{$", s)
                if m:
                    event, thread, frames = m.group(1), None, []
                continue
            if s.startswith("sampledThread = ") or s.startswith("eventThread = "):
                m = re.search(r'= "(.*)" \(', s)
                thread = m.group(1) if m else s
            elif s == "stackTrace = [":
                frames = []
            elif s == "]" or s == "}":
                if s == "}":
                    yield event, thread, frames or []
                    event = None
            elif frames is not None and (s.endswith(")") or " line:" in s or s == "..."):
                if s != "...":
                    frames.append(re.sub(r"\s+line: \d+.*$", "", s))


def short(frame):
    m = re.match(r"^(.*)\.([^.(]+)\((.*)\)$", frame)
    if not m:
        return frame
    cls = m.group(1).rsplit(".", 1)[-1]
    return "%s.%s" % (cls, m.group(2))


def jfr_top(path, top=15):
    samples = collections.Counter()
    threads = collections.Counter()
    cat = collections.Counter()
    leaf = collections.Counter()
    inclusive = collections.Counter()
    native_leaf = collections.Counter()
    gc_total = 0.0
    gc_count = 0
    alloc_sites = collections.Counter()
    compiled = [(name, re.compile(p)) for name, p in CATEGORIES]
    for event, thread, frames in parse_jfr_print(path):
        if event in ("jdk.ExecutionSample", "jdk.NativeMethodSample"):
            threads[thread] += 1
            if thread != "main":
                continue
            samples[event] += 1
            category = "Maven + JVM outside the plugin (startup, model building, plugin resolution)"
            for frame in frames:
                hit = next((name for name, rx in compiled if rx.search(frame)), None)
                if hit:
                    category = hit
                    break
            cat[category] += 1
            if frames:
                leaf[short(frames[0])] += 1
                if event == "jdk.NativeMethodSample":
                    native_leaf[short(frames[0])] += 1
            for m in {short(fr) for fr in frames if "io.github.ankimaven." in fr}:
                inclusive[m] += 1
        elif event == "jdk.ObjectAllocationSample" and thread == "main":
            site = next((short(fr) for fr in frames if "io.github.ankimaven." in fr), short(frames[0]) if frames else "?")
            alloc_sites[site] += 1
    total = sum(samples.values())
    out = []
    if not total:
        out.append("no samples of thread main in %s" % path)
        print("\n".join(out))
        return 1
    out.append("Main-thread samples: %d (%d Java, %d in native code; 10 ms apart ≈ %.1f s). Other threads: %s"
               % (total, samples["jdk.ExecutionSample"], samples["jdk.NativeMethodSample"], total / 100,
                  ", ".join("%s %d" % (t, c) for t, c in threads.most_common(6) if t != "main") or "none"))
    out.append("")
    out.append("Where the main thread's time goes (leafmost matching frame decides):")
    out.append("")
    out.append("| share | ≈ s | category |")
    out.append("|---:|---:|---|")
    for name, count in cat.most_common():
        out.append("| %5.1f%% | %.1f | %s |" % (100 * count / total, count / 100, name))
    out.append("")
    out.append("Hottest leaf methods (self time):")
    out.append("")
    out.append("| share | method | |")
    out.append("|---:|---|---|")
    for name, count in leaf.most_common(top):
        out.append("| %5.1f%% | `%s` | %s |" % (100 * count / total, name, "native" if native_leaf[name] else ""))
    out.append("")
    out.append("Plugin methods by inclusive time (on the stack):")
    out.append("")
    out.append("| share | method |")
    out.append("|---:|---|")
    for name, count in inclusive.most_common(top):
        out.append("| %5.1f%% | `%s` |" % (100 * count / total, name))
    out.append("")
    if alloc_sites:
        atotal = sum(alloc_sites.values())
        out.append("Allocation samples by innermost plugin frame (count of samples, not bytes):")
        out.append("")
        for name, count in alloc_sites.most_common(8):
            out.append("- %5.1f%% `%s`" % (100 * count / atotal, name))
        out.append("")
    print("\n".join(out))
    return 0


def gc_summary(path):
    """Sums jdk.GarbageCollection durations and finds the peak heap used from `jfr print` text."""
    pauses = 0.0
    count = 0
    peak = 0
    with open(path, encoding="utf-8", errors="replace") as f:
        ev = None
        for line in f:
            s = line.strip()
            m = re.match(r"^(jdk\.\w+) \{$", s)
            if m:
                ev = m.group(1)
                continue
            if ev == "jdk.GarbageCollection":
                m = re.match(r"^sumOfPauses = ([\d.]+) (ms|s|us)", s)
                if m:
                    v = float(m.group(1))
                    pauses += v / 1000 if m.group(2) == "ms" else (v / 1e6 if m.group(2) == "us" else v)
                    count += 1
            elif ev == "jdk.GCHeapSummary":
                m = re.match(r"^heapUsed = ([\d.]+) (bytes|kB|MB|GB)", s)
                if m:
                    mult = {"bytes": 1, "kB": 1024, "MB": MIB, "GB": 1024 * MIB}[m.group(2)]
                    peak = max(peak, float(m.group(1)) * mult)
    print("GC: %d collections, %.2f s of pauses in total; peak heap used %.0f MiB" % (count, pauses, peak / MIB))
    return 0


def extract(apkg, name, dest):
    with zipfile.ZipFile(apkg) as z, z.open(name) as src, open(dest, "wb") as out:
        while True:
            chunk = src.read(1 << 20)
            if not chunk:
                break
            out.write(chunk)
    return 0


def release_edit(source, dest, every):
    """Renames the term of rows 0, K, 2K… (a new GUID: one added and one removed note, a likely
    rename) and edits the definition of the row after each (a changed note). Prints the counts."""
    renamed = edited = 0
    with open(source, newline="", encoding="utf-8") as src, open(dest, "w", newline="", encoding="utf-8") as out:
        reader = csv.reader(src)
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(next(reader))
        for index, row in enumerate(reader):
            if index % every == 0:
                row[0] += " (renamed)"
                renamed += 1
            elif index % every == 1:
                row[1] += " (edited)"
                edited += 1
            writer.writerow(row)
    print("%d %d" % (renamed, edited))
    return 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "shape":
        shape(argv[2:])
        return 0
    if len(argv) == 4 and argv[1] == "summarize":
        return summarize(argv[2], argv[3])
    if len(argv) in (3, 4) and argv[1] == "jfr-top":
        return jfr_top(argv[2], int(argv[3]) if len(argv) == 4 else 15)
    if len(argv) == 3 and argv[1] == "gc":
        return gc_summary(argv[2])
    if len(argv) == 5 and argv[1] == "extract":
        return extract(argv[2], argv[3], argv[4])
    if len(argv) == 5 and argv[1] == "release-edit":
        return release_edit(argv[2], argv[3], int(argv[4]))
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
