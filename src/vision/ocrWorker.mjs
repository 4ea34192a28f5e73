// One OCR engine in a worker thread: models loaded once, then one picture at a time, so that
// recognition never holds the server's event loop. Spawned only by OcrPool (ocrPool.ts). Plain
// JavaScript, because Node 20 runs a worker's own file without the TypeScript loader.
import { parentPort } from 'node:worker_threads';
import Ocr from '@gutenye/ocr-node';

const port = parentPort;
if (!port) throw new Error('ocrWorker runs only as a worker thread of OcrPool');
const ocr = await Ocr.create();
port.on('message', async (/** @type {{ id: number, png: Uint8Array }} */ { id, png }) => {
  try {
    // detect() is typed as taking a path; it hands the value to sharp, which reads a Buffer too.
    const lines = await ocr.detect(Buffer.from(png));
    port.postMessage({ id, lines: lines.map((l) => ({ text: l.text, score: l.mean })) });
  } catch (e) {
    port.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
port.postMessage({ ready: true });
