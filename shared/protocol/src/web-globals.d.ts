// The protocol package is checked with neither DOM nor Node types, so that it
// cannot reach for I/O by accident. These are the only web-platform globals it
// uses; browsers and Node 20 both provide them. Packages that import the
// protocol see their own environment's (richer) declarations instead.

interface TextDecodeOptions {
  stream?: boolean;
}
interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  decode(input?: Uint8Array, options?: TextDecodeOptions): string;
}

interface ReadableStreamReadResult<T> {
  done: boolean;
  value?: T;
}
interface ReadableStreamDefaultReader<R> {
  read(): Promise<ReadableStreamReadResult<R>>;
  cancel(reason?: unknown): Promise<void>;
  releaseLock(): void;
}
declare class ReadableStream<R = unknown> {
  getReader(): ReadableStreamDefaultReader<R>;
}
declare class WritableStream<W = unknown> {
  private readonly __writable?: W;
}

interface TransformStreamDefaultController<O> {
  enqueue(chunk: O): void;
  error(reason?: unknown): void;
}
interface Transformer<I, O> {
  start?(controller: TransformStreamDefaultController<O>): void;
  transform?(chunk: I, controller: TransformStreamDefaultController<O>): void;
  flush?(controller: TransformStreamDefaultController<O>): void;
}
declare class TransformStream<I = unknown, O = unknown> {
  constructor(transformer?: Transformer<I, O>);
  readonly readable: ReadableStream<O>;
  readonly writable: WritableStream<I>;
}

interface AbortSignal {
  readonly aborted: boolean;
}
