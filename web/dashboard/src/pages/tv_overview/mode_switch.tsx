interface ModeSwitchProps<M extends string> {
  label: string;
  value: M;
  options: { value: M; label: string }[];
  onChange: (value: M) => void;
}

// A segmented choice between a dialog's modes (walk-in / open play /
// member; minutes / another package), announced as a radio group.
export function ModeSwitch<M extends string>({ label, value, options, onChange }: ModeSwitchProps<M>) {
  return (
    <div class="mode-switch" role="radiogroup" aria-label={label}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          role="radio"
          aria-checked={option.value === value}
          class="mode-switch__option"
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
