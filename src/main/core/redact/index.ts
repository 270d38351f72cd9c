// The redaction API the rest of core codes against; the rules and their engine live beside it.
export { redactText, redactValue, redactEntry } from './redact';
