// A server-drawn QR code (SVG from `qrcode`, made by app/events/qr.server.ts) shown as one image
// with a text alternative. The markup is ours, never typed by a person, so it is safe to insert.
export function QrImage({ svg, label, className }: { svg: string; label: string; className?: string }) {
  return <div role="img" aria-label={label} className={className} dangerouslySetInnerHTML={{ __html: svg }} />;
}
