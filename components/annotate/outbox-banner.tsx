"use client";
import type { TOutboxStatus } from "./use-judgment-outbox";

// Judgments on their way in the background: silent while they go through, loud when they cannot.
export function OutboxBanner({ statuses, onRetry }: { statuses: Record<string, TOutboxStatus>; onRetry: () => void }) {
  const all = Object.values(statuses);
  const failed = all.filter((s): s is Extract<TOutboxStatus, { status: "failed" }> => s.status === "failed");
  const isRetrying = all.some((s) => s.status === "retrying");
  return (
    <>
      {isRetrying && (
        <div role="alert" data-testid="outbox-offline" className="border-b border-amber-300 bg-amber-100 px-4 py-2 text-sm text-amber-950">
          <strong>Connection lost.</strong> Your submitted judgment is kept in this browser and will be sent when the server answers.
        </div>
      )}
      {failed.length > 0 && (
        <div role="alert" data-testid="outbox-error" className="flex items-center gap-3 border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800">
          <span>
            <strong>{failed.length === 1 ? "A judgment you submitted was not stored" : `${failed.length} judgments you submitted were not stored`}:</strong> {failed[0].message}. It is kept in this browser.
          </span>
          <button type="button" onClick={onRetry} className="ml-auto shrink-0 rounded border border-red-300 px-2 py-0.5 text-xs hover:bg-red-100" data-testid="outbox-retry">
            Send again
          </button>
        </div>
      )}
    </>
  );
}
