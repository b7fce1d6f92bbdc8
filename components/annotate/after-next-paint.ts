// Resolves once the browser has painted the next frame: work that can wait (network, warming
// caches) then stays out of the frame that shows the next comparison.
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
