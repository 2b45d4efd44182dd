// What the members tab says after a member leaves or gives up a reading role.
import { plural } from '../format.js';

/** `reassigned`: the open tasks taken from the member; `unassigned`: those no other member could take. */
export function movedText(r: { reassigned: number; unassigned: number }): string {
  if (r.reassigned === 0) return 'no open tasks to move';
  const given = r.reassigned - r.unassigned;
  const waiting = r.unassigned > 0 ? `; ${r.unassigned} wait for another member (add one, then run the assignment)` : '';
  return `${plural(r.reassigned, 'open task')} moved: ${given} to other members${waiting}`;
}
