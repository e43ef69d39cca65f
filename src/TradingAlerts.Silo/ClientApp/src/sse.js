// Server-sent events over fetch(): EventSource cannot send the Authorization header the API reads.
import { authHeaders } from './api.js';

/**
 * Reads `path` as an event stream and calls onEvent(type, data) for each event (heartbeats included).
 * Reconnects with back-off after a dropped connection (onStatus('reconnecting')), sending the id of the last
 * event received as Last-Event-ID, as EventSource does: the server continues with exactly what was missed (or
 * sends `reset` events with the current state). Calls onReopen once a later connection is up; stops for good on
 * a client error (onStatus('unavailable', status)).
 */
export function openStream(path, { onEvent, onStatus, onReopen }) {
  const controller = new AbortController();
  let delay = 2000;
  let opened = false;
  const last = { id: '' };

  const run = async () => {
    while (!controller.signal.aborted) {
      onStatus(opened ? 'reconnecting' : 'connecting');
      try {
        const response = await fetch(path, {
          headers: { Accept: 'text/event-stream', ...authHeaders(), ...(last.id ? { 'Last-Event-ID': last.id } : {}) },
          signal: controller.signal,
          cache: 'no-store',
        });
        if (response.status >= 400 && response.status < 500 && response.status !== 429) {
          onStatus('unavailable', response.status);
          return;
        }

        if (response.ok && response.body) {
          if (opened) {
            onReopen?.();
          }

          opened = true;
          delay = 2000;
          onStatus('live');
          await read(response.body, onEvent, last);
        }
      } catch (error) {
        if (controller.signal.aborted) {
          return;
        }

        console.warn('stream interrupted', error);
      }

      if (!controller.signal.aborted) {
        onStatus('reconnecting');
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 60000); // every reconnect is a request against the caller's hourly quota
      }
    }
  };

  run();
  return () => controller.abort();
}

/** The text/event-stream format: "event:", "data:" and "id:" lines, an empty line ends an event. */
async function read(body, onEvent, last) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let type = 'message';
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }

    buffer += value;
    let newline;
    while ((newline = buffer.search(/\r\n|\n|\r/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (data.length > 0 || type !== 'message') {
          onEvent(type, data.join('\n'));
        }

        type = 'message';
        data = [];
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') {
          type = text;
        } else if (field === 'data') {
          data.push(text);
        } else if (field === 'id' && !text.includes('\0')) {
          last.id = text; // kept for the next connection, as EventSource keeps it
        }
      }
    }
  }
}
