/**
 * The shapes of the deployment dry run: the exported artefacts of one format are read into a list of steps (one
 * resource operation each, with what it must follow), and the steps are replayed against a model of what Azure
 * checks when it creates each resource. Every format's reader produces the same `DeployStep` shape, so the checks
 * are written once.
 */
import type { ResourceId, StepAction, StepProps, StepScope } from '../exporters/steps';
import type { ExportFile, ExportFormat } from '../exporters/types';
import type { Plan } from '../domain/plan';

export type DeployFormat = ExportFormat['id'];

/** One resource operation of a deployment. */
export interface DeployStep {
  /** Unique within the artefact: the ARM resource ID, lower-cased (children: `…/virtualNetworks/a/subnets/b`). */
  id: ResourceId;
  /** ARM resource type, e.g. `Microsoft.Network/virtualNetworks/subnets` (Terraform types are mapped to it). */
  type: string;
  /** The resource's name as ARM writes it (children: `parent/child`). */
  name: string;
  action: StepAction;
  scope: StepScope;
  /** The region the artefact deploys it to, resolved; undefined for global or child resources. */
  location?: string;
  props: StepProps;
  /**
   * What this step follows in the artefact, each with why: `dependsOn` (ARM, Bicep), a reference or `depends_on`
   * (Terraform), a nested deployment's or module's order, or the script's line order (az).
   */
  after: { step: ResourceId; why: string }[];
  /**
   * For a step that sets properties on another resource instead of being one (Terraform's
   * `azurerm_subnet_network_security_group_association`, an az `subnet update`): that resource's ID. Its `props`
   * then apply to the target when the step runs, and `id` is the target's ID plus a `#…` suffix that keeps it unique.
   */
  target?: ResourceId;
  /** Where the step is written: file, and a line (1-based) or a JSON path when the reader knows it. */
  source: { file: string; line?: number; path?: string };
}

/** A check Azure makes at creation time that the dry run models, with where that rule is documented. */
export interface Constraint {
  id: string;
  /** One sentence: what Azure requires. */
  title: string;
  /** The documentation or source that says so (a section of azure-facts.md or a URL it cites). */
  source: string;
}

/** The first step Azure would refuse. */
export interface Refusal {
  step: DeployStep;
  constraint: Constraint;
  /** What is wrong, naming the resources involved, and what order or value would be accepted. */
  reason: string;
}

export interface DryRunReport {
  format: DeployFormat;
  /** The steps in an order the artefact allows (deterministic), each with the steps it waits for. */
  steps: DeployStep[];
  /** null when every step would be accepted. */
  refusal: Refusal | null;
  /** The constraints checked, for the report and the docs. */
  constraints: readonly Constraint[];
}

/**
 * Reads one format's exported files (the plan is given for what the files don't say, such as which resources
 * already exist) into steps. Throws `DryRunReadError` (from the engine) when the files can't be read.
 */
export type ArtefactReader = (files: readonly ExportFile[], plan: Plan) => DeployStep[];
