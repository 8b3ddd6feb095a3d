/** The longest message a user may send on any channel; longer texts are refused, not truncated. */
export const MAX_TEXT_LENGTH = 4000;

/** C0/C1 control characters other than tab, line feed and carriage return never belong in a chat message. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** A UTF-16 surrogate with no partner: not a character at all, and SQLite would store it as U+FFFD. */
export const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Text made only of format characters (Unicode Cf: zero-width spaces and joiners, bidi controls, soft hyphens…)
 * and spaces shows nothing: like control characters, it is refused rather than sent to a person.
 */
export const ONLY_INVISIBLE = /^[\p{Cf}\s]+$/u;
