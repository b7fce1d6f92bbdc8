import { code, md, MODELS } from "./text";
import type { SeedItem } from "./types";

const { alpha, beta, deep, gpt } = MODELS;

export const pythonItems: SeedItem[] = [
  // ---------------------------------------------------------------------------------------------
  {
    id: "py-parse-duration",
    language: "python",
    prompt: md`
I need a small helper for our CLI config: parse human-friendly durations like \`"1h30m"\`, \`"45s"\`, \`"2d"\` or \`"1d2h3m4s"\` into a \`datetime.timedelta\`.

Rules:
- units are \`d\`, \`h\`, \`m\`, \`s\`, each at most once and in that order
- the **whole** string must be a valid duration; anything else (including an empty string) raises \`ValueError\`
- values are non-negative integers

\`\`\`python
def parse_duration(text: str) -> timedelta: ...
\`\`\`
`,
    responses: [
      {
        id: "py-parse-duration-a",
        model: deep,
        content: code`
import re
from datetime import timedelta

_DURATION_RE = re.compile(
    r"(?:(?P<days>\d+)d)?"
    r"(?:(?P<hours>\d+)h)?"
    r"(?:(?P<minutes>\d+)m)?"
    r"(?:(?P<seconds>\d+)s)?"
)


def parse_duration(text: str) -> timedelta:
    """Parse strings like '1d2h3m4s' into a timedelta.

    Raises ValueError for empty or malformed input.
    """
    match = _DURATION_RE.fullmatch(text.strip())
    if not match or not any(match.groupdict().values()):
        raise ValueError(f"invalid duration: {text!r}")
    parts = {name: int(value) for name, value in match.groupdict().items() if value}
    return timedelta(**parts)
`,
      },
      {
        id: "py-parse-duration-b",
        model: alpha,
        content: code`
import re
from datetime import timedelta


def parse_duration(text):
    # find all number+unit pairs and add them up
    units = {"d": 86400, "h": 3600, "m": 60, "s": 1}
    total = 0
    for value, unit in re.findall(r"(\d+)([dhms])", text):
        total += int(value) * units[unit]
    return timedelta(seconds=total)
`,
        flaw:
          "Never validates the whole string: '' and 'abc' return timedelta(0) instead of raising, '1h30' silently drops the trailing 30, repeated/out-of-order units ('5m1h5m') are accepted.",
      },
      {
        id: "py-parse-duration-c",
        model: beta,
        content: code`
import re
from datetime import timedelta

# Validate the overall shape first, then extract the components.
_VALID = re.compile(r"^(\d+[dhms]?)+$")
_PART = re.compile(r"(\d+)([dhms])")
_SECONDS = {"d": 86400, "h": 3600, "m": 60, "s": 1}


def parse_duration(text: str) -> timedelta:
    if not _VALID.match(text):
        raise ValueError(f"invalid duration: {text!r}")
    total = 0
    seen = set()
    for value, unit in _PART.findall(text):
        if unit in seen:
            raise ValueError(f"duplicate unit {unit!r} in {text!r}")
        seen.add(unit)
        total += int(value) * _SECONDS[unit]
    return timedelta(seconds=total)
`,
        flaw:
          "Catastrophic backtracking: the unit is optional, so ^(\\d+[dhms]?)+$ degenerates to (\\d+)+ — 24 digits followed by an invalid character already take over a second and each extra digit doubles that (ReDoS). The validator also accepts '1h30' (trailing number ignored) and doesn't enforce unit order.",
      },
    ],
    tests: {
      "py-parse-duration-a": { passed: 14, total: 14 },
      "py-parse-duration-b": { passed: 9, total: 14 },
      "py-parse-duration-c": { passed: 11, total: 14 },
    },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "py-merge-intervals",
    language: "python",
    prompt: md`
Write a Python function that merges overlapping intervals.

\`\`\`python
def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
\`\`\`

- Input intervals are closed \`[start, end]\` and can arrive in any order.
- Intervals that overlap **or touch** must be merged, e.g. \`(1, 3)\` and \`(3, 5)\` → \`(1, 5)\`.
- Don't modify the caller's list; return a new list sorted by start.
`,
    responses: [
      {
        id: "py-merge-intervals-a",
        model: gpt,
        content: code`
def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping or touching closed intervals.

    O(n log n) because of the sort; the caller's list is left untouched.
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            prev_start, prev_end = merged[-1]
            merged[-1] = (prev_start, max(prev_end, end))
        else:
            merged.append((start, end))
    return merged
`,
      },
      {
        id: "py-merge-intervals-b",
        model: alpha,
        content: code`
def merge_intervals(intervals):
    # sort the intervals by start time first
    intervals = sorted(intervals, key=lambda x: x[0])
    result = []
    i = 0
    while i < len(intervals):
        start = intervals[i][0]
        end = intervals[i][1]
        j = i + 1
        while j < len(intervals) and intervals[j][0] < end:
            end = max(end, intervals[j][1])
            j += 1
        result.append((start, end))
        i = j
    return result
`,
        flaw:
          "Uses `<` instead of `<=` when extending the current interval, so touching intervals (1, 3) and (3, 5) stay separate, contrary to the spec. C-style index loops instead of iterating.",
      },
      {
        id: "py-merge-intervals-c",
        model: deep,
        content: code`
def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if not intervals:
        return []

    intervals.sort(key=lambda iv: iv[0])
    merged = [intervals[0]]

    for start, end in intervals[1:]:
        last_start, last_end = merged[-1]
        if start <= last_end:
            merged[-1] = (last_start, max(last_end, end))
        else:
            merged.append((start, end))

    return merged
`,
        flaw:
          "Sorts the caller's list in place (`intervals.sort`), which the prompt explicitly forbids; merging logic itself is correct.",
      },
    ],
    tests: {
      "py-merge-intervals-a": { passed: 12, total: 12 },
      "py-merge-intervals-b": { passed: 9, total: 12 },
      "py-merge-intervals-c": { passed: 11, total: 12 },
    },
    gold: { preference: -2, responses: ["py-merge-intervals-a", "py-merge-intervals-b"] },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "py-lru-cache",
    language: "python",
    prompt: md`
Implement an LRU cache class in Python **without** \`functools.lru_cache\`:

\`\`\`python
class LRUCache:
    def __init__(self, capacity: int): ...
    def get(self, key: int) -> int: ...        # -1 if missing
    def put(self, key: int, value: int) -> None: ...
\`\`\`

Both \`get\` and \`put\` must be O(1). When the cache is full, inserting a **new** key evicts the least recently used entry; both \`get\` and \`put\` count as a use.
`,
    responses: [
      {
        id: "py-lru-cache-a",
        model: deep,
        content: code`
class _Node:
    __slots__ = ("key", "value", "prev", "next")

    def __init__(self, key=0, value=0):
        self.key = key
        self.value = value
        self.prev = None
        self.next = None


class LRUCache:
    # Hash map for O(1) lookup + doubly linked list (with sentinels) for O(1) reordering.
    def __init__(self, capacity: int):
        self.capacity = capacity
        self.map: dict[int, _Node] = {}
        self.head = _Node()  # most recently used side
        self.tail = _Node()  # least recently used side
        self.head.next = self.tail
        self.tail.prev = self.head

    def _unlink(self, node: _Node) -> None:
        node.prev.next = node.next
        node.next.prev = node.prev

    def _push_front(self, node: _Node) -> None:
        node.prev = self.head
        node.next = self.head.next
        self.head.next.prev = node
        self.head.next = node

    def get(self, key: int) -> int:
        node = self.map.get(key)
        if node is None:
            return -1
        self._unlink(node)
        self._push_front(node)
        return node.value

    def put(self, key: int, value: int) -> None:
        node = self.map.get(key)
        if node is not None:
            node.value = value
            self._unlink(node)
            self._push_front(node)
            return
        if len(self.map) == self.capacity:
            lru = self.tail.prev
            self._unlink(lru)
            del self.map[lru.key]
        node = _Node(key, value)
        self.map[key] = node
        self._push_front(node)
`,
        flaw:
          "Minor: capacity=0 is not handled — the first put tries to evict the head sentinel and crashes with AttributeError. Otherwise correct and O(1).",
      },
      {
        id: "py-lru-cache-b",
        model: beta,
        content: code`
class LRUCache:

    def __init__(self, capacity):
        self.capacity = capacity
        self.cache = {}

    def get(self, key):
        if key in self.cache:
            # re-insert to mark as most recently used
            value = self.cache.pop(key)
            self.cache[key] = value
            return value
        return -1

    def put(self, key, value):
        if len(self.cache) >= self.capacity:
            # dicts keep insertion order, so the first key is the LRU one
            oldest = next(iter(self.cache))
            del self.cache[oldest]
        self.cache.pop(key, None)
        self.cache[key] = value
`,
        flaw:
          "Eviction check runs before checking whether the key already exists: updating an existing key while the cache is full evicts an unrelated LRU entry, so the cache silently shrinks below capacity.",
      },
      {
        id: "py-lru-cache-c",
        model: gpt,
        content: code`
from collections import OrderedDict


class LRUCache:
    """LRU cache backed by an OrderedDict (most recently used entries at the end)."""

    def __init__(self, capacity: int):
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self._data: OrderedDict[int, int] = OrderedDict()

    def get(self, key: int) -> int:
        if key not in self._data:
            return -1
        self._data.move_to_end(key)
        return self._data[key]

    def put(self, key: int, value: int) -> None:
        if key in self._data:
            self._data.move_to_end(key)
        self._data[key] = value
        if len(self._data) > self.capacity:
            self._data.popitem(last=False)
`,
      },
      {
        id: "py-lru-cache-d",
        model: alpha,
        content: code`
class LRUCache:
    def __init__(self, capacity: int):
        self.capacity = capacity
        self.cache = {}
        self.order = []  # least recently used first

    def get(self, key: int) -> int:
        if key not in self.cache:
            return -1
        self.order.remove(key)
        self.order.append(key)
        return self.cache[key]

    def put(self, key: int, value: int) -> None:
        if key in self.cache:
            self.order.remove(key)
        elif len(self.cache) >= self.capacity:
            oldest = self.order.pop(0)
            del self.cache[oldest]
        self.cache[key] = value
        self.order.append(key)
`,
        flaw:
          "Behaviour is correct but every get/put does list.remove / list.pop(0), which is O(capacity); the prompt requires O(1), and a full 10k-entry cache gets quadratic overall.",
      },
    ],
    tests: {
      "py-lru-cache-a": { passed: 16, total: 16 },
      "py-lru-cache-b": { passed: 13, total: 16 },
      "py-lru-cache-c": { passed: 16, total: 16 },
      "py-lru-cache-d": { passed: 15, total: 16 },
    },
    scores: {
      "py-lru-cache-a": 1.74,
      "py-lru-cache-b": 1.21,
      "py-lru-cache-c": 2.08,
      "py-lru-cache-d": 0.93,
    },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "py-tail-lines",
    language: "python",
    prompt: md`
Write \`tail(path: str, n: int = 10) -> list[str]\` that returns the last \`n\` lines of a text file without their trailing newlines, like \`tail -n\`.

Our log files can be several GB, so please don't load the whole file into memory. \`n = 0\` should return an empty list.
`,
    responses: [
      {
        id: "py-tail-lines-a",
        model: gpt,
        content: code`
import os


def tail(path: str, n: int = 10, block_size: int = 8192) -> list[str]:
    # Read fixed-size blocks backwards from the end until we've seen more than n newlines,
    # so only the end of the file is ever read.
    if n <= 0:
        return []
    with open(path, "rb") as f:
        f.seek(0, os.SEEK_END)
        pos = f.tell()
        data = b""
        while pos > 0 and data.count(b"\n") <= n:
            read = min(block_size, pos)
            pos -= read
            f.seek(pos)
            data = f.read(read) + data
    lines = data.split(b"\n")
    return [line.decode("utf-8", errors="replace") for line in lines[-n:]]
`,
        flaw:
          "Off-by-one: when the file ends with a newline (almost always for logs), split() yields a trailing empty string, so the result is the last n-1 lines plus ''. Also scans the buffer with data.count on every block (quadratic in the amount read for huge n).",
      },
      {
        id: "py-tail-lines-b",
        model: alpha,
        content: code`
def tail(path, n=10):
    # read the file and return the last n lines
    f = open(path, "r")
    lines = f.readlines()
    result = []
    for line in lines[-n:]:
        result.append(line.strip())
    return result
`,
        flaw:
          "Reads the whole multi-GB file into memory; file handle is never closed; n=0 returns every line because lines[-0:] is lines[0:]; strip() also removes leading indentation.",
      },
      {
        id: "py-tail-lines-c",
        model: deep,
        content: code`
from collections import deque


def tail(path: str, n: int = 10) -> list[str]:
    """Return the last n lines of a file.

    Streams the file line by line and keeps only n lines in a bounded deque,
    so memory stays O(n) regardless of file size.
    """
    if n <= 0:
        return []
    with open(path, "r", encoding="utf-8", errors="replace") as f:
        last = deque(f, maxlen=n)
    return [line.rstrip("\n") for line in last]
`,
      },
    ],
    tests: {
      "py-tail-lines-a": { passed: 5, total: 9 },
      "py-tail-lines-b": { passed: 6, total: 9 },
      "py-tail-lines-c": { passed: 9, total: 9 },
    },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "py-token-bucket",
    language: "python",
    prompt: md`
I need a thread-safe token-bucket rate limiter for outgoing API calls in a Python service. Several worker threads share one instance:

\`\`\`python
limiter = TokenBucket(rate=5, capacity=10)  # 5 tokens/second, bursts up to 10

def worker():
    if limiter.allow():
        call_api()
\`\`\`

\`allow()\` must not block; it returns \`True\` if a token was consumed.
`,
    responses: [
      {
        id: "py-token-bucket-a",
        model: deep,
        content: code`
import threading
import time


class TokenBucket:
    def __init__(self, rate: float, capacity: int) -> None:
        self.rate = rate
        self.capacity = capacity
        self._tokens = float(capacity)
        self._last = time.monotonic()
        self._lock = threading.Lock()

    def _refill(self) -> None:
        now = time.monotonic()
        self._tokens = min(self.capacity, self._tokens + (now - self._last) * self.rate)
        self._last = now

    def allow(self) -> bool:
        self._refill()
        if self._tokens < 1:
            return False
        with self._lock:
            self._tokens -= 1
        return True
`,
        flaw:
          "Race condition: the refill and the `< 1` check happen outside the lock, so two threads can both see one token and both consume it (tokens go negative, bursts exceed capacity); concurrent _refill calls can also double-count elapsed time.",
      },
      {
        id: "py-token-bucket-b",
        model: gpt,
        content: code`
import threading
import time


class TokenBucket:
    """Token bucket: refills \`rate\` tokens per second, holds at most \`capacity\`."""

    def __init__(self, rate: float, capacity: int):
        if rate <= 0 or capacity <= 0:
            raise ValueError("rate and capacity must be positive")
        self.rate = float(rate)
        self.capacity = float(capacity)
        self._tokens = float(capacity)
        self._updated = time.monotonic()  # monotonic: immune to wall-clock jumps
        self._lock = threading.Lock()

    def allow(self, cost: float = 1.0) -> bool:
        with self._lock:
            now = time.monotonic()
            self._tokens = min(self.capacity, self._tokens + (now - self._updated) * self.rate)
            self._updated = now
            if self._tokens >= cost:
                self._tokens -= cost
                return True
            return False
`,
      },
      {
        id: "py-token-bucket-c",
        model: alpha,
        content: code`
import time


class TokenBucket:
    def __init__(self, rate, capacity):
        self.rate = rate
        self.capacity = capacity
        self.tokens = capacity
        self.last_refill = time.time()

    def allow(self):
        now = time.time()
        self.tokens += (now - self.last_refill) * self.rate
        if self.tokens > self.capacity:
            self.tokens = self.capacity
        self.last_refill = now

        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False
`,
        flaw:
          "Not thread-safe at all (the GIL does not make the read-check-decrement sequence atomic), although the prompt says several threads share the instance; uses time.time(), so an NTP/wall-clock jump backwards removes tokens and forwards grants a burst.",
      },
    ],
    scores: {
      "py-token-bucket-a": 1.62,
      "py-token-bucket-b": 1.95,
      "py-token-bucket-c": 0.41,
    },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "py-slugify",
    language: "python",
    prompt: md`
Write \`slugify(title: str) -> str\` for blog post URLs:

- only lowercase ASCII letters, digits and single hyphens
- accented letters are transliterated, not dropped: \`"Crème Brûlée"\` → \`"creme-brulee"\`
- any run of other characters becomes **one** hyphen; no leading/trailing hyphens
- \`"  Hello,   World! "\` → \`"hello-world"\`
`,
    responses: [
      {
        id: "py-slugify-a",
        model: alpha,
        content: code`
import re


def slugify(title):
    # remove special characters, then replace spaces with hyphens
    slug = title.lower().strip()
    slug = re.sub(r"[^\w\s-]", "", slug)
    slug = re.sub(r"[\s_-]+", "-", slug)
    slug = re.sub(r"^-+|-+$", "", slug)
    return slug
`,
        flaw:
          "In Python 3 \\w is Unicode-aware, so 'Crème Brûlée' becomes 'crème-brûlée' (non-ASCII slug); punctuation between words is deleted rather than turned into a hyphen ('Q&A' -> 'qa', 'foo/bar' -> 'foobar').",
      },
      {
        id: "py-slugify-b",
        model: beta,
        content: code`
import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(title: str) -> str:
    """Turn a post title into a URL slug.

    >>> slugify("Crème Brûlée")
    'creme-brulee'
    >>> slugify("  Hello,   World! ")
    'hello-world'
    """
    # NFKD splits "é" into "e" + a combining accent, which the ASCII encode then drops.
    normalized = unicodedata.normalize("NFKD", title)
    ascii_text = normalized.encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub("-", ascii_text.lower()).strip("-")
`,
      },
      {
        id: "py-slugify-c",
        model: deep,
        content: code`
import re
import unicodedata


def slugify(title: str) -> str:
    # Transliterate accents (é -> e), then keep only [a-z0-9-].
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    text = text.lower().strip()
    text = re.sub(r"\s+", "-", text)        # spaces -> hyphens
    text = re.sub(r"[^a-z0-9-]", "", text)  # drop everything else
    return text.strip("-")
`,
        flaw:
          "Hyphen runs are not collapsed: 'Q&A - Part 2' -> 'qa---part-2'; punctuation without surrounding spaces glues words together ('C++/Rust' -> 'crust').",
      },
    ],
    scores: {
      "py-slugify-a": 0.88,
      "py-slugify-b": 1.47,
      "py-slugify-c": 1.12,
    },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "py-retry-decorator",
    language: "python",
    prompt: md`
Write a \`retry\` decorator for flaky network calls:

\`\`\`python
@retry(attempts=3, exceptions=(ConnectionError, TimeoutError), base_delay=0.5)
def fetch_profile(user_id): ...
\`\`\`

- \`attempts\` is the **total** number of calls, so \`attempts=3\` means at most 3 calls
- exponential backoff: wait \`base_delay\`, then \`2 * base_delay\`, … between attempts; don't sleep after the last failure
- if every attempt fails, re-raise the last exception; other exception types propagate immediately
- keep the wrapped function's \`__name__\` and docstring
`,
    responses: [
      {
        id: "py-retry-decorator-a",
        model: beta,
        content: code`
import time


def retry(attempts=3, exceptions=(Exception,), base_delay=0.5):
    def decorator(func):
        def wrapper(*args, **kwargs):
            for i in range(attempts):
                try:
                    return func(*args, **kwargs)
                except exceptions:
                    if i < attempts - 1:
                        time.sleep(base_delay * (2 ** i))
            # all attempts failed, re-raise the last error
            raise
        return wrapper
    return decorator
`,
        flaw:
          "The bare `raise` runs after the except block has finished, so there is no active exception: callers get `RuntimeError: No active exception to reraise` instead of the last ConnectionError. Also drops functools.wraps (name/docstring lost).",
      },
      {
        id: "py-retry-decorator-b",
        model: gpt,
        content: code`
import functools
import logging
import time

log = logging.getLogger(__name__)


def retry(attempts=3, exceptions=(Exception,), base_delay=0.5):
    """Call the decorated function up to \`attempts\` times in total."""
    if attempts < 1:
        raise ValueError("attempts must be >= 1")

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(1, attempts + 1):
                try:
                    return func(*args, **kwargs)
                except exceptions as exc:
                    if attempt == attempts:
                        raise
                    delay = base_delay * 2 ** (attempt - 1)
                    log.warning("%s failed (%s); retry %d/%d in %.2fs",
                                func.__name__, exc, attempt, attempts - 1, delay)
                    time.sleep(delay)

        return wrapper

    return decorator
`,
      },
      {
        id: "py-retry-decorator-c",
        model: deep,
        content: code`
import functools
import time
from typing import Callable, Tuple, Type


def retry(
    attempts: int = 3,
    exceptions: Tuple[Type[BaseException], ...] = (Exception,),
    base_delay: float = 0.5,
) -> Callable:
    def decorator(func: Callable) -> Callable:
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            delay = base_delay
            last_exc = None
            for _ in range(attempts + 1):
                try:
                    return func(*args, **kwargs)
                except exceptions as exc:
                    last_exc = exc
                    time.sleep(delay)
                    delay *= 2
            raise last_exc

        return wrapper

    return decorator
`,
        flaw:
          "Off-by-one: range(attempts + 1) makes 4 calls for attempts=3 (treats the value as retries, not total attempts), and it still sleeps after the final failure before raising.",
      },
    ],
    scores: {
      "py-retry-decorator-a": 0.74,
      "py-retry-decorator-b": 1.83,
      "py-retry-decorator-c": 1.36,
    },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "py-first-seen-users",
    language: "python",
    prompt: md`
We load ~5 million event dicts per day from a Parquet file:

\`\`\`python
events = [
    {"user_id": "u_812", "ts": 1718000000, "type": "click"},
    {"user_id": "u_17",  "ts": 1718000004, "type": "view"},
    ...
]
\`\`\`

Write \`first_seen_order(events) -> list[str]\` that returns each distinct \`user_id\` once, in the order of its first appearance. Events without a \`user_id\` key should be skipped.
`,
    responses: [
      {
        id: "py-first-seen-users-a",
        model: beta,
        content: code`
def first_seen_order(events):
    # collect the user ids in order, skipping duplicates
    result = []
    for i in range(len(events)):
        event = events[i]
        if "user_id" not in event:
            continue
        if event["user_id"] not in result:
            result.append(event["user_id"])
    return result
`,
        flaw:
          "`x not in result` scans a list, so this is O(events × distinct users) — with millions of events and ~100k users it runs for hours. Unidiomatic index loop.",
      },
      {
        id: "py-first-seen-users-b",
        model: gpt,
        content: code`
from typing import Iterable, Mapping


def first_seen_order(events: Iterable[Mapping[str, str]]) -> list[str]:
    """Distinct user ids in order of first appearance.

    dicts preserve insertion order (3.7+), so dict.fromkeys de-duplicates in O(n)
    while keeping the first occurrence of each id.
    """
    return list(dict.fromkeys(
        event["user_id"] for event in events if "user_id" in event
    ))
`,
      },
      {
        id: "py-first-seen-users-c",
        model: alpha,
        content: code`
def first_seen_order(events):
    """Return distinct user ids in first-appearance order (O(n) time)."""
    seen = set()
    ordered = []
    for event in events:
        user_id = event.get("user_id")
        if user_id is None or user_id in seen:
            continue
        seen.add(user_id)
        ordered.append(user_id)
    return ordered
`,
      },
    ],
    scores: {
      "py-first-seen-users-a": 0.69,
      "py-first-seen-users-b": 1.28,
      "py-first-seen-users-c": 1.31,
    },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "py-slack-alert",
    language: "python",
    prompt: md`
Our cron jobs should post to a Slack channel when they fail. Write \`send_alert(text: str) -> None\` using \`requests\` and a Slack incoming webhook.

The cron hosts sometimes have a flaky network. Sending an alert must never crash or hang the job itself, but failures to send should be logged. The repo is shared with contractors.
`,
    responses: [
      {
        id: "py-slack-alert-a",
        model: alpha,
        content: code`
import json
import requests

SLACK_WEBHOOK = "https://hooks.slack.com/services/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"


def send_alert(text):
    # send the message to slack
    payload = {"text": text}
    try:
        requests.post(SLACK_WEBHOOK, data=json.dumps(payload), headers={"Content-Type": "application/json"})
    except:
        pass
`,
        flaw:
          "Hard-coded webhook URL: the URL is the credential, so anyone with repo access can post to the channel. No timeout, so a stalled connection hangs the cron job forever; the bare except swallows everything (even KeyboardInterrupt) and logs nothing; HTTP errors are never checked.",
      },
      {
        id: "py-slack-alert-b",
        model: beta,
        content: code`
import logging
import os

import requests

logger = logging.getLogger(__name__)


def send_alert(text: str) -> None:
    """Send an alert to Slack. Errors are logged, never raised."""
    webhook_url = os.getenv("SLACK_WEBHOOK_URL")
    if not webhook_url:
        logger.warning("SLACK_WEBHOOK_URL is not configured, skipping alert")
        return

    try:
        response = requests.post(webhook_url, json={"text": text}, timeout=10)
        response.raise_for_status()
    except requests.RequestException:
        logger.exception("Failed to send Slack alert")
`,
        flaw:
          "Subtle secret leak: logger.exception records the exception message, and requests puts the full URL in it ('... for url: https://hooks.slack.com/services/...', 'Max retries exceeded with url: /services/...'), so every failed alert writes the webhook credential to the job logs. Otherwise solid.",
      },
      {
        id: "py-slack-alert-c",
        model: gpt,
        content: code`
import logging
import os

import requests

log = logging.getLogger(__name__)


def send_alert(text: str) -> None:
    """Post \`text\` to Slack. Never raises: a broken alert must not break the job."""
    url = os.environ.get("SLACK_WEBHOOK_URL")
    if not url:
        log.warning("SLACK_WEBHOOK_URL not set; alert dropped: %s", text)
        return
    try:
        # (connect, read) timeouts so a stalled network can't hang the cron job
        resp = requests.post(url, json={"text": text[:3000]}, timeout=(3.05, 10))
    except requests.RequestException as exc:
        # Don't log str(exc): requests includes the URL, and the URL is the credential.
        log.error("Slack alert failed: %s", type(exc).__name__)
        return
    if not resp.ok:
        log.error("Slack alert rejected: HTTP %d %s", resp.status_code, resp.text[:200])
`,
      },
    ],
    scores: {
      "py-slack-alert-a": 0.52,
      "py-slack-alert-b": 1.74,
      "py-slack-alert-c": 1.88,
    },
  },
];
