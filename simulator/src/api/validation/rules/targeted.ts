/**
 * A schema walk that only goes where a rule has something to look at. The enum and
 * Quantity rules run on every object the simulated API server stores (thousands of Pods),
 * yet only a few places of a schema can hold an enum-like field or a Quantity: metadata,
 * most of a status, probes or volumes hold none. Which subtrees of a definition can hold
 * one is worked out once from the schema (a plan per schema node); the walk then skips
 * the others and calls back only for the visits the rule wants, exactly as walkSchema
 * would have called it for those (same path, owner, property, type, element).
 */
import type { SchemaNode } from '../../schemas';
import type { PathSegment } from '../finding';
import { resolved, rootNode, type Visit } from './walk';

/** What a rule looks for: a test on the place of a visit (never on its value). */
export interface WalkTarget {
  /** Whether a visit at this place may interest the rule. */
  wants(owner: string | undefined, property: string | undefined, type: string | undefined): boolean;
}

/**
 * A schema node as reached from a place: its owner and property are those a visit there
 * reports (list items and map values keep the list's or the map's). `undefined` children
 * are subtrees where the target can never be met.
 */
class Plan {
  readonly type: string | undefined;
  readonly wanted: boolean;
  private readonly target: SchemaNode;
  private readonly declared = new Map<string, Plan | null>();
  private itemsPlan: Plan | null | undefined;
  private valuesPlan: Plan | null | undefined;

  constructor(
    private readonly planner: Planner,
    node: SchemaNode,
    readonly owner: string | undefined,
    readonly property: string | undefined,
  ) {
    const { node: target, name } = resolved(node);
    this.target = target;
    this.type = name;
    this.wanted = planner.goal.wants(owner, property, name);
  }

  /** The plan of a declared property (null: nothing to find there), or undefined when `key` is not declared. */
  child(key: string): Plan | null | undefined {
    let plan = this.declared.get(key);
    if (plan === undefined) {
      const properties = this.target.properties;
      if (!properties || !Object.prototype.hasOwnProperty.call(properties, key)) return undefined;
      plan = this.planner.plan(properties[key]!, this.type, key);
      this.declared.set(key, plan);
    }
    return plan;
  }

  /** The plan of list items (null when there is nothing to find in them). */
  items(): Plan | null {
    if (this.itemsPlan === undefined) this.itemsPlan = this.target.items ? this.planner.plan(this.target.items, this.owner, this.property) : null;
    return this.itemsPlan;
  }

  /** The plan of map values, for keys not declared (null when there is nothing to find in them). */
  values(): Plan | null {
    if (this.valuesPlan === undefined) {
      const additional = this.target.additionalProperties;
      this.valuesPlan = additional && typeof additional === 'object' ? this.planner.plan(additional, this.owner, this.property) : null;
    }
    return this.valuesPlan;
  }
}

/** The plans of one target, and which places of the schema can lead to it. */
class Planner {
  private readonly plans = new Map<SchemaNode, Map<string, Plan>>();
  private readonly relevance = new Map<SchemaNode, Map<string, boolean>>();

  constructor(readonly goal: WalkTarget) {}

  /** The plan of `node` reached as `owner.property`, or null when the target cannot be met below it. */
  plan(node: SchemaNode, owner: string | undefined, property: string | undefined): Plan | null {
    if (!this.relevant(node, owner, property)) return null;
    const context = `${owner ?? ''}\u0000${property ?? ''}`;
    let byContext = this.plans.get(node);
    if (!byContext) this.plans.set(node, (byContext = new Map<string, Plan>()));
    let plan = byContext.get(context);
    if (!plan) byContext.set(context, (plan = new Plan(this, node, owner, property)));
    return plan;
  }

  /**
   * Whether a visit the target wants can happen at or below `node`. Recursive schemas
   * (JSONSchemaProps) meet themselves: a node being worked out counts as relevant, which
   * only means walking a little more than needed.
   */
  private relevant(node: SchemaNode, owner: string | undefined, property: string | undefined): boolean {
    const context = `${owner ?? ''}\u0000${property ?? ''}`;
    let byContext = this.relevance.get(node);
    if (!byContext) this.relevance.set(node, (byContext = new Map<string, boolean>()));
    const known = byContext.get(context);
    if (known !== undefined) return known;
    byContext.set(context, true);
    const { node: target, name } = resolved(node);
    let found = this.goal.wants(owner, property, name);
    if (!found && target.items) found = this.relevant(target.items, owner, property);
    if (!found && target.properties) {
      for (const key of Object.keys(target.properties)) {
        if (this.relevant(target.properties[key]!, name, key)) {
          found = true;
          break;
        }
      }
    }
    const additional = target.additionalProperties;
    if (!found && additional && typeof additional === 'object') found = this.relevant(additional, owner, property);
    byContext.set(context, found);
    return found;
  }
}

const planners = new Map<WalkTarget, Planner>();

function walkPlan(plan: Plan, value: unknown, path: PathSegment[], element: boolean, visit: (v: Visit) => void): void {
  if (value === null || value === undefined) return;
  if (plan.wanted) visit({ path, value, owner: plan.owner, property: plan.property, type: plan.type, element });
  if (Array.isArray(value)) {
    const items = plan.items();
    if (!items) return;
    for (let index = 0; index < value.length; index++) walkPlan(items, value[index], [...path, index], true, visit);
    return;
  }
  if (typeof value !== 'object') return;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const item = (value as Record<string, unknown>)[key];
    const declared = plan.child(key);
    if (declared !== undefined) {
      if (declared) walkPlan(declared, item, [...path, key], false, visit);
      continue;
    }
    const values = plan.values();
    if (values) walkPlan(values, item, [...path, key], true, visit);
  }
}

/**
 * walkSchema(root, object, visit), restricted to the visits `target` wants: the same
 * visits, in the same order, minus those the target would have ignored.
 */
export function walkSchemaFor(root: string, object: unknown, target: WalkTarget, visit: (v: Visit) => void): void {
  const node = rootNode(root);
  if (!node) return;
  let planner = planners.get(target);
  if (!planner) planners.set(target, (planner = new Planner(target)));
  const plan = planner.plan(node, undefined, undefined);
  if (plan) walkPlan(plan, object, [], false, visit);
}
