/**
 * One chunk for the first screen. Left to itself the bundler splits the modules the app's start shares with
 * lazily loaded steps into a dozen small chunks, each a request and each compressed alone, with import and
 * export glue between them. Everything the start (`src/app/start.tsx`) reaches through static imports is
 * always loaded first, so it goes into one chunk, which the lazy chunks import from; what the page's entry
 * itself imports stays in the entry, so the entry still loads nothing of the app before the shell has painted.
 */
interface ModuleInfo {
  importedIds: readonly string[];
}

interface ModuleGraph {
  getModuleInfo: (id: string) => ModuleInfo | null;
}

/** Every module `from` reaches through static imports, `from` included. */
export function staticClosure(graph: ModuleGraph, from: string): Set<string> {
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (seen.has(id)) continue;
    const info = graph.getModuleInfo(id);
    if (info === null) continue;
    seen.add(id);
    queue.push(...info.importedIds);
  }
  return seen;
}

/**
 * The `name` function of a code-splitting group: `chunk` for the modules `start` reaches statically and the
 * page's `entry` does not, null (automatic splitting) for the rest.
 */
export function firstScreenChunk(
  chunk: string,
  start: string,
  entry: string,
): (id: string, graph: ModuleGraph) => string | null {
  // Computed once per chunking pass: the bundler hands out the same module info objects within a pass.
  let pass: { startInfo: ModuleInfo; members: Set<string> } | null = null;
  return (id, graph) => {
    const startInfo = graph.getModuleInfo(start);
    if (startInfo === null) throw new Error(`The build has no module ${start}.`);
    if (pass?.startInfo !== startInfo) {
      const fromEntry = staticClosure(graph, entry);
      pass = { startInfo, members: new Set([...staticClosure(graph, start)].filter((m) => !fromEntry.has(m))) };
    }
    return pass.members.has(id) ? chunk : null;
  };
}
