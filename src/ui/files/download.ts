// Save bytes as a file the person downloads: a Blob URL on an <a download>, clicked once. Downloads
// are not governed by the page's CSP; the URL is revoked once the browser has taken the file.
export function saveFile(name: string, bytes: ArrayBuffer | Uint8Array<ArrayBuffer> | string | Blob, type: string): void {
  const blob = bytes instanceof Blob ? bytes : new Blob([bytes], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv;charset=utf-8';
export const JSON_TYPE = 'application/json';
