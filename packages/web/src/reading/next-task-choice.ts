// Which task the server will give after the current one, so that its pixels are fetched while the reader
// still reads: the server's "next" is the reader's task in progress with the lowest position, else the
// pending one with the lowest position (packages/server/src/tasks/next-task.ts). Pure.

export interface ListedTask {
  id: number;
  position: number;
}

/** The worklist queries that feed chooseNextTask (limit 2: one of them may be the current task). */
export const nextTaskQueries = (projectKeySegment: string): { inProgress: string; pending: string } => ({
  inProgress: `/api/projects/${projectKeySegment}/tasks?status=in_progress&kind=annotate&limit=2`,
  pending: `/api/projects/${projectKeySegment}/tasks?status=pending&kind=annotate&limit=2`,
});

const first = (tasks: readonly ListedTask[], currentId: number): ListedTask | undefined =>
  tasks.filter((t) => t.id !== currentId).sort((a, b) => a.position - b.position || a.id - b.id)[0];

/** The id of the task that follows `currentId`, or undefined when none is left. */
export function chooseNextTask(currentId: number, inProgress: readonly ListedTask[], pending: readonly ListedTask[]): number | undefined {
  return (first(inProgress, currentId) ?? first(pending, currentId))?.id;
}
