/**
 * The graph as a picture (PNG or SVG, with its legend), made by html-to-image from what React Flow draws.
 * GraphPane registers how to capture itself while mounted; the Export dialog asks for it here.
 */
export type ImageFormat = 'png' | 'svg';
export type CaptureGraph = (format: ImageFormat) => Promise<Blob>;

let capture: CaptureGraph | null = null;

export function registerGraphCapture(fn: CaptureGraph | null): void {
  capture = fn;
}

export function captureGraph(format: ImageFormat): Promise<Blob> {
  if (!capture) return Promise.reject(new Error('the graph is not shown yet'));
  return capture(format);
}

export function dataUrlToBlob(url: string): Blob {
  const comma = url.indexOf(',');
  const header = url.slice(0, comma);
  const mime = /data:([^;,]+)/.exec(header)?.[1] ?? 'application/octet-stream';
  const body = url.slice(comma + 1);
  if (header.endsWith(';base64')) {
    const binary = atob(body);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new Blob([bytes], { type: mime });
  }
  return new Blob([decodeURIComponent(body)], { type: mime });
}
