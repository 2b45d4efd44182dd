// placeholder: filled in by its owner
export function UsersPage(_props: Record<string, unknown>) {
  return <main className="page">UsersPage</main>;
}
