// The diagram as files: a standalone SVG (styles inside, white background,
// no zoom or fold handles) and a PNG drawn from it on a canvas. Browser only.

const SVG_NS = "http://www.w3.org/2000/svg";

/** Google Sheets refuses images over 1,048,576 pixels (1024 × 1024 in area) in insertImage. */
export const SHEET_IMAGE_AREA = 1_048_576;
/** What one canvas can hold in Chromium, with room to spare. */
const CANVAS_SIDE = 16_000;
const CANVAS_AREA = 120_000_000;

/** The largest scale up to `wanted` at which a width × height drawing fits `area` pixels and the canvas. */
export function fittingScale(width: number, height: number, wanted: number, area = CANVAS_AREA): number {
  const byArea = Math.sqrt(area / Math.max(1, width * height));
  const bySide = CANVAS_SIDE / Math.max(1, width, height);
  return Math.min(wanted, byArea, bySide);
}

/** The drawing at its natural size as an SVG document. */
export function svgText(svg: SVGSVGElement, width: number, height: number): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", SVG_NS);
  copy.setAttribute("width", String(Math.ceil(width)));
  copy.setAttribute("height", String(Math.ceil(height)));
  copy.setAttribute("viewBox", `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`);
  copy.querySelector("g.content")?.removeAttribute("transform");
  for (const handle of copy.querySelectorAll(".toggle")) handle.remove();
  const paper = document.createElementNS(SVG_NS, "rect");
  paper.setAttribute("width", "100%");
  paper.setAttribute("height", "100%");
  paper.setAttribute("fill", "#ffffff");
  copy.insertBefore(paper, copy.querySelector("g.content"));
  return new XMLSerializer().serializeToString(copy);
}

/** The SVG drawn at `scale` (2 for slides) as a PNG. */
export async function pngBlob(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const g = canvas.getContext("2d");
    if (!g) throw new Error("canvas 2d is not available");
    g.fillStyle = "#ffffff";
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((done, fail) =>
      canvas.toBlob((b) => (b ? done(b) : fail(new Error("the PNG could not be made"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The blob's bytes in base64, as google.script.run carries them. */
export function base64(blob: Blob): Promise<string> {
  return new Promise((done, fail) => {
    const reader = new FileReader();
    reader.onload = () => done(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => fail(reader.error ?? new Error("the image could not be read"));
    reader.readAsDataURL(blob);
  });
}

/** Puts the PNG on the clipboard; false where the browser (or the add-on's frame) does not allow it. */
export async function copyPng(blob: Blob): Promise<boolean> {
  const clip = navigator.clipboard as Clipboard | undefined;
  if (!clip?.write || typeof ClipboardItem === "undefined") return false;
  try {
    await clip.write([new ClipboardItem({ "image/png": blob })]);
    return true;
  } catch {
    return false;
  }
}
