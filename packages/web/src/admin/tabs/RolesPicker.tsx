// Checkboxes for a member's project roles.
import type { ProjectRole } from '@cxrlab/server/api-types';

export const ROLES: readonly ProjectRole[] = ['annotator', 'reviewer', 'owner'];

export function RolesPicker({ value, onChange, disabled = false, idPrefix, consensus }: { value: readonly ProjectRole[]; onChange: (roles: ProjectRole[]) => void; disabled?: boolean; idPrefix: string; consensus: boolean }) {
  const toggle = (role: ProjectRole, on: boolean) => onChange(ROLES.filter((r) => (r === role ? on : value.includes(r))));
  return (
    <span className="roles-edit" role="group" aria-label="Roles">
      {ROLES.map((role) => (
        <label key={role} className="inline" htmlFor={`${idPrefix}-${role}`} title={role === 'reviewer' && !consensus ? 'Independent projects have no review step' : undefined}>
          <input id={`${idPrefix}-${role}`} type="checkbox" checked={value.includes(role)} disabled={disabled} onChange={(e) => toggle(role, e.target.checked)} />
          {role}
        </label>
      ))}
    </span>
  );
}
