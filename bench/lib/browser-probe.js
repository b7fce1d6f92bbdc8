// Injected into every page before the app's own scripts (page.addInitScript) by
// bench/browser-annotate.ts. Plain browser JavaScript, so nothing of the bundler or of tsx ends up
// in it. It records, in the page's own clock (performance.now(), 0 = navigation start), when the
// comparison screen for an assignment became interactive:
//   - the workspace carries the assignment's id;
//   - every response pane's Monaco view shows that response's text: each line Monaco has rendered
//     (ordered by its top offset) is the response's line of that number, whitespace ignored, and
//     there is at least one. (A pooled editor still holds the previous response's lines until
//     Monaco redraws, and responses to one prompt often share their first lines, so every visible
//     line is compared. Monaco renders lines only into a laid-out, non-empty viewport; the probe
//     reads no geometry, so it forces no layout of its own);
//   - the overall preference control is focusable (tabIndex >= 0) with all 7 buttons enabled.
// Start times: navigation start (0) for a page load; the keydown (Ctrl+Enter) or click on Submit
// event's timeStamp for a submit. `ready` is the first DOM state meeting all three, seen by a
// MutationObserver (a microtask after the mutation). `painted` is when the frame showing it was
// presented: for a submit, the browser's own Event Timing entry for that keydown/click (start +
// duration = the next paint after the event, in 8 ms steps) when that paint came after `ready`;
// otherwise (a page load, or content that arrived in a later frame) the time after the frame
// following `ready` (rAF, then a message task), an upper bound that can be one frame late.
(() => {
  const probe = { contents: {}, samples: [], pending: null, events: [] };
  window.__cjProbe = probe;
  const compact = (text) => text.replace(/\s+/g, "");

  const nativeFetch = window.fetch.bind(window);
  window.fetch = async (...args) => {
    const response = await nativeFetch(...args);
    const url = String(args[0] instanceof Request ? args[0].url : args[0]);
    if (/\/api\/v1\/projects\/[^/]+\/next/.test(url) && response.status === 200) {
      response.clone().json().then((body) => {
        const a = body.assignment;
        probe.contents[a.id] = a.responses.map((r) => ({ slot: r.slot, lines: r.content.split("\n").map(compact) }));
        check();
      }, () => {});
    }
    return response;
  };

  const interactiveId = () => {
    const workspace = document.querySelector('[data-testid="workspace"]');
    const id = workspace?.getAttribute("data-assignment-id");
    const expected = id ? probe.contents[id] : null;
    if (!expected) return null;
    for (const { slot, lines } of expected) {
      const view = document.querySelector(`[data-testid="code-pane-${slot}"] .view-lines`);
      const rendered = view ? [...view.children].sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top)) : [];
      if (rendered.length === 0 || rendered.some((line, i) => compact(line.textContent ?? "") !== lines[i])) return null;
    }
    const preference = document.querySelector('[data-testid="field-preference"]');
    if (!preference || preference.tabIndex < 0) return null;
    if (preference.querySelectorAll("button").length < 7 || preference.querySelector("button:disabled")) return null;
    return id;
  };

  const observer = new MutationObserver(() => check());
  const watch = () => observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["data-assignment-id", "disabled", "tabindex"] });

  // Event Timing entries arrive a little after their paint; a sample waits up to a second for its own
  const settlePainted = (sample) => {
    const entry = probe.events.find((e) => Math.abs(e.startTime - sample.start) < 0.5 && (e.name === "keydown" || e.name === "click"));
    const frame = entry ? entry.startTime + entry.duration : null;
    // the duration is rounded to 8 ms: a paint within that of `ready` is the one that showed it
    if (frame !== null && frame + 8 >= sample.ready) sample.painted = Math.max(frame, sample.ready);
    else if (entry || performance.now() - sample.ready > 1000) sample.painted = sample.afterNextFrame;
    else return false;
    return true;
  };
  try {
    new PerformanceObserver((list) => {
      probe.events.push(...list.getEntries());
      for (const sample of probe.samples) if (sample.painted === null && sample.afterNextFrame !== null) settlePainted(sample);
    }).observe({ type: "event", durationThreshold: 16, buffered: true });
  } catch {}

  function check() {
    const pending = probe.pending;
    if (!pending) return;
    const id = interactiveId();
    if (!id || id === pending.from) return;
    const sample = { kind: pending.kind, input: pending.input, from: pending.from, to: id, start: pending.start, ready: performance.now(), afterNextFrame: null, painted: null };
    probe.pending = null;
    observer.disconnect();
    probe.samples.push(sample);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        sample.afterNextFrame = performance.now();
        if (sample.kind === "navigation") sample.painted = sample.afterNextFrame;
        else if (!settlePainted(sample)) {
          const retry = setInterval(() => settlePainted(sample) && clearInterval(retry), 50);
        }
      };
      channel.port2.postMessage(null);
    });
  }

  const startSubmit = (event, input) => {
    if (probe.pending) return;
    const from = document.querySelector('[data-testid="workspace"]')?.getAttribute("data-assignment-id") ?? null;
    probe.pending = { kind: "submit", input, from, start: event.timeStamp };
    watch();
  };
  window.addEventListener("keydown", (e) => e.key === "Enter" && (e.ctrlKey || e.metaKey) && startSubmit(e, "key"), { capture: true });
  window.addEventListener("click", (e) => e.target instanceof Element && e.target.closest('[data-testid="submit"]') && startSubmit(e, "click"), { capture: true });

  probe.pending = { kind: "navigation", input: null, from: null, start: 0 };
  watch();
})();
