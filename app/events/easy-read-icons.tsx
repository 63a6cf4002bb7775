// Simple pictures for the easy-read poster, one beside each point (on the left). Decorative: the
// words beside them say everything, so they are hidden from screen readers.
const common = { width: 48, height: 48, viewBox: "0 0 48 48", "aria-hidden": true, focusable: false, fill: "none", stroke: "currentColor", strokeWidth: 3 } as const;

export function CalendarIcon() {
  return (
    <svg {...common}>
      <rect x="6" y="10" width="36" height="32" rx="3" />
      <path d="M6 18h36M16 6v8M32 6v8" />
    </svg>
  );
}

export function PlaceIcon() {
  return (
    <svg {...common}>
      <path d="M24 44s14-14 14-25a14 14 0 0 0-28 0c0 11 14 25 14 25z" />
      <circle cx="24" cy="19" r="5" />
    </svg>
  );
}

export function PhoneIcon() {
  return (
    <svg {...common}>
      <rect x="13" y="4" width="22" height="40" rx="4" />
      <path d="M21 38h6" />
    </svg>
  );
}

export function HelpIcon() {
  return (
    <svg {...common}>
      <circle cx="16" cy="12" r="5" />
      <circle cx="34" cy="16" r="4" />
      <path d="M6 42V30a10 10 0 0 1 20 0v12M28 42V32a6 6 0 0 1 12 0v10" />
    </svg>
  );
}

export function SpeechIcon() {
  return (
    <svg {...common}>
      <path d="M6 10h36v22H20l-10 8v-8H6z" />
    </svg>
  );
}
