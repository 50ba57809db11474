import type { Browser } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium';
import { pageNumbersOfDestinations } from './pdf-destinations';

/** Chromium could not be started (not installed, not for this platform, or it crashed at launch). */
export class ChromiumUnavailableError extends Error {
  readonly chromiumUnavailable = true;
}

/** Too many PDFs are being printed at once; the caller may try again shortly. */
export class PdfPrinterBusyError extends Error {
  readonly pdfPrinterBusy = true;
}

export interface ReportPdfOptions {
  /** Pages printed at the same time in the one browser. */
  concurrency: number;
  /** Requests that may wait for a turn beyond those printing; more are refused (busy). */
  maxQueued?: number;
  /** A Chromium of the machine's own (else the one of `@sparticuz/chromium`). */
  chromiumPath?: string;
  /** For tests: how to start the browser. */
  launch?: () => Promise<Browser>;
}

/** The footer of every page: its number and the count, in the report's muted grey (`pageNumber`: Chromium's). */
const footer = (label: string) =>
  '<div style="width:100%;font:9px sans-serif;color:#5b6675;text-align:center">' +
  `${label} <span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

/**
 * Prints the report's HTML to PDF with headless Chromium: one browser for the process, started on the first PDF
 * (not at start-up: most processes never print) and started again if it dies; at most `concurrency` pages at a
 * time, a bounded queue behind them. Two passes: the first PDF tells on which page each section starts (its named
 * destinations), the second prints those numbers in the contents.
 */
export class ReportPdfPrinter {
  private browser?: Promise<Browser>;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: ReportPdfOptions) {}

  async print(html: string, pageLabel: string): Promise<Buffer> {
    await this.turn();
    try {
      const browser = await this.started();
      const context = await browser.newContext({ javaScriptEnabled: true });
      try {
        // The report loads nothing; nothing it links to is fetched while printing.
        await context.route('**/*', (route) => route.abort());
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = () =>
          page.pdf({
            format: 'A4',
            printBackground: true,
            preferCSSPageSize: true,
            outline: true,
            tagged: true,
            displayHeaderFooter: true,
            headerTemplate: '<span></span>',
            footerTemplate: footer(pageLabel),
          });
        const first = await pdf();
        const pages = pageNumbersOfDestinations(first);
        if (pages.size === 0) return first;
        // Runs in the page (this code base has no DOM types: the page's objects are reached through globalThis).
        const filled = await page.evaluate(
          (entries) => {
            type Slot = { getAttribute(name: string): string | null; textContent: string | null };
            const doc = (
              globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<Slot> } }
            ).document;
            let count = 0;
            for (const slot of doc.querySelectorAll('.contents [data-page-of]')) {
              const number = entries.find(([id]) => id === slot.getAttribute('data-page-of'))?.[1];
              if (number !== undefined) {
                slot.textContent = String(number);
                count += 1;
              }
            }
            return count;
          },
          [...pages.entries()],
        );
        return filled === 0 ? first : await pdf();
      } finally {
        await context.close().catch(() => undefined);
      }
    } finally {
      this.release();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    await (await browser?.catch(() => undefined))?.close().catch(() => undefined);
  }

  private started(): Promise<Browser> {
    if (!this.browser) {
      const launching = (this.options.launch ?? (() => this.launch()))().then(
        (browser) => {
          // A browser that crashed or was killed is started again on the next PDF.
          browser.on('disconnected', () => {
            if (this.browser === launching) this.browser = undefined;
          });
          return browser;
        },
        (error: unknown) => {
          this.browser = undefined;
          throw new ChromiumUnavailableError(
            `Chromium could not be started for the PDF: ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
        },
      );
      this.browser = launching;
    }
    return this.browser;
  }

  private async launch(): Promise<Browser> {
    const { chromium } = await import('playwright-core');
    return chromium.launch(await chromiumLaunchOptions(this.options.chromiumPath));
  }

  private async turn(): Promise<void> {
    if (this.running < this.options.concurrency) {
      this.running += 1;
      return;
    }
    if (this.waiting.length >= (this.options.maxQueued ?? this.options.concurrency * 4))
      throw new PdfPrinterBusyError('Too many report PDFs are being printed at once; try again shortly.');
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
