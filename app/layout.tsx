import type { Metadata } from 'next';
import { AppHeader } from '@/components/layout/AppHeader';
import './globals.css';

export const metadata: Metadata = {
  title: 'Jenkins on AWS',
  description: 'Launch, watch and scale Jenkins on AWS',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <AppHeader />
        {children}
      </body>
    </html>
  );
}
