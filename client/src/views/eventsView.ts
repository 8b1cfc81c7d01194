import * as vscode from 'vscode';
import { buildEventList, type EventItem } from '../cluster/events';
import { VIEW_IDS } from '../commands/ids';
import type { AtelierContext } from '../context';
import { onViewChange, viewOf } from '../target/access';

/** The VS Code item of an event: a warning sign in the theme's warning colour, or an info sign. */
export function eventItemOf(event: EventItem): vscode.TreeItem {
  const item = new vscode.TreeItem(event.label, vscode.TreeItemCollapsibleState.None);
  item.id = event.id;
  item.description = event.description;
  item.tooltip = event.tooltip;
  item.contextValue = event.warning ? 'event.warning' : 'event.normal';
  item.iconPath = event.warning ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon('info');
  return item;
}

/** The "Événements" view: the cluster's recent events, warnings first. */
export class EventsProvider implements vscode.TreeDataProvider<string>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private items = new Map<string, EventItem>();
  private signature = '';

  constructor(private readonly read: () => EventItem[]) {
    this.refresh();
  }

  /** Warnings among the events shown (the view's badge). */
  get warnings(): number {
    return [...this.items.values()].filter((item) => item.warning).length;
  }

  /** Reads the events again; returns true (and redraws) only when something changed. */
  refresh(): boolean {
    const events = this.read();
    const signature = JSON.stringify(events);
    if (signature === this.signature) return false;
    this.signature = signature;
    this.items = new Map(events.map((event) => [event.id, event]));
    this.changed.fire(undefined);
    return true;
  }

  getTreeItem(id: string): vscode.TreeItem {
    const event = this.items.get(id);
    return event ? eventItemOf(event) : new vscode.TreeItem(id);
  }

  getChildren(id?: string): string[] {
    return id === undefined ? [...this.items.keys()] : [];
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerEventsView(ctx: AtelierContext): void {
  const provider = new EventsProvider(() => buildEventList(viewOf(ctx).store, vscode.l10n));
  const view = vscode.window.createTreeView(VIEW_IDS.events, { treeDataProvider: provider });
  const badge = (): void => {
    const warnings = provider.warnings;
    view.badge = warnings === 0 ? undefined : { value: warnings, tooltip: vscode.l10n.t('{0} avertissements', warnings) };
  };
  badge();
  const unsubscribe = onViewChange(ctx, () => {
    if (provider.refresh()) badge();
  });
  ctx.extension.subscriptions.push(provider, view, { dispose: unsubscribe });
}
