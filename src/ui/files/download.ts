// Save bytes as a file the person downloads: a Blob URL on an <a download>, clicked once. A
// download is a DOM action, so this is the UI's one way to hand over a file (io makes the bytes).
// Downloads are not governed by the page's CSP.
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
  // The click only starts the download: the browser may still be reading the Blob (a backup of a
  // large workspace, a slow disk, a save dialog left open). Revoking only frees memory, so the URL
  // is kept a generous minute rather than risk cutting a download short.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv;charset=utf-8';
export const JSON_TYPE = 'application/json;charset=utf-8';
