export default function OverviewPage() {
  return <main className="p-8">Jenkins on AWS</main>;
}
