// QR codes for posters and table cards, drawn on the server as SVG by `qrcode`: crisp at any print
// size, no script in the browser, and nothing sent to a third-party service.
import QRCode from "qrcode";

/** An SVG QR code for `text` (error correction M survives a crease or a smudge on a printed poster). */
export async function qrCodeSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 4, color: { dark: "#000000", light: "#ffffff" } });
}
