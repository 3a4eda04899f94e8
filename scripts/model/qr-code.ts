import qrcode from "qrcode-generator";

/**
 * A QR code of an address, as inline SVG for a printed cover: drawn with `fill` attributes and
 * no style, so the print page's Content-Security-Policy allows it, and no request is made. The
 * dark modules are one path; the quiet zone (4 modules, as ISO/IEC 18004 asks) is white.
 * @param label what a screen reader and the PDF's tags say the image is
 */
export function qrCodeSvg(address: string, label: string): string {
  // Medium error correction: a printed copy survives a fold or a coffee ring.
  const code = qrcode(0, "M");
  code.addData(address, "Byte");
  code.make();
  const count = code.getModuleCount();
  const quiet = 4;
  const size = count + quiet * 2;
  let path = "";
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < count; column++) {
      if (code.isDark(row, column)) path += `M${column + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  const escaped = label.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  return (
    `<svg class="qr-code" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${escaped}" shape-rendering="crispEdges">` +
    `<title>${escaped}</title><rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}
