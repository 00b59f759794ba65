import "server-only";
import { AppError } from "../errors";

/**
 * Image work (decode, rotate, resize, encode) holds tens of megabytes per photo: at most
 * IMAGE_WORKERS run at once and at most IMAGE_QUEUE_LENGTH wait; past that the caller gets 503
 * ("busy, try again") instead of the server growing without bound.
 */
export const IMAGE_WORKERS = 2;
export const IMAGE_QUEUE_LENGTH = 24;

let running = 0;
const waiting: Array<() => void> = [];

export async function runImageJob<T>(job: () => Promise<T>): Promise<T> {
  if (running >= IMAGE_WORKERS) {
    if (waiting.length >= IMAGE_QUEUE_LENGTH)
      throw new AppError({ code: "unavailable", messageKey: "imageQueueFull" });
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running += 1;
  }
  try {
    return await job();
  } finally {
    // Hand the slot straight to the next job waiting, or free it.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}
