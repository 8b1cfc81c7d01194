import type * as vscode from 'vscode';

/**
 * vscode.l10n as the tests see it: `{0}`-style arguments filled in, nothing translated
 * (the source strings are already French).
 */
export function format(message: string, ...args: unknown[]): string {
  return message.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

type VscodeL10n = Pick<typeof vscode.l10n, 't'>;

/** Typed as vscode.l10n for the pure modules that take one. */
export const l10n = { t: format } as unknown as VscodeL10n;
