// placeholder: filled in by its owner
export function WorklistPage(_props: Record<string, unknown>) {
  return <main className="page">WorklistPage</main>;
}
