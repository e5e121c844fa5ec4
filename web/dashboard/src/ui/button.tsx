import type { ComponentChildren, JSX } from 'preact';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

type ButtonProps = Omit<JSX.HTMLAttributes<HTMLButtonElement>, 'icon' | 'size'> & {
  variant?: ButtonVariant;
  small?: boolean;
  block?: boolean;
  loading?: boolean;
  disabled?: boolean;
  type?: 'button' | 'submit';
  icon?: ComponentChildren;
  // An icon-only button must still say what it does (title and aria-label).
  label?: string;
};

export function Button({ variant = 'secondary', small, block, loading, icon, label, children, disabled, type = 'button', class: extra, ...rest }: ButtonProps) {
  const iconOnly = !children && label;
  const classes = ['btn', `btn--${variant}`, small && 'btn--small', block && 'btn--block', iconOnly && 'btn--icon', extra]
    .filter(Boolean)
    .join(' ');
  return (
    <button type={type} class={classes} disabled={disabled || loading} aria-label={label} title={label} aria-busy={loading} {...rest}>
      {loading ? <span class="spinner" aria-hidden="true" /> : icon}
      {children}
    </button>
  );
}
