import * as vscode from 'vscode';
import type { ClusterService } from './cluster/service';
import { REAL_CLOCK, Ticker, clampSpeed, type TickerClock } from './cluster/ticker';
import { CONTEXT_KEYS, SETTINGS } from './commands/ids';

/** Where the pause survives a reload (per workspace). */
const PAUSED_KEY = 'atelierKubernetes.timePaused';

/**
 * Simulated time in VS Code: the Ticker driven by the speed setting
 * (`atelierKubernetes.simulation.speed`, ×1 to ×60), paused and resumed by commands, the
 * pause remembered per workspace and exposed as a context key for the menus.
 */
export class SimulationTime implements vscode.Disposable {
  private readonly ticker: Ticker;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly configuration: vscode.Disposable;
  /** Fires when the speed or the pause changes. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly extension: vscode.ExtensionContext,
    cluster: ClusterService,
    output: vscode.LogOutputChannel,
    clock?: TickerClock,
  ) {
    let failing = false;
    this.ticker = new Ticker((ms) => {
      try {
        cluster.tick(ms);
        failing = false;
      } catch (error) {
        // Logged once per streak: a broken controller must not flood the channel every second.
        if (!failing) output.error(`simulated time: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        failing = true;
      }
    }, clock ?? REAL_CLOCK);
    this.ticker.speed = readSpeed();
    this.configuration = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SETTINGS.speed)) return;
      this.ticker.speed = readSpeed();
      this.changed.fire();
    });
    if (!extension.workspaceState.get<boolean>(PAUSED_KEY, false)) this.ticker.resume();
    void this.publish();
  }

  get paused(): boolean {
    return this.ticker.paused;
  }

  get speed(): number {
    return this.ticker.speed;
  }

  pause(): Promise<void> {
    this.ticker.pause();
    return this.publish();
  }

  resume(): Promise<void> {
    this.ticker.resume();
    return this.publish();
  }

  dispose(): void {
    this.ticker.dispose();
    this.configuration.dispose();
    this.changed.dispose();
  }

  private async publish(): Promise<void> {
    this.changed.fire();
    await this.extension.workspaceState.update(PAUSED_KEY, this.paused);
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.timePaused, this.paused);
  }
}

function readSpeed(): number {
  return clampSpeed(vscode.workspace.getConfiguration().get<number>(SETTINGS.speed, 1));
}
