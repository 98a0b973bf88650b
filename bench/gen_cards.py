#!/usr/bin/env python3
"""Deterministic card CSV generator for the benchmark (python3 standard library only).

Usage: gen_cards.py N OUT.csv

Writes N notes as a UTF-8 CSV (no BOM, RFC 4180 quoting, LF line ends) with the header
``term,definition,tags``, which the plugin matches case-insensitively to the default note
type's fields ``Term``, ``Definition`` and the optional ``tags`` column.

The rows look like a real, slightly messy glossary deck:

* terms: ASCII phrases of 1-4 words, some capitalised; accented Latin, Greek and Cyrillic
  words; Chinese, Japanese and Korean; emoji; some in decomposed Unicode (NFD) form; some
  containing a comma or double quotes, so the CSV must quote them. Every term is unique after
  Unicode NFC, whitespace collapsing and case folding (the plugin's duplicate key; the plugin
  fails the build on a duplicate), checked with both Python's casefold() and the
  upper-then-lower mapping the plugin uses;
* definitions: 40-320 code points of sentences, some with commas, double quotes, characters
  that need HTML escaping (<, >, &), non-ASCII text and embedded line breaks (multi-line
  quoted cells);
* tags: 1-3 distinct tags per note, space-separated; about half hierarchical with ``::``
  (up to 3 levels, never an empty level), some non-ASCII; never a space, comma or semicolon.

The output depends only on N: one seeded random stream is consumed row by row, so the same N
always gives the same bytes, and the first K rows for a larger N equal the rows for N = K.
Memory grows with N (the set of terms already used, about 150 bytes a note).
"""
import csv
import random
import sys
import unicodedata

SEED = 0x414E4B49  # "ANKI"

NOUNS = (
    "access list", "address", "affinity", "agent", "alias", "allocator", "api", "appliance",
    "arbiter", "backplane", "bandwidth", "baseline", "bucket", "bus", "capsule", "carrier",
    "catalog", "certificate", "checkpoint", "circuit", "claim", "clock", "cohort", "command",
    "compactor", "console", "contract", "controller", "core", "counter", "credential", "crossbar",
    "descriptor", "device", "directory", "disk", "dispatcher", "drain", "edge", "element",
    "emulator", "enclave", "envelope", "extent", "fabric", "factory", "feed", "filter",
    "firmware", "flow", "footprint", "gauge", "grant", "guest", "harness", "header", "hint",
    "host", "hotspot", "image", "inbox", "ingress", "initiator", "interconnect", "invariant",
    "keyring", "label", "lane", "layer", "lifecycle", "link", "loader", "locator", "loop",
    "manager", "marker", "membrane", "message", "metric", "microcode", "mount", "multiplexer",
    "notifier", "object", "observer", "operator", "overlay", "page", "pairing", "panel",
    "parity", "path", "peer", "permit", "pin", "pipe", "placement", "plane", "port",
    "preemption", "prefix", "primitive", "producer", "prompt", "provider", "publisher",
    "quantum", "rack", "ramp", "range", "rank", "record", "relay", "remote", "renderer",
    "request", "reservation", "ring", "rollback", "rotation", "rule", "sampler", "scope",
    "sector", "sensor", "service", "session", "setpoint", "sidecar", "sink", "slab", "slot",
    "source", "spool", "stage", "stamp", "state", "store", "strategy", "stripe", "subscriber",
    "supervisor", "surface", "table", "target", "template", "terminal", "tier", "timer",
    "trace", "trampoline", "transport", "trap", "trigger", "trunk", "unit", "uplink",
    "validator", "vault", "view", "visor", "wafer", "waiter", "window", "worker", "wrapper",
)
ADJECTIVES = (
    "adaptive", "atomic", "blocking", "bounded", "cached", "cold", "composite", "concurrent",
    "consistent", "dedicated", "default", "deferred", "direct", "dirty", "distributed",
    "durable", "dynamic", "elastic", "encrypted", "ephemeral", "exclusive", "external",
    "fair", "federated", "fixed", "global", "hardware", "hashed", "hidden", "hot", "idle",
    "immutable", "implicit", "incremental", "indirect", "inline", "isolated", "lazy", "leaky",
    "linear", "local", "logical", "lossy", "managed", "nested", "non-blocking", "optimistic",
    "ordered", "orphaned", "paged", "paravirtual", "partial", "passive", "persistent",
    "physical", "pinned", "primary", "private", "privileged", "public", "read-only",
    "redundant", "reentrant", "remote", "replicated", "reserved", "rolling", "scalable",
    "secondary", "secure", "shadow", "shared", "sparse", "stale", "static", "sticky",
    "strict", "synchronous", "tagged", "thin", "transient", "trusted", "unified", "virtual",
    "volatile", "warm", "weak", "zero-copy",
)
LATIN = (
    "Ångström", "Bézier", "Gödel", "Poincaré", "Erdős", "Dijkstra", "Lovász", "Kőnig", "Čech",
    "Fréchet", "Möbius", "Schrödinger", "Ramón", "Curaçao", "Göteborg", "Wrocław", "Þór",
    "Øresund", "Mañana", "Crème", "Façade", "Naïveté", "Coördinate", "Smørrebrød", "Straße",
    "Ärger", "Œuvre", "Ñandú", "Saint-Étienne", "Dvořák", "Łukasiewicz", "Hölder", "Čapek",
)
GREEK_CYRILLIC = (
    "λάμβδα", "σύστημα", "δίκτυο", "μνήμη", "πυρήνας", "Ἀθῆναι", "ΣΟΦΊΑ", "ψηφίο",
    "память", "ядро", "сеть", "поток", "очередь", "Ёлка", "шина", "узел", "Київ", "Єдність",
)
CJK = (
    "仮想化", "仮想マシン", "記憶装置", "排他制御", "割り込み", "ページング", "スケジューラ",
    "キャッシュ", "分散処理", "负载均衡", "虚拟内存", "进程", "线程池", "数据中心", "云计算",
    "容器", "防火墙", "가상화", "하이퍼바이저", "메모리", "네트워크", "클러스터", "스토리지",
)
EMOJI = ("🖥️", "🧮", "🛰️", "🔐", "🧵", "📡", "🗄️", "⚙️", "🧊", "🪣", "🔁", "📦", "🚦", "🧯")
# Written decomposed (NFD); the plugin stores the NFC form and compares terms after NFC.
DECOMPOSED = tuple(unicodedata.normalize("NFD", w) for w in (
    "éclair", "Noël", "Zoë", "Ålesund", "São Tomé", "Hà Nội", "Bắc Ninh", "Ürümqi",
))
OTHER_SCRIPTS = ("नेटवर्क", "ভার্চুয়াল", "קבצים", "شبكة", "เครือข่าย", "ქსელი", "ցանց")

SUBJECTS = (
    "The {n}", "A {a} {n}", "Each {n}", "This {n}", "Every {a} {n}", "The {a} {n}",
    "Any {n} on the {n2}", "One {n} per {n2}",
)
VERBS = (
    "keeps track of", "hands off", "guards", "rewrites", "batches", "forwards", "replays",
    "evicts", "pins", "coalesces", "mirrors", "validates", "throttles", "schedules",
    "maps", "serialises", "drains", "copies", "signs", "resolves",
)
OBJECTS = (
    "the {n2}", "every {a} {n2}", "a {n2} at a time", "the {n2} of the {n3}",
    "pending {n2}s", "one {n2} per {n3}", "the {a} {n2}",
)
TAILS = (
    ".", ".", ".", " before the {n3} sees it.", " so the {n3} stays small.",
    ", unless the {n3} is {a}.", " (see also: {n3}).", ", which costs about {k} µs.",
    "; in practice, {k}% of the time.",
)
EXTRAS = (
    'Often written as "{n}" in older manuals.',
    "Rule of thumb: size < {k} KiB && latency > {k2} ms means trouble.",
    "Compare: <{n}> vs. <{n2}> in the config file.",
    "Mnemonic: {e} → {n}.",
    "Also known as {l} or, in the lab, {c}.",
    "Example: {n}, {n2}, {n3}.",
    "Not to be confused with the {a} {n2} — a common exam trap.",
    "Say it: « {l} », 「{c}」, „{g}“.",
    "Cost: O(n log n) for n {n}s; ~{k}% overhead.",
    "Tip: A & B must both hold; if not, the {n} retries.",
)

TAG_TOPICS = (
    "virtualization", "storage", "network", "security", "os", "cloud", "hardware", "db",
    "distributed", "kernel", "compilers", "theory", "exam", "chapter", "lecture", "lab",
    "review", "source",
)
TAG_SUBTOPICS = (
    "basics", "advanced", "hypervisors", "containers", "paging", "scheduling", "raid", "tcp",
    "routing", "crypto", "auth", "consensus", "replication", "sql", "transactions", "week01",
    "week02", "week07", "week12", "ch03", "ch11", "hard", "easy", "medium", "todo", "leech",
    "verified", "ja", "de", "fr", "仮想化", "réseau", "Ядро",
)


def java_like_key(term):
    """The plugin's TermKey: NFC, whitespace collapsed, full upper- then lower-case, NFC."""
    collapsed = " ".join(unicodedata.normalize("NFC", term).split())
    return unicodedata.normalize("NFC", collapsed.upper().lower())


def casefold_key(term):
    """The usual Unicode duplicate key: NFC, whitespace collapsed, case folded."""
    return unicodedata.normalize("NFC", " ".join(unicodedata.normalize("NFC", term).split()).casefold())


class Generator:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.seen = set()

    def words(self, k):
        rng = self.rng
        out = []
        for _ in range(k):
            out.append(rng.choice(ADJECTIVES) if rng.random() < 0.35 else rng.choice(NOUNS))
        return out

    def base_term(self):
        rng = self.rng
        r = rng.random()
        if r < 0.50:
            term = " ".join(self.words(rng.randint(1, 4)))
            if rng.random() < 0.25:
                term = term[:1].upper() + term[1:]
            elif rng.random() < 0.04:
                term = term.upper()
        elif r < 0.62:
            term = rng.choice(LATIN) + " " + rng.choice(NOUNS)
        elif r < 0.68:
            term = rng.choice(GREEK_CYRILLIC) + " " + rng.choice(NOUNS)
        elif r < 0.78:
            term = rng.choice(CJK) + rng.choice(CJK)
            if rng.random() < 0.4:
                term += "（" + rng.choice(NOUNS) + "）"
        elif r < 0.82:
            term = rng.choice(EMOJI) + " " + rng.choice(NOUNS)
        elif r < 0.85:
            term = rng.choice(DECOMPOSED) + " " + rng.choice(NOUNS)
        elif r < 0.87:
            term = rng.choice(OTHER_SCRIPTS) + " " + rng.choice(NOUNS)
        elif r < 0.94:
            # Needs quoting: a comma.
            term = rng.choice(NOUNS) + ", " + rng.choice(ADJECTIVES)
        else:
            # Needs quoting: double quotes.
            term = '"' + rng.choice(ADJECTIVES) + '" ' + rng.choice(NOUNS)
        return term

    def unique_term(self):
        term = self.base_term()
        candidate = term
        # Deterministic disambiguation: a counter in brackets, "term [2]", "term [3]", ...
        k = 1
        while True:
            keys = (casefold_key(candidate), java_like_key(candidate))
            if keys[0] not in self.seen and keys[1] not in self.seen:
                self.seen.update(keys)
                return candidate
            k += 1
            candidate = "%s [%d]" % (term, k)

    def fill(self, template):
        rng = self.rng
        return template.format(
            n=rng.choice(NOUNS), n2=rng.choice(NOUNS), n3=rng.choice(NOUNS),
            a=rng.choice(ADJECTIVES), e=rng.choice(EMOJI), l=rng.choice(LATIN),
            c=rng.choice(CJK), g=rng.choice(GREEK_CYRILLIC),
            k=rng.randint(1, 999), k2=rng.randint(1, 99),
        )

    def sentence(self):
        rng = self.rng
        if rng.random() < 0.2:
            return self.fill(rng.choice(EXTRAS))
        return self.fill(rng.choice(SUBJECTS) + " " + rng.choice(VERBS) + " "
                         + rng.choice(OBJECTS) + rng.choice(TAILS))

    def definition(self):
        rng = self.rng
        target = rng.randint(40, 320)
        text = self.sentence()
        while len(text) < target:
            r = rng.random()
            sep = "\n" if r < 0.05 else ("\n\n" if r < 0.06 else " ")
            text += sep + self.sentence()
        if len(text) > 320:
            cut = text.rfind(" ", 40, 319)
            text = (text[:cut] if cut > 0 else text[:319]).rstrip() + "…"
        return text

    def tags(self):
        rng = self.rng
        tags = []
        lowered = set()
        for _ in range(rng.randint(1, 3)):
            r = rng.random()
            if r < 0.5:
                tag = rng.choice(TAG_TOPICS)
            elif r < 0.88:
                tag = rng.choice(TAG_TOPICS) + "::" + rng.choice(TAG_SUBTOPICS)
            else:
                tag = "%s::%s::%s" % (rng.choice(TAG_TOPICS), rng.choice(TAG_SUBTOPICS),
                                      rng.choice(TAG_SUBTOPICS))
            if tag.lower() not in lowered:
                lowered.add(tag.lower())
                tags.append(tag)
        return " ".join(tags)

    def row(self):
        return [self.unique_term(), self.definition(), self.tags()]


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: gen_cards.py N OUT.csv\n")
        return 2
    try:
        n = int(argv[1])
    except ValueError:
        n = -1
    if n < 0:
        sys.stderr.write("gen_cards.py: N must be a whole number >= 0, not %r\n" % argv[1])
        return 2
    gen = Generator()
    with open(argv[2], "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(["term", "definition", "tags"])
        for _ in range(n):
            writer.writerow(gen.row())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
