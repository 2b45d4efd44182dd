// placeholder: filled in by its owner
export function AdminProjectsPage(_props: Record<string, unknown>) {
  return <main className="page">AdminProjectsPage</main>;
}
