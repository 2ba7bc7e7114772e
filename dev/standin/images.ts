// Blobs (Utilities.newBlob) and images over the grid (Sheet.insertImage,
// Sheet.getImages, OverGridImage), as far as the add-on uses them. Like
// Sheets, insertImage takes PNG, JPEG or GIF only and refuses an image of more
// than 1,048,576 pixels in area (measured limit: 1024 × 1024 goes in, 1025 ×
// 1024 does not); the size is read from the image's own header.
import type { Ctx } from "./context";
import { wrap } from "./context";
import type { SheetModel } from "./engine";
import { notImplemented, unwrap } from "./strict";

type GBlob = GoogleAppsScript.Base.Blob;
type GImage = GoogleAppsScript.Spreadsheet.OverGridImage;

const IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif"];
export const MAX_IMAGE_AREA = 1_048_576;

export class BlobImpl {
  constructor(
    private readonly _ctx: Ctx,
    public _bytes: Uint8Array,
    public _type: string | null,
    public _name: string | null,
  ) {}
  private _self(): GBlob {
    return wrap<GBlob>(this._ctx, "Blob", this);
  }
  getBytes(): number[] {
    return [...this._bytes].map((b) => (b > 127 ? b - 256 : b));
  }
  getContentType() {
    return this._type;
  }
  setContentType(type: string | null) {
    this._type = type;
    return this._self();
  }
  getName() {
    return this._name;
  }
  setName(name: string) {
    this._name = name;
    return this._self();
  }
  getDataAsString() {
    return Buffer.from(this._bytes).toString("utf8");
  }
  getBlob() {
    return this._self();
  }
  copyBlob() {
    return wrap<GBlob>(this._ctx, "Blob", new BlobImpl(this._ctx, this._bytes.slice(), this._type, this._name));
  }
}

/** Utilities.newBlob(data, contentType?, name?): data is a Byte[] (-128…127) or a string (UTF-8). */
export function newBlob(ctx: Ctx, data: number[] | string, type?: string, name?: string): GBlob {
  let bytes: Uint8Array;
  if (typeof data === "string") bytes = new Uint8Array(Buffer.from(data, "utf8"));
  else if (Array.isArray(data) && data.every((b) => Number.isInteger(b) && b >= -128 && b <= 255))
    bytes = Uint8Array.from(data, (b) => b & 255);
  else throw new Error("The parameters don't match the method signature for Utilities.newBlob.");
  return wrap<GBlob>(ctx, "Blob", new BlobImpl(ctx, bytes, type ?? null, name ?? null));
}

/** Width and height from a PNG's IHDR, a GIF's screen descriptor or a JPEG's SOF marker. */
export function imageSize(bytes: Uint8Array, type: string): { width: number; height: number } | null {
  const b = Buffer.from(bytes);
  if (
    type === "image/png" &&
    b.length >= 24 &&
    b.readUInt32BE(0) === 0x89504e47 &&
    b.toString("ascii", 12, 16) === "IHDR"
  )
    return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (type === "image/gif" && b.toString("ascii", 0, 3) === "GIF" && b.length >= 10)
    return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  if (type === "image/jpeg" && b[0] === 0xff && b[1] === 0xd8) {
    for (let i = 2; i + 9 < b.length; ) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1];
      if (marker >= 0xc0 && marker <= 0xc3) return { width: b.readUInt16BE(i + 7), height: b.readUInt16BE(i + 5) };
      i += 2 + b.readUInt16BE(i + 2);
    }
  }
  return null;
}

interface ImageModel {
  bytes: Uint8Array;
  width: number;
  height: number;
  column: number;
  row: number;
  title: string;
  description: string;
}

/** Images over each sheet's grid, kept beside the model as hidden sheets are. */
const sheetImages = new WeakMap<SheetModel, ImageModel[]>();

export function imagesOf(sheet: SheetModel): ImageModel[] {
  const list = sheetImages.get(sheet) ?? [];
  sheetImages.set(sheet, list);
  return list;
}

/** The sheet object an image sits on, and its cells (from the sheet, so this file needs no Range of its own). */
export interface ImageHost {
  sheet(): GoogleAppsScript.Spreadsheet.Sheet;
  cell(row: number, column: number): GoogleAppsScript.Spreadsheet.Range;
}

class OverGridImageImpl {
  constructor(
    private readonly _ctx: Ctx,
    private readonly _sheet: SheetModel,
    readonly _image: ImageModel,
    private readonly _host: ImageHost,
  ) {}
  private _self(): GImage {
    return wrap<GImage>(this._ctx, "OverGridImage", this);
  }
  private _alive(): ImageModel {
    if (!imagesOf(this._sheet).includes(this._image)) throw new Error("The image no longer exists.");
    return this._image;
  }
  getAltTextTitle() {
    return this._alive().title;
  }
  setAltTextTitle(title: string) {
    this._alive().title = String(title);
    return this._self();
  }
  getAltTextDescription() {
    return this._alive().description;
  }
  setAltTextDescription(description: string) {
    this._alive().description = String(description);
    return this._self();
  }
  getAnchorCell() {
    const image = this._alive();
    return this._host.cell(image.row, image.column);
  }
  getSheet() {
    this._alive();
    return this._host.sheet();
  }
  getInherentWidth() {
    return this._alive().width;
  }
  getInherentHeight() {
    return this._alive().height;
  }
  getWidth() {
    return this._alive().width;
  }
  getHeight() {
    return this._alive().height;
  }
  remove(): void {
    const list = imagesOf(this._sheet);
    list.splice(list.indexOf(this._alive()), 1);
  }
}

/** Sheet.insertImage(blobSource, column, row): a PNG, JPEG or GIF of at most 1,048,576 pixels, inside the grid. */
export function insertImage(
  ctx: Ctx,
  sheet: SheetModel,
  host: ImageHost,
  source: unknown,
  column: number,
  row: number,
): GImage {
  if (typeof source === "string") throw notImplemented("Sheet", "insertImage(url, …)");
  const raw = source && typeof source === "object" ? unwrap(source as object) : null;
  if (!(raw instanceof BlobImpl) || ![column, row].every(Number.isInteger))
    throw new Error("The parameters don't match the method signature for SpreadsheetApp.Sheet.insertImage.");
  if (column < 1 || row < 1 || column > sheet.maxColumns || row > sheet.maxRows)
    throw new Error("Those columns are out of bounds.");
  const type = raw._type ?? "";
  const size = IMAGE_TYPES.includes(type) ? imageSize(raw._bytes, type) : null;
  if (!size) throw new Error(`Exception: The image could not be inserted: not a PNG, JPEG or GIF image (${type}).`);
  if (size.width * size.height > MAX_IMAGE_AREA)
    throw new Error(
      `Exception: The image could not be inserted: ${size.width} × ${size.height} pixels is above ${MAX_IMAGE_AREA} pixels.`,
    );
  const image: ImageModel = { bytes: raw._bytes, ...size, column, row, title: "", description: "" };
  imagesOf(sheet).push(image);
  return wrap<GImage>(ctx, "OverGridImage", new OverGridImageImpl(ctx, sheet, image, host));
}

export function getImages(ctx: Ctx, sheet: SheetModel, host: ImageHost): GImage[] {
  return imagesOf(sheet).map((image) =>
    wrap<GImage>(ctx, "OverGridImage", new OverGridImageImpl(ctx, sheet, image, host)),
  );
}
