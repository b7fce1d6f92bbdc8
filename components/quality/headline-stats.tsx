import type { TAgreementStats } from "@/lib/agreement";
import { count, decimal, interval, percent } from "./format";

function Stat({ label, value, ci, hint, testId }: { label: string; value: string; ci?: string | null; hint?: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={testId}>{value}</dd>
      {ci && <dd className="text-xs tabular-nums text-slate-500" data-testid={`${testId}-ci`}>95% CI {ci}</dd>}
      {hint && <dd className="text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}

/** The project's headline numbers: how much was judged and how well the judges agree. */
export function HeadlineStats({ judgments, units, overall }: { judgments: number; units: number; overall: TAgreementStats }) {
  const ci = overall.ci95;
  const { nominal, ordinal, interval: onInterval } = overall.krippendorffAlpha;
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-8" data-testid="headline-stats">
      <Stat label="Judgments" value={count(judgments)} testId="agreement-judgments" />
      <Stat label="Units" value={count(units)} hint="pairs or responses" testId="agreement-units" />
      <Stat label="% agreement" value={percent(overall.percentAgreement)} ci={interval(ci?.percentAgreement, (v) => percent(v))} hint="on the winner" testId="agreement-percent" />
      <Stat label="α nominal" value={decimal(nominal)} ci={interval(ci?.krippendorffAlpha.nominal)} testId="agreement-alpha-nominal" />
      <Stat label="α ordinal" value={decimal(ordinal)} ci={interval(ci?.krippendorffAlpha.ordinal)} testId="agreement-alpha-ordinal" />
      <Stat label="α interval" value={decimal(onInterval)} ci={interval(ci?.krippendorffAlpha.interval)} testId="agreement-alpha-interval" />
      <Stat label="Fleiss κ" value={decimal(overall.fleissKappa)} ci={interval(ci?.fleissKappa)} testId="agreement-fleiss" />
      <Stat label="Gwet AC1" value={decimal(overall.gwetAC1)} ci={interval(ci?.gwetAC1)} testId="agreement-ac1" />
    </dl>
  );
}
