// placeholder: filled in by its owner
export function ReviewPage(_props: Record<string, unknown>) {
  return <main className="page">ReviewPage</main>;
}
