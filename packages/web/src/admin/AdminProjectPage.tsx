// placeholder: filled in by its owner
export function AdminProjectPage(_props: Record<string, unknown>) {
  return <main className="page">AdminProjectPage</main>;
}
