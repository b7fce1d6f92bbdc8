"use client";
import { scaleOptions, type TField, type TScaleOption } from "./form-fields";
import { Kbd } from "./kbd";

const isComparative = (kind: TField["kind"]) => kind === "preference" || kind === "compare7" || kind === "compare5";

function optionClass(field: TField, option: TScaleOption, isSelected: boolean): string {
  if (!isComparative(field.kind)) {
    return isSelected ? "bg-slate-800 text-white border-slate-800" : "bg-white text-slate-700 border-slate-300 hover:bg-slate-50";
  }
  if (option.value < 0) return isSelected ? "bg-blue-600 text-white border-blue-600" : "bg-blue-50 text-blue-900 border-blue-200 hover:bg-blue-100";
  if (option.value > 0) return isSelected ? "bg-orange-600 text-white border-orange-600" : "bg-orange-50 text-orange-900 border-orange-200 hover:bg-orange-100";
  return isSelected ? "bg-slate-700 text-white border-slate-700" : "bg-slate-50 text-slate-700 border-slate-300 hover:bg-slate-100";
}

// One rubric field: a row of buttons that the digit keys also press while the field is active.
export function ScaleField(props: {
  field: TField;
  value: number | null | undefined;
  description?: string;
  isRequired?: boolean;
  isActive: boolean;
  isMissing: boolean;
  isDisabled?: boolean;
  isLarge?: boolean;
  onActivate: () => void;
  onChange: (value: number | null) => void;
}) {
  const { field, value, description, isRequired, isActive, isMissing, isDisabled, isLarge, onActivate, onChange } = props;
  if (field.kind === "rank") return null;
  const options = scaleOptions(field.kind);
  const keysHint = (
    <>
      keys <Kbd>{options[0].digit}</Kbd>–<Kbd>{options[options.length - 1].digit}</Kbd>
    </>
  );
  const selected = options.find((o) => o.value === value);
  const step = (delta: number) => {
    const index = selected ? options.indexOf(selected) : delta > 0 ? -1 : options.length;
    const next = options[Math.max(0, Math.min(options.length - 1, index + delta))];
    onChange(next.value);
  };
  return (
    <div
      id={`field-${field.id}`}
      data-testid={`field-${field.id}`}
      data-active={isActive || undefined}
      role="radiogroup"
      aria-label={field.label}
      aria-required={isRequired}
      tabIndex={0}
      onFocus={onActivate}
      onKeyDown={(e) => {
        if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
          e.preventDefault();
          step(e.key === "ArrowLeft" ? -1 : 1);
        }
      }}
      className={`rounded-md border outline-none transition-colors ${isLarge ? "px-3 py-2" : "flex items-center gap-2 px-2 py-1.5"} ${
        isActive ? "border-slate-900 bg-white ring-2 ring-slate-900/10" : isMissing ? "border-red-300 bg-red-50/40" : "border-transparent"
      } ${isDisabled ? "opacity-50" : ""}`}
    >
      {isLarge ? (
        <div className="mb-1.5 flex items-baseline gap-2">
          <span className="text-sm font-semibold text-slate-800" title={description || undefined}>
            {field.label}
            {isRequired && <span className="ml-0.5 text-red-600" aria-hidden>*</span>}
          </span>
          {isActive && <span className="ml-auto shrink-0 text-[11px] text-slate-500">{keysHint}</span>}
        </div>
      ) : (
        <div className="w-28 shrink-0" title={description || undefined}>
          <div className="truncate text-[13px] font-semibold text-slate-800">
            {field.label}
            {isRequired && <span className="ml-0.5 text-red-600" aria-hidden>*</span>}
          </div>
          <div className="truncate text-[11px] text-slate-500" data-testid={`value-${field.id}`}>{isActive ? keysHint : selected?.label ?? (isMissing ? "required" : "")}</div>
        </div>
      )}
      <div className={`grid gap-1 ${isLarge ? "" : "flex-1"}`} style={{ gridTemplateColumns: `repeat(${options.length}, minmax(0, 1fr))` }}>
        {options.map((option) => (
          <button
            key={option.value}
            type="button"
            role="radio"
            aria-checked={option === selected}
            aria-label={option.label}
            title={`${option.label} (${option.digit})`}
            tabIndex={-1}
            disabled={isDisabled}
            onClick={() => {
              onActivate();
              onChange(option === selected ? null : option.value);
            }}
            className={`flex flex-col items-center justify-center rounded border ${isLarge ? "py-1.5" : "min-h-[30px] py-0.5"} text-xs font-medium leading-tight tabular-nums ${optionClass(field, option, option === selected)}`}
          >
            <span className={isLarge ? "text-sm" : ""}>{option.short}</span>
            {option.short !== String(option.digit) && <span className="text-[10px] opacity-60">{option.digit}</span>}
          </button>
        ))}
      </div>
      {isLarge && (
        <div className="mt-1 flex justify-between text-[11px] text-slate-500">
          <span className="text-blue-700">{options[0].label}</span>
          <span className="font-medium text-slate-800" data-testid={`value-${field.id}`}>{selected?.label ?? "—"}</span>
          <span className="text-orange-700">{options[options.length - 1].label}</span>
        </div>
      )}
    </div>
  );
}
