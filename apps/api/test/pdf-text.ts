import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface PdfText {
  total: number;
  pages: { num: number; text: string }[];
}

/**
 * The text of a PDF, page by page, read back by pdf-parse (pdfjs-dist underneath). In a child Node process: pdfjs
 * loads its worker with a dynamic `import()`, which Jest's module loader refuses without
 * `--experimental-vm-modules`.
 */
export async function readPdfText(pdf: Buffer): Promise<PdfText> {
  const file = join(mkdtempSync(join(tmpdir(), 'slimmernetwerk-pdf-')), 'report.pdf');
  writeFileSync(file, pdf);
  const script = `
    const { PDFParse } = require('pdf-parse');
    const parser = new PDFParse({ data: require('node:fs').readFileSync(process.argv[1]) });
    parser.getText().then(async ({ total, pages }) => {
      await parser.destroy();
      process.stdout.write(JSON.stringify({ total, pages: pages.map(({ num, text }) => ({ num, text })) }));
    }, (error) => { console.error(error); process.exit(1); });`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, file], {
    cwd: join(__dirname, '..', '..', '..'),
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as PdfText;
}
