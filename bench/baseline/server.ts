import type { AddressInfo } from 'node:net';
import express from 'express';
import { Configuration, PlaidApi } from 'plaid';

// The naive proxy the benchmark compares ours against: what a developer would write in a few
// minutes with express 5 and Plaid's official SDK, all defaults (the SDK's axios client, express's
// JSON parser). It exists only for bench/overhead.ts and is never shipped.
//
// Env: BASELINE_UPSTREAM_URL (the simulator), BASELINE_CLIENT_ID, BASELINE_SECRET.
// Listens on 127.0.0.1 on an ephemeral port and reports the URL to the parent over IPC.

const plaid = new PlaidApi(
  new Configuration({
    basePath: process.env.BASELINE_UPSTREAM_URL,
    baseOptions: {
      headers: {
        'PLAID-CLIENT-ID': process.env.BASELINE_CLIENT_ID,
        'PLAID-SECRET': process.env.BASELINE_SECRET,
      },
    },
  }),
);

const app = express();
app.use(express.json());

app.post('/api/link/token/get', async (req, res) => {
  try {
    const answer = await plaid.linkTokenGet({ link_token: req.body.link_token });
    res.json(answer.data);
  } catch (error) {
    const response = (error as { response?: { status: number; data: unknown } }).response;
    res.status(response?.status ?? 502).json(response?.data ?? { error_message: 'upstream failed' });
  }
});

const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ url: `http://127.0.0.1:${port}` });
});
