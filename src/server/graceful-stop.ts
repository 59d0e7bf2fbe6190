import type { Server, ServerResponse } from 'node:http';

// Stopping the HTTP server (SIGTERM) without letting any one client hold the exit up.
//
// A request whose body has fully arrived is being worked on: it gets until the deadline to be
// answered (a lookup is bounded by PLAID_TIMEOUT_MS), and its answer carries Connection: close so
// its connection ends with it. Every other connection is closed as soon as nothing is being worked
// on: idle keep-alive ones, and those in the middle of sending a request (headers or body not
// finished) — a client that never finishes would otherwise keep the process alive until the
// deadline. Such a request was never acted on, so a client may safely send it again elsewhere.

// finished: every request being worked on was answered; cut: the deadline came first, and the
// requests still in progress were cut off.
export type StopOutcome = 'finished' | 'cut';

export type GracefulStop = (deadlineMs: number) => Promise<StopOutcome>;

// Call before the server receives its first request.
export function gracefulStop(server: Server): GracefulStop {
  const unanswered = new Set<ServerResponse>();
  let stopping = false;
  // An answer was sent while stopping: close the rest once nothing is being worked on.
  let onChange = (): void => {};

  server.on('request', (_request, response: ServerResponse) => {
    if (stopping) response.setHeader('Connection', 'close');
    unanswered.add(response);
    response.on('close', () => {
      unanswered.delete(response);
      onChange();
    });
  });

  return (deadlineMs) => {
    stopping = true;
    for (const response of unanswered) if (!response.headersSent) response.setHeader('Connection', 'close');
    return new Promise<StopOutcome>((resolve) => {
      let outcome: StopOutcome = 'finished';
      const deadline = setTimeout(() => {
        outcome = 'cut';
        server.closeAllConnections();
      }, deadlineMs);
      // Stops accepting and closes idle connections; runs once every connection has closed.
      server.close(() => {
        clearTimeout(deadline);
        resolve(outcome);
      });
      onChange = () => {
        const workedOn = [...unanswered].some((response) => response.req.complete);
        if (!workedOn) server.closeAllConnections();
      };
      onChange();
    });
  };
}
