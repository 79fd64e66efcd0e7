import Link from 'next/link';

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg p-10">
      <h1 className="text-xl font-semibold">Not allowed</h1>
      <p className="mt-2 text-slate-600">
        Your role does not allow this page. Ask an admin for the operator or admin role.
      </p>
      <Link href="/" className="mt-4 inline-block text-blue-700 underline">
        Back to the overview
      </Link>
    </main>
  );
}
