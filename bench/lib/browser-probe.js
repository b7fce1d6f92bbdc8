// Injected into every page before the app's own scripts (page.addInitScript) by
// bench/browser-annotate.ts. Plain browser JavaScript, so nothing of the bundler or of tsx ends up
// in it. It records, in the page's own clock (performance.now(), 0 = navigation start), when the
// comparison screen for an assignment became interactive:
//   - the workspace carries the assignment's id;
//   - every response pane's Monaco view shows that response's text (its first non-empty line is
//     in the rendered .view-lines, whitespace ignored; Monaco renders lines only into a laid-out,
//     non-empty viewport, and the probe reads no geometry, so it forces no layout of its own);
//   - the overall preference control is focusable (tabIndex >= 0) with all 7 buttons enabled.
// Start times: navigation start (0) for a page load; the keydown (Ctrl+Enter) or click on Submit
// event's timeStamp for a submit. `ready` is the first DOM state meeting all three, seen by a
// MutationObserver (a microtask after the mutation); `painted` is taken after the next frame
// after `ready` (rAF, then a message task), an upper bound on when the pixels were produced.
(() => {
  const probe = { contents: {}, samples: [], pending: null };
  window.__cjProbe = probe;
  const compact = (text) => text.replace(/\s+/g, "");
  const firstLine = (text) => text.split("\n").map(compact).find(Boolean) ?? "";

  const nativeFetch = window.fetch.bind(window);
  window.fetch = async (...args) => {
    const response = await nativeFetch(...args);
    const url = String(args[0] instanceof Request ? args[0].url : args[0]);
    if (/\/api\/v1\/projects\/[^/]+\/next/.test(url) && response.status === 200) {
      response.clone().json().then((body) => {
        const a = body.assignment;
        probe.contents[a.id] = a.responses.map((r) => ({ slot: r.slot, line: firstLine(r.content) }));
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
    for (const { slot, line } of expected) {
      const lines = document.querySelector(`[data-testid="code-pane-${slot}"] .view-lines`);
      if (!lines || !compact(lines.textContent ?? "").includes(line)) return null;
    }
    const preference = document.querySelector('[data-testid="field-preference"]');
    if (!preference || preference.tabIndex < 0) return null;
    if (preference.querySelectorAll("button").length < 7 || preference.querySelector("button:disabled")) return null;
    return id;
  };

  const observer = new MutationObserver(() => check());
  const watch = () => observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["data-assignment-id", "disabled", "tabindex"] });

  function check() {
    const pending = probe.pending;
    if (!pending) return;
    const id = interactiveId();
    if (!id || id === pending.from) return;
    const sample = { kind: pending.kind, input: pending.input, from: pending.from, to: id, start: pending.start, ready: performance.now(), painted: null };
    probe.pending = null;
    observer.disconnect();
    probe.samples.push(sample);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (sample.painted = performance.now());
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
