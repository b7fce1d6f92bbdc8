import { goCode, md, MODELS } from "./text";
import type { SeedItem } from "./types";

const { alpha, beta, deep, gpt } = MODELS;

export const goItems: SeedItem[] = [
  // ---------------------------------------------------------------------------------------------
  {
    id: "go-worker-pool",
    language: "go",
    prompt: md`
Write a Go function that processes image IDs with a bounded number of workers:

\`\`\`go
func ProcessAll(ctx context.Context, ids []string, workers int,
    process func(context.Context, string) (Result, error)) ([]Result, error)
\`\`\`

- run at most \`workers\` calls of \`process\` concurrently
- return results in input order
- on the first error, cancel the remaining work and return that error
- it must not leak goroutines when it returns early (this runs inside a long-lived server)
`,
    responses: [
      {
        id: "go-worker-pool-a",
        model: alpha,
        content: goCode`
func ProcessAll(ctx context.Context, ids []string, workers int, process func(context.Context, string) (Result, error)) ([]Result, error) {
    jobs := make(chan int, len(ids))
    errs := make(chan error)
    results := make([]Result, len(ids))
    var wg sync.WaitGroup

    for w := 0; w < workers; w++ {
        wg.Add(1)
        go func() {
            defer wg.Done()
            for i := range jobs {
                r, err := process(ctx, ids[i])
                if err != nil {
                    errs <- err
                    return
                }
                results[i] = r
            }
        }()
    }

    for i := range ids {
        jobs <- i
    }
    close(jobs)

    done := make(chan struct{})
    go func() {
        wg.Wait()
        close(done)
    }()

    select {
    case err := <-errs:
        return nil, err
    case <-done:
        return results, nil
    }
}
`,
        flaw:
          "Goroutine leak: after the first error is received nobody reads `errs`, so any other worker that fails blocks forever on the unbuffered send, and the wg.Wait goroutine leaks with it. Nothing is cancelled on error (ctx is passed through unchanged), so workers that haven't failed keep processing the remaining jobs. workers <= 0 returns zero-value results with a nil error.",
      },
      {
        id: "go-worker-pool-b",
        model: gpt,
        content: goCode`
package imgproc

import (
    "context"
    "sync"
)

type Result struct {
    ID   string
    Size int64
}

func ProcessAll(ctx context.Context, ids []string, workers int, process func(context.Context, string) (Result, error)) ([]Result, error) {
    if workers < 1 {
        workers = 1
    }
    ctx, cancel := context.WithCancel(ctx)
    defer cancel()
    results := make([]Result, len(ids))
    jobs := make(chan int)
    var (
        wg       sync.WaitGroup
        errOnce  sync.Once
        firstErr error
    )

    for w := 0; w < workers; w++ {
        wg.Add(1)
        go func() {
            defer wg.Done()
            for i := range jobs {
                res, err := process(ctx, ids[i])
                if err != nil {
                    errOnce.Do(func() { firstErr = err; cancel() })
                    continue
                }
                results[i] = res // each index is written by exactly one goroutine
            }
        }()
    }

feed:
    for i := range ids {
        select {
        case jobs <- i:
        case <-ctx.Done():
            break feed
        }
    }
    close(jobs)
    wg.Wait() // every worker has exited before we return

    if firstErr != nil {
        return nil, firstErr
    }
    if err := ctx.Err(); err != nil {
        return nil, err // parent context was cancelled
    }
    return results, nil
}
`,
      },
      {
        id: "go-worker-pool-c",
        model: beta,
        content: goCode`
package imgproc

import (
    "context"
    "sync"
)

// ProcessAll uses a semaphore channel to bound concurrency.
func ProcessAll(ctx context.Context, ids []string, workers int, process func(context.Context, string) (Result, error)) ([]Result, error) {
    var (
        wg      sync.WaitGroup
        results = make([]Result, len(ids))
        lastErr error
    )
    sem := make(chan struct{}, workers)

    for i, id := range ids {
        if lastErr != nil {
            break
        }
        wg.Add(1)
        sem <- struct{}{}
        go func(i int, id string) {
            defer wg.Done()
            defer func() { <-sem }()
            res, err := process(ctx, id)
            if err != nil {
                lastErr = err
                return
            }
            results[i] = res
        }(i, id)
    }
    wg.Wait()

    if lastErr != nil {
        return nil, lastErr
    }
    return results, nil
}
`,
        flaw:
          "Data race on lastErr: written by worker goroutines and read by the loop without synchronisation (`go test -race` reports it). In-flight calls are never cancelled because ctx isn't wrapped with WithCancel. workers = 0 deadlocks on the semaphore send.",
      },
    ],
    tests: {
      "go-worker-pool-a": { passed: 5, total: 8 },
      "go-worker-pool-b": { passed: 8, total: 8 },
      "go-worker-pool-c": { passed: 7, total: 8 },
    },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "go-health-check",
    language: "go",
    prompt: md`
I need a Go helper that checks a list of health-check URLs concurrently and reports which ones are down:

\`\`\`go
func CheckAll(ctx context.Context, urls []string, timeout time.Duration) map[string]error
\`\`\`

A URL is "up" if it answers with any 2xx status within \`timeout\`. The map must contain an entry for **every** URL (\`nil\` = up). This runs every 30 seconds inside a long-lived daemon.
`,
    responses: [
      {
        id: "go-health-check-a",
        model: gpt,
        content: goCode`
package health

import (
    "context"
    "fmt"
    "io"
    "net/http"
    "sync"
    "time"
)

var client = &http.Client{}

func CheckAll(ctx context.Context, urls []string, timeout time.Duration) map[string]error {
    results := make(map[string]error, len(urls))
    var (
        mu sync.Mutex
        wg sync.WaitGroup
    )
    for _, u := range urls {
        wg.Add(1)
        go func(u string) {
            defer wg.Done()
            err := check(ctx, u, timeout)
            mu.Lock()
            results[u] = err
            mu.Unlock()
        }(u)
    }
    wg.Wait()
    return results
}

func check(ctx context.Context, url string, timeout time.Duration) error {
    ctx, cancel := context.WithTimeout(ctx, timeout)
    defer cancel()

    req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
    if err != nil {
        return err
    }
    resp, err := client.Do(req)
    if err != nil {
        return err
    }
    defer resp.Body.Close()
    // Drain a bounded amount so the keep-alive connection is reused on the next run.
    _, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))

    if resp.StatusCode < 200 || resp.StatusCode > 299 {
        return fmt.Errorf("unexpected status %d", resp.StatusCode)
    }
    return nil
}
`,
      },
      {
        id: "go-health-check-b",
        model: alpha,
        content: goCode`
func CheckAll(ctx context.Context, urls []string, timeout time.Duration) map[string]error {
    results := make(map[string]error)
    var wg sync.WaitGroup

    for _, url := range urls {
        wg.Add(1)
        go func(u string) {
            defer wg.Done()
            client := http.Client{Timeout: timeout}
            resp, err := client.Get(u)
            if err != nil {
                results[u] = err
                return
            }
            if resp.StatusCode != 200 {
                results[u] = fmt.Errorf("status %d", resp.StatusCode)
                return
            }
            results[u] = nil
        }(url)
    }

    wg.Wait()
    return results
}
`,
        flaw:
          "Concurrent writes to a plain map from many goroutines (race; can crash with 'fatal error: concurrent map writes'); resp.Body is never closed, leaking a connection and file descriptor per URL every 30 s; ctx is ignored; 2xx codes other than 200 (e.g. 204 No Content) are reported as down.",
      },
      {
        id: "go-health-check-c",
        model: deep,
        content: goCode`
package health

import (
    "context"
    "fmt"
    "net/http"
    "time"
)

func CheckAll(ctx context.Context, urls []string, timeout time.Duration) map[string]error {
    type result struct {
        url string
        err error
    }
    ch := make(chan result)

    for _, u := range urls {
        go func(u string) {
            reqCtx, cancel := context.WithTimeout(ctx, timeout)
            defer cancel()
            req, err := http.NewRequestWithContext(reqCtx, http.MethodGet, u, nil)
            if err == nil {
                var resp *http.Response
                resp, err = http.DefaultClient.Do(req)
                if err == nil {
                    resp.Body.Close()
                    if resp.StatusCode/100 != 2 {
                        err = fmt.Errorf("%s: status %s", u, resp.Status)
                    }
                }
            }
            ch <- result{u, err}
        }(u)
    }

    out := make(map[string]error, len(urls))
    for range urls {
        select {
        case r := <-ch:
            out[r.url] = r.err
        case <-ctx.Done():
            return out
        }
    }
    return out
}
`,
        flaw:
          "Goroutine leak: if ctx is cancelled the function returns early and every still-running checker blocks forever on the unbuffered `ch` send; the early return also violates 'an entry for every URL'. Closing the body without draining prevents keep-alive reuse (minor).",
      },
    ],
    scores: {
      "go-health-check-a": 2.03,
      "go-health-check-b": 0.52,
      "go-health-check-c": 1.88,
    },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "go-top-words",
    language: "go",
    prompt: md`
Write \`TopWords(r io.Reader, k int) ([]WordCount, error)\` in Go. It returns the \`k\` most frequent words (case-insensitive, split on whitespace), sorted by count descending, ties broken alphabetically.

The input is a log-like text file that can be a few hundred MB, with plenty of unique tokens (request IDs, timestamps). Some lines are very long JSON blobs.
`,
    responses: [
      {
        id: "go-top-words-a",
        model: beta,
        content: goCode`
func TopWords(r io.Reader, k int) ([]WordCount, error) {
    counts := make(map[string]int)
    scanner := bufio.NewScanner(r)
    for scanner.Scan() {
        for _, w := range strings.Fields(scanner.Text()) {
            counts[strings.ToLower(w)]++
        }
    }

    result := make([]WordCount, 0, len(counts))
    for w, c := range counts {
        result = append(result, WordCount{Word: w, Count: c})
    }
    sort.Slice(result, func(i, j int) bool {
        if result[i].Count == result[j].Count {
            return result[i].Word < result[j].Word
        }
        return result[i].Count > result[j].Count
    })

    if len(result) > k {
        result = result[:k]
    }
    return result, nil
}
`,
        flaw:
          "Ignores scanner.Err(): the first line longer than 64 KiB (bufio.MaxScanTokenSize) stops the scan with ErrTooLong and the function silently returns counts for a truncated prefix with a nil error. A negative k panics with slice bounds out of range.",
      },
      {
        id: "go-top-words-b",
        model: deep,
        content: goCode`
package wordfreq

import (
    "bufio"
    "io"
    "sort"
    "strings"
)

type WordCount struct {
    Word  string
    Count int
}

func TopWords(r io.Reader, k int) ([]WordCount, error) {
    if k <= 0 {
        return nil, nil
    }
    counts := make(map[string]int)
    sc := bufio.NewScanner(r)
    sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024) // allow very long tokens
    sc.Split(bufio.ScanWords)
    for sc.Scan() {
        counts[strings.ToLower(sc.Text())]++
    }
    if err := sc.Err(); err != nil {
        return nil, err
    }

    words := make([]WordCount, 0, len(counts))
    for w, c := range counts {
        words = append(words, WordCount{w, c})
    }
    sort.Slice(words, func(i, j int) bool {
        if words[i].Count != words[j].Count {
            return words[i].Count > words[j].Count
        }
        return words[i].Word < words[j].Word
    })
    if len(words) > k {
        words = words[:k]
    }
    return words, nil
}
`,
      },
      {
        id: "go-top-words-c",
        model: alpha,
        content: goCode`
func TopWords(r io.Reader, k int) ([]WordCount, error) {
    data, err := io.ReadAll(r)
    if err != nil {
        return nil, err
    }
    counts := map[string]int{}
    for _, w := range strings.Fields(string(data)) {
        counts[strings.ToLower(w)]++
    }

    var list []WordCount
    for w, c := range counts {
        list = append(list, WordCount{w, c})
    }
    // sort by count (descending), then alphabetically
    for i := 0; i < len(list); i++ {
        for j := 0; j < len(list)-1-i; j++ {
            a, b := list[j], list[j+1]
            if a.Count < b.Count || (a.Count == b.Count && a.Word > b.Word) {
                list[j], list[j+1] = list[j+1], list[j]
            }
        }
    }
    if k > len(list) {
        k = len(list)
    }
    return list[:k], nil
}
`,
        flaw:
          "Bubble sort over all distinct words is O(u²) — with millions of unique request IDs this never finishes, where sort.Slice or a size-k heap would be O(u log u)/O(u log k). io.ReadAll plus string(data) holds two copies of a multi-hundred-MB file. Negative k panics.",
      },
    ],
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "go-ttl-cache",
    language: "go",
    prompt: md`
Implement a small in-memory cache with per-entry TTL in Go. It is used from many goroutines in an HTTP server:

\`\`\`go
var c Cache // the zero value must be ready to use
c.Set("session:42", data, 10*time.Minute)
v, ok := c.Get("session:42")
\`\`\`

Expired entries must never be returned. Memory shouldn't grow forever with expired keys, but we don't want a background goroutine per cache: our tests create thousands of caches and check for goroutine leaks.
`,
    responses: [
      {
        id: "go-ttl-cache-a",
        model: alpha,
        content: goCode`
type item struct {
    value    interface{}
    expireAt time.Time
}

type Cache struct {
    mu    sync.RWMutex
    items map[string]item
}

func (c *Cache) Set(key string, value interface{}, ttl time.Duration) {
    c.mu.Lock()
    defer c.mu.Unlock()
    if c.items == nil {
        c.items = make(map[string]item)
    }
    c.items[key] = item{value: value, expireAt: time.Now().Add(ttl)}
}

func (c *Cache) Get(key string) (interface{}, bool) {
    c.mu.RLock()
    defer c.mu.RUnlock()
    it, ok := c.items[key]
    if !ok {
        return nil, false
    }
    if time.Now().After(it.expireAt) {
        delete(c.items, key) // clean up expired entry
        return nil, false
    }
    return it.value, true
}
`,
        flaw:
          "Race condition: Get deletes from the map while holding only the read lock, so concurrent readers mutate the map simultaneously (race detector; possible 'concurrent map writes' crash). Expired keys that are never read again are never removed.",
      },
      {
        id: "go-ttl-cache-b",
        model: gpt,
        content: goCode`
package cache

import (
    "sync"
    "time"
)

type entry struct {
    value     any
    expiresAt time.Time
}

// Cache is safe for concurrent use. The zero value is an empty cache.
type Cache struct {
    mu        sync.Mutex
    items     map[string]entry
    nextSweep time.Time
}

const sweepInterval = time.Minute

func (c *Cache) Set(key string, value any, ttl time.Duration) {
    now := time.Now()
    c.mu.Lock()
    defer c.mu.Unlock()
    if c.items == nil {
        c.items = make(map[string]entry)
    }
    c.items[key] = entry{value: value, expiresAt: now.Add(ttl)}

    // Amortised cleanup instead of a janitor goroutine: at most one full scan per interval.
    if now.After(c.nextSweep) {
        for k, e := range c.items {
            if !now.Before(e.expiresAt) {
                delete(c.items, k)
            }
        }
        c.nextSweep = now.Add(sweepInterval)
    }
}

func (c *Cache) Get(key string) (any, bool) {
    c.mu.Lock()
    defer c.mu.Unlock()
    e, ok := c.items[key]
    if !ok {
        return nil, false
    }
    if !time.Now().Before(e.expiresAt) {
        delete(c.items, key)
        return nil, false
    }
    return e.value, true
}
`,
      },
      {
        id: "go-ttl-cache-c",
        model: beta,
        content: goCode`
type Cache struct {
    sync.RWMutex
    data map[string]cacheEntry
}

type cacheEntry struct {
    val     any
    expires int64
}

func NewCache() *Cache {
    return &Cache{data: make(map[string]cacheEntry)}
}

func (c *Cache) Set(key string, val any, ttl time.Duration) {
    c.Lock()
    c.data[key] = cacheEntry{val, time.Now().Add(ttl).UnixNano()}
    c.Unlock()
}

func (c *Cache) Get(key string) (any, bool) {
    c.RLock()
    e, ok := c.data[key]
    c.RUnlock()
    if !ok || time.Now().UnixNano() > e.expires {
        return nil, false
    }
    return e.val, true
}
`,
        flaw:
          "The zero value is not usable: `var c Cache; c.Set(...)` panics with 'assignment to entry in nil map' (only NewCache initialises the map). Expired entries are never deleted, so memory grows without bound. Embedding sync.RWMutex exports Lock/Unlock on the cache type.",
      },
      {
        id: "go-ttl-cache-d",
        model: deep,
        content: goCode`
type Cache struct {
    mu    sync.RWMutex
    items map[string]entry
    once  sync.Once
}

type entry struct {
    value     any
    expiresAt time.Time
}

// init lazily creates the map and a janitor that purges expired entries every minute.
func (c *Cache) init() {
    c.items = make(map[string]entry)
    go func() {
        ticker := time.NewTicker(time.Minute)
        for range ticker.C {
            c.mu.Lock()
            now := time.Now()
            for k, e := range c.items {
                if now.After(e.expiresAt) {
                    delete(c.items, k)
                }
            }
            c.mu.Unlock()
        }
    }()
}

func (c *Cache) Set(key string, value any, ttl time.Duration) {
    c.once.Do(c.init)
    c.mu.Lock()
    c.items[key] = entry{value, time.Now().Add(ttl)}
    c.mu.Unlock()
}

func (c *Cache) Get(key string) (any, bool) {
    c.once.Do(c.init)
    c.mu.RLock()
    defer c.mu.RUnlock()
    e, ok := c.items[key]
    if !ok || time.Now().After(e.expiresAt) {
        return nil, false
    }
    return e.value, true
}
`,
        flaw:
          "Goroutine leak: each cache starts a janitor goroutine that can never be stopped (no Close, ticker never stopped) and keeps the Cache reachable forever — exactly what the prompt ruled out. Otherwise correct.",
      },
    ],
    tests: {
      "go-ttl-cache-a": { passed: 7, total: 9 },
      "go-ttl-cache-b": { passed: 9, total: 9 },
      "go-ttl-cache-c": { passed: 6, total: 9 },
      "go-ttl-cache-d": { passed: 8, total: 9 },
    },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "go-parse-cents",
    language: "go",
    prompt: md`
Write \`ParseCents(s string) (int64, error)\` for our billing service. It converts a decimal amount string to integer cents:

| input     | output |
|-----------|--------|
| \`"12.34"\` | \`1234\` |
| \`"0.5"\`   | \`50\`   |
| \`"-3.07"\` | \`-307\` |
| \`"7"\`     | \`700\`  |

Reject more than two decimal places, empty strings, and anything that doesn't fit in an \`int64\`. This is money, so the result must be exact.
`,
    responses: [
      {
        id: "go-parse-cents-a",
        model: alpha,
        content: goCode`
func ParseCents(s string) (int64, error) {
    if s == "" {
        return 0, errors.New("empty amount")
    }
    f, err := strconv.ParseFloat(s, 64)
    if err != nil {
        return 0, err
    }
    if f > math.MaxInt64/100 || f < math.MinInt64/100 {
        return 0, errors.New("amount out of range")
    }
    return int64(f * 100), nil
}
`,
        flaw:
          "Goes through float64 and truncates: ParseCents(\"0.29\") == 28 and \"1.15\" == 114 because 0.29*100 is 28.999999999999996. Also accepts \"1.999\" (silently truncated) and \"1e3\", and the float range check is inexact at the boundary: \"92233720368547758.07\" overflows to math.MinInt64.",
      },
      {
        id: "go-parse-cents-b",
        model: gpt,
        content: goCode`
package billing

import (
    "errors"
    "fmt"
    "math"
    "strconv"
    "strings"
)

var ErrInvalidAmount = errors.New("invalid amount")

// ParseCents converts "123.45" to 12345 without going through float64.
func ParseCents(s string) (int64, error) {
    neg := strings.HasPrefix(s, "-")
    body := strings.TrimPrefix(s, "-")

    whole, frac, hasDot := strings.Cut(body, ".")
    if whole == "" || (hasDot && (frac == "" || len(frac) > 2)) || !allDigits(whole) || !allDigits(frac) {
        return 0, fmt.Errorf("%w: %q", ErrInvalidAmount, s)
    }
    for len(frac) < 2 {
        frac += "0"
    }

    cents, _ := strconv.ParseInt(frac, 10, 64) // two validated digits
    units, err := strconv.ParseInt(whole, 10, 64)
    if err != nil || units > (math.MaxInt64-cents)/100 {
        return 0, fmt.Errorf("%w: %q out of range", ErrInvalidAmount, s)
    }

    total := units*100 + cents
    if neg {
        total = -total
    }
    return total, nil
}

func allDigits(s string) bool {
    for i := 0; i < len(s); i++ {
        if s[i] < '0' || s[i] > '9' {
            return false
        }
    }
    return true
}
`,
      },
      {
        id: "go-parse-cents-c",
        model: beta,
        content: goCode`
func ParseCents(s string) (int64, error) {
    parts := strings.Split(s, ".")
    if len(parts) > 2 || parts[0] == "" {
        return 0, fmt.Errorf("invalid amount %q", s)
    }

    whole, err := strconv.ParseInt(parts[0], 10, 64)
    if err != nil {
        return 0, fmt.Errorf("invalid amount %q: %w", s, err)
    }

    var frac int64
    if len(parts) == 2 {
        f := parts[1]
        if len(f) == 0 || len(f) > 2 {
            return 0, fmt.Errorf("invalid amount %q: too many decimals", s)
        }
        if len(f) == 1 {
            f += "0"
        }
        if frac, err = strconv.ParseInt(f, 10, 64); err != nil {
            return 0, fmt.Errorf("invalid amount %q: %w", s, err)
        }
    }

    if whole < 0 {
        return whole*100 - frac, nil
    }
    return whole*100 + frac, nil
}
`,
        flaw:
          "Sign is lost between -1 and 0: \"-0.50\" parses whole as 0 (not negative) and returns +50. whole*100 overflows silently for values above ~9.2e16. A signed fraction like \"1.-5\" is accepted and yields 95.",
      },
    ],
    tests: {
      "go-parse-cents-a": { passed: 8, total: 14 },
      "go-parse-cents-b": { passed: 14, total: 14 },
      "go-parse-cents-c": { passed: 10, total: 14 },
    },
    gold: { preference: 3, responses: ["go-parse-cents-a", "go-parse-cents-b"] },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "go-graceful-shutdown",
    language: "go",
    prompt: md`
Write \`main.go\` for a small HTTP service (standard library only) that shuts down gracefully: on SIGINT or SIGTERM (Kubernetes sends SIGTERM), stop accepting new connections, give in-flight requests up to 15 seconds to finish, then exit.
`,
    responses: [
      {
        id: "go-graceful-shutdown-a",
        model: gpt,
        content: goCode`
package main

import (
    "context"
    "log"
    "net/http"
    "os"
    "os/signal"
    "syscall"
    "time"
)

func main() {
    srv := &http.Server{Addr: ":8080", Handler: routes()}

    go func() {
        if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
            log.Fatalf("listen: %v", err)
        }
    }()
    log.Println("server started on :8080")

    quit := make(chan os.Signal)
    signal.Notify(quit, syscall.SIGINT, syscall.SIGTERM)
    <-quit
    log.Println("shutting down...")

    ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
    defer cancel()
    if err := srv.Shutdown(ctx); err != nil {
        log.Fatalf("forced shutdown: %v", err)
    }
    log.Println("server exited")
}

func routes() http.Handler {
    mux := http.NewServeMux()
    mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
        w.Write([]byte("ok"))
    })
    return mux
}
`,
        flaw:
          "Mostly right, but the signal channel is unbuffered: signal.Notify never blocks, so a signal arriving before the receive is ready is dropped (go vet: 'misuse of unbuffered os.Signal channel'). log.Fatalf after Shutdown skips the deferred cancel. Minor compared with the alternatives.",
      },
      {
        id: "go-graceful-shutdown-b",
        model: alpha,
        content: goCode`
package main

import (
    "context"
    "log"
    "net/http"
    "os"
    "os/signal"
    "syscall"
    "time"
)

func main() {
    http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
        time.Sleep(2 * time.Second) // simulate work
        w.Write([]byte("hello"))
    })
    srv := &http.Server{Addr: ":8080"}

    sigs := make(chan os.Signal, 1)
    signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
    go func() {
        <-sigs
        log.Println("shutting down")
        ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
        defer cancel()
        srv.Shutdown(ctx)
    }()

    if err := srv.ListenAndServe(); err != nil {
        log.Println(err)
    }
}
`,
        flaw:
          "Not actually graceful: Shutdown makes ListenAndServe return ErrServerClosed immediately, so main returns and the process exits while in-flight requests are still running (the net/http docs warn about exactly this). Shutdown's error is ignored.",
      },
      {
        id: "go-graceful-shutdown-c",
        model: deep,
        content: goCode`
package main

import (
    "context"
    "errors"
    "log"
    "net/http"
    "os/signal"
    "syscall"
    "time"
)

func main() {
    ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
    defer stop()

    mux := http.NewServeMux()
    mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
        w.WriteHeader(http.StatusNoContent)
    })
    srv := &http.Server{
        Addr:              ":8080",
        Handler:           mux,
        ReadHeaderTimeout: 5 * time.Second,
    }

    serveErr := make(chan error, 1)
    go func() {
        log.Printf("listening on %s", srv.Addr)
        serveErr <- srv.ListenAndServe()
    }()

    select {
    case err := <-serveErr:
        log.Fatalf("server failed to start: %v", err) // e.g. port in use; nothing to drain
    case <-ctx.Done():
    }
    stop() // restore default handling: a second Ctrl-C kills the process immediately

    shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
    defer cancel()
    if err := srv.Shutdown(shutdownCtx); err != nil {
        log.Printf("graceful shutdown incomplete: %v", err)
    }
    if err := <-serveErr; !errors.Is(err, http.ErrServerClosed) {
        log.Printf("server error: %v", err)
    }
    log.Println("bye")
}
`,
      },
    ],
    scores: {
      "go-graceful-shutdown-a": 1.97,
      "go-graceful-shutdown-b": 1.48,
      "go-graceful-shutdown-c": 2.16,
    },
  },
];
