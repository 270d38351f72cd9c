import { useEffect, useRef, type ReactNode } from 'react';

export interface ModalDialogProps {
  className: string;
  labelledBy: string;
  describedBy?: string;
  /** Escape, or the platform's own way to dismiss a dialog. */
  onCancel: () => void;
  children: ReactNode;
}

/**
 * A modal <dialog> that lives exactly as long as its component: shown on mount (so the rest of the
 * window is inert), and never closed behind React's back. Every confirmation in the app is one.
 */
export function ModalDialog({ className, labelledBy, describedBy, onCancel, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    // StrictMode runs this twice, hence the check.
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      className={className}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(e) => {
        // The dialog closes when this component unmounts.
        e.preventDefault();
        onCancel();
      }}
      onKeyDown={(e) => {
        // Escape closes the dialog, not the view behind it (App goes back on Escape).
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      {children}
    </dialog>
  );
}
