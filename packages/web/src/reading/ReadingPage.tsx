// placeholder: filled in by its owner
export function ReadingPage(_props: Record<string, unknown>) {
  return <main className="page">ReadingPage</main>;
}
