/** What agreement the field reports, so a project's numbers can be read against it (reference/agreement.md). */
export function FieldContext() {
  return (
    <p className="text-xs text-slate-500" data-testid="field-context">
      For context, published figures: InstructGPT 72.6 ± 1.5 % pairwise agreement among training labelers; Llama 2 Gwet&apos;s AC2 0.37–0.55 on a
      7-point scale; Chatbot Arena expert–expert agreement 79–90 %; HelpSteer2 quadratic-weighted κ ≈ 0.7 after guideline changes.
    </p>
  );
}
