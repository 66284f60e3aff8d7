/**
 * The explicit list of commands (no self-registration). Each command's code is imported when it runs,
 * so the command line starts without evaluating the exporters, the checker or the share-link codec
 * that another command needs.
 */
import { DEFAULT_SHARE_BASE, EXPORT_FORMAT_IDS, type Command } from '../command';

const formats = { type: 'string', values: ['text', 'json'] } as const;

export const COMMANDS: readonly Command[] = [
  {
    name: 'validate',
    usage: 'PLAN.json… [--format text|json]',
    summary:
      'Check each plan against every rule. Exit 0 without error findings, 1 when a plan has one, 2 when an ' +
      'input is not a plan: the worst of all the files.',
    options: { format: { ...formats, help: 'text (one line per finding) or json.' } },
    run: async (options, io) => (await import('./validate')).runValidate(options, io),
  },
  {
    name: 'export',
    usage: `PLAN.json --format ${EXPORT_FORMAT_IDS.join('|')} --out DIR [--force] [--provider 4|5]`,
    summary:
      'Write the deployment files into DIR, all of them or none. Refuses (exit 1) a plan with error ' +
      'findings or files the deployment dry run refuses, and (exit 2) to replace files already in DIR, ' +
      'unless --force.',
    options: {
      format: { type: 'string', values: EXPORT_FORMAT_IDS, help: 'The kind of files to write.' },
      out: { type: 'string', placeholder: 'DIR', help: 'The folder to write into; made if missing.' },
      force: {
        type: 'boolean',
        help:
          'Export a plan with error findings (listed at the top of the files) or a dry-run refusal, and ' +
          'replace existing files.',
      },
      provider: { type: 'string', values: ['4', '5'], help: 'Terraform only: the azurerm provider major version.' },
    },
    run: async (options, io) => (await import('./export')).runExport(options, io),
  },
  {
    name: 'dry-run',
    usage: `PLAN.json [--format ${EXPORT_FORMAT_IDS.join('|')}]`,
    summary:
      'Export the plan in memory and replay the files against what Azure checks when it creates each ' +
      'resource: the steps in order, with scope and why, and the first step Azure would refuse. Exit 0 ' +
      'accepted, 1 refused, 2 bad input (or a format the dry run does not read yet).',
    options: {
      format: { type: 'string', values: EXPORT_FORMAT_IDS, help: 'The files to replay (default arm).' },
    },
    run: async (options, io) => (await import('./dry-run')).runDryRun(options, io),
  },
  {
    name: 'check-client',
    usage: 'PLAN.json|DEPLOYMENT.json (--client NAME | --from ADDRESS) [--server NAME] [--format text|json]',
    summary:
      'Whether one client reaches the server, hop by hop: a client of the plan, or the application at an address ' +
      '(in a subnet, an on-premises range or on the internet). Reads a plan file or a deployment (the inventory ' +
      "script's bundle, an exported template, resource JSON); for a deployment, each fix names the deployed " +
      'resource to change, by resource group and ID. Exit 0 reachable (or with warnings), 1 not reachable, 2 bad ' +
      'input.',
    options: {
      client: {
        type: 'string',
        placeholder: 'NAME',
        help: 'The client of the plan to check; with --from, the name of the new client.',
      },
      from: {
        type: 'string',
        placeholder: 'ADDRESS',
        help: 'The IPv4 address (or block) where a failing application runs; checked as a client in that network.',
      },
      server: { type: 'string', placeholder: 'NAME', help: 'The server to check when the deployment holds several.' },
      format: { ...formats, help: 'text (one line per hop) or json.' },
    },
    run: async (options, io) => (await import('./check-client')).runCheckClient(options, io),
  },
  {
    name: 'inventory-script',
    usage: '--server NAME --resource-group RG [--subscription ID] [--depth N] [--shell bash|powershell]',
    summary:
      'Print a read-only script (az show and list calls only) that collects the server and the network around it ' +
      'into one JSON bundle for import: its firewall rules and TLS parameters, private endpoints, its VNet and the ' +
      'VNets its peerings reach (--depth hops, default 2) with their subnets, NSGs, route tables, firewalls, ' +
      'gateways and DNS resolver endpoints, and the private DNS zones with their links and records.',
    options: {
      server: { type: 'string', placeholder: 'NAME', help: 'The flexible server.' },
      'resource-group': { type: 'string', placeholder: 'RG', help: "The server's resource group." },
      subscription: {
        type: 'string',
        placeholder: 'ID',
        help: "The server's subscription ID (default: the one az is signed in to).",
      },
      depth: { type: 'string', placeholder: 'N', help: 'Peering hops to follow from the server VNet (0–5).' },
      shell: { type: 'string', values: ['bash', 'powershell'], help: 'The script language (default bash).' },
    },
    run: async (options, io) => (await import('./inventory-script')).runInventoryScript(options, io),
  },
  {
    name: 'import',
    usage: 'DEPLOYMENT.json [--server NAME] > plan.json',
    summary:
      "Read what is deployed (the inventory script's bundle, a template from the portal's Export template, or " +
      'resource JSON from a JSON view) into a plan file on standard output, every object marked existing; what the ' +
      'plan has no place for is listed on standard error. Exit 0 imported, 2 bad input.',
    options: {
      server: { type: 'string', placeholder: 'NAME', help: 'The server to import when the input holds several.' },
    },
    run: async (options, io) => (await import('./import')).runImport(options, io),
  },
  {
    name: 'diff',
    usage: 'PLAN.json DEPLOYMENT.json [--server NAME] [--format text|json]',
    summary:
      'What the deployment (the inventory bundle, a template or resource JSON) lacks or has differently from the ' +
      "plan (drift, or the changes for the next window), marking what Azure can't change in place. Exit 0 when " +
      'they match, 1 when they differ, 2 bad input.',
    options: {
      server: {
        type: 'string',
        placeholder: 'NAME',
        help: "The deployed server to compare (default: the plan's server, or the deployment's only one).",
      },
      format: { ...formats, help: 'text (one line per difference) or json.' },
    },
    run: async (options, io) => (await import('./diff')).runDiff(options, io),
  },
  {
    name: 'share',
    usage: 'PLAN.json [--base URL]',
    summary: `Print the plan's share link (the whole plan after "#"; default base ${DEFAULT_SHARE_BASE}).`,
    options: { base: { type: 'string', placeholder: 'URL', help: 'The address where the team hosts the planner.' } },
    run: async (options, io) => (await import('./share')).runShare(options, io),
  },
];
