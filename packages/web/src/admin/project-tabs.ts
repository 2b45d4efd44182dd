// The project page's tabs, in order, and their links (/admin/projects/KEY?tab=...).

export const PROJECT_TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'members', label: 'Members' },
  { id: 'images', label: 'Images' },
  { id: 'assignment', label: 'Assignment' },
  { id: 'progress', label: 'Progress' },
  { id: 'agreement', label: 'Agreement' },
  { id: 'exports', label: 'Exports' },
  { id: 'rules', label: 'Rules' },
] as const;

export type ProjectTab = (typeof PROJECT_TABS)[number]['id'];

/** The tab a ?tab= value names; the overview for anything else (including "import", an alias of images). */
export function tabOf(value: string | null | undefined): ProjectTab {
  if (value === 'import') return 'images';
  return PROJECT_TABS.find((t) => t.id === value)?.id ?? 'overview';
}

export const tabHref = (key: string, tab: ProjectTab): string => `/admin/projects/${encodeURIComponent(key)}?tab=${tab}`;
