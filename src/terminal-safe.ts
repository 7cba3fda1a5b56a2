import stripAnsi from 'strip-ansi';

/**
 * Every string a site sends may hold terminal escapes: `ESC[2J` clears the screen, `ESC]0;…BEL`
 * sets the window title, `ESC[31m` recolours what follows, a bare CR overwrites the line. What the
 * CLI prints for a terminal passes through terminalText; JSON it prints through terminalJson.
 */

/**
 * C0 controls except tab and newline, DEL, C1 controls (some terminals obey U+009B as CSI), and the
 * bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069): a title holding
 * U+202E shows its characters right to left, so `evil` U+202E `fdp.exe` reads as `evilexe.pdf`.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text without escape sequences (CSI, OSC, C1 forms: stripped whole) and control characters. */
export function terminalText(text: string): string {
  return stripAnsi(text).replace(CONTROL_CHARACTERS, '');
}

/**
 * JSON.stringify escapes C0 controls but writes DEL, C1 controls, U+2028/U+2029 and the bidi controls
 * raw; those are escaped too (`\u009b`, `\u202e`), so the output holds nothing a terminal obeys and
 * keeps the same values. They can only occur inside strings, so the replacement never touches the
 * JSON's structure.
 */
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function terminalJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(RAW_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
