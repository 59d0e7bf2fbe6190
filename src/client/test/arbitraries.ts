import fc from 'fast-check';
import { PLAID_ENVIRONMENTS } from '../../shared/link-token';

// fast-check arbitraries for anything LinkTokenGetResponseSchema accepts: nulls where the spec
// allows them, missing optional fields, enum values the UI does not know, and unknown extra
// fields on every object (prefixed x_ so they never collide with a known field).

const extras = fc.dictionary(
  fc.string({ maxLength: 12 }).map((key) => `x_${key}`),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 2 },
);

function withExtras<T extends object>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.tuple(arbitrary, extras).map(([known, extra]) => ({ ...extra, ...known }));
}

// A known value most of the time, any string some of the time.
function openEnum(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.string() });
}

const instant = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});
export const dateTime = fc.oneof(
  instant.map((date) => date.toISOString()),
  // Plaid sends nanoseconds and offsets too.
  instant.map((date) => date.toISOString().replace('.', '.123456').replace('Z', '789Z')),
  instant.map((date) => date.toISOString().replace('Z', '+02:00')),
);

const institution = fc.option(
  withExtras(fc.record({ name: fc.string(), institution_id: fc.string() }, { requiredKeys: [] })),
);

const account = withExtras(
  fc.record(
    {
      id: fc.string(),
      name: fc.string(),
      mask: fc.option(fc.string({ maxLength: 4 })),
      type: openEnum(['depository', 'credit', 'loan', 'investment', 'other']),
      subtype: openEnum(['checking', 'savings', 'credit card']),
      verification_status: fc.option(fc.string()),
      class_type: fc.option(fc.string()),
    },
    { requiredKeys: [] },
  ),
);

export const plaidError = withExtras(
  fc.record(
    {
      error_type: openEnum([
        'INVALID_INPUT',
        'ITEM_ERROR',
        'INSTITUTION_ERROR',
        'API_ERROR',
        'PROXY_ERROR',
        'CLIENT_ERROR',
      ]),
      error_code: openEnum(['INVALID_LINK_TOKEN', 'INVALID_CREDENTIALS', 'INSTITUTION_DOWN', 'RATE_LIMITED']),
      error_code_reason: fc.option(fc.string()),
      error_message: fc.string(),
      display_message: fc.option(fc.string()),
      request_id: fc.string(),
      causes: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }),
      status: fc.option(fc.integer({ min: 100, max: 599 })),
      documentation_url: fc.oneof(fc.webUrl(), fc.string()),
      suggested_action: fc.option(fc.string()),
    },
    { requiredKeys: ['error_type', 'error_code', 'error_message', 'display_message'] },
  ),
);

const linkEvent = withExtras(
  fc.record({
    event_name: openEnum([
      'OPEN',
      'TRANSITION_VIEW',
      'SELECT_INSTITUTION',
      'SUBMIT_CREDENTIALS',
      'ERROR',
      'EXIT',
      'HANDOFF',
    ]),
    // The spec types an event timestamp as a plain string.
    timestamp: fc.oneof({ weight: 4, arbitrary: dateTime }, { weight: 1, arbitrary: fc.string() }),
    event_id: fc.uuid(),
    event_metadata: withExtras(
      fc.record(
        {
          error_code: fc.string(),
          error_message: fc.string(),
          error_type: fc.string(),
          exit_status: fc.string(),
          institution_id: fc.string(),
          institution_name: fc.string(),
          institution_search_query: fc.string(),
          request_id: fc.string(),
          mfa_type: fc.string(),
          view_name: openEnum(['CREDENTIAL', 'CONSENT', 'LOADING', 'ERROR']),
          selection: fc.string(),
          brand_name: fc.string(),
        },
        { requiredKeys: [] },
      ),
    ),
  }),
);

const craItem = withExtras(
  fc.record({ item_id: fc.string(), accounts: fc.array(account, { maxLength: 2 }), institution }),
);
const count = fc.nat({ max: 20 });
const results = fc.option(
  withExtras(
    fc.record(
      {
        item_add_results: fc.array(
          withExtras(
            fc.record({
              public_token: fc.string(),
              accounts: fc.array(account, { maxLength: 3 }),
              institution,
            }),
          ),
          { maxLength: 2 },
        ),
        cra_item_add_results: fc.array(craItem, { maxLength: 1 }),
        cra_update_results: fc.array(craItem, { maxLength: 1 }),
        bank_income_results: fc.array(
          withExtras(fc.record({ status: fc.string(), item_id: fc.string(), institution })),
          {
            maxLength: 1,
          },
        ),
        payroll_income_results: fc.array(
          withExtras(fc.record({ num_paystubs_retrieved: count, num_w2s_retrieved: count, institution })),
          { maxLength: 1 },
        ),
        document_income_results: fc.option(
          withExtras(
            fc.record({
              num_paystubs_uploaded: count,
              num_w2s_uploaded: count,
              num_bank_statements_uploaded: count,
              num_1099s_uploaded: count,
            }),
          ),
        ),
        cra_document_upload_results: fc.option(
          withExtras(fc.record({ num_bank_statements_uploaded: count })),
        ),
      },
      {
        requiredKeys: [
          'item_add_results',
          'cra_item_add_results',
          'cra_update_results',
          'bank_income_results',
          'payroll_income_results',
          'document_income_results',
        ],
      },
    ),
  ),
);

const exit = fc.option(
  withExtras(
    fc.record({
      error: fc.option(plaidError),
      metadata: fc.option(
        withExtras(
          fc.record(
            { institution, status: fc.string(), link_session_id: fc.string(), request_id: fc.string() },
            { requiredKeys: [] },
          ),
        ),
      ),
    }),
  ),
);

const session = withExtras(
  fc.record(
    {
      link_session_id: fc.uuid(),
      started_at: dateTime,
      finished_at: fc.option(dateTime),
      on_success: fc.option(
        withExtras(
          fc.record({
            public_token: fc.string(),
            metadata: fc.option(
              withExtras(
                fc.record(
                  {
                    institution,
                    accounts: fc.array(account, { maxLength: 2 }),
                    link_session_id: fc.string(),
                    transfer_status: fc.option(fc.string()),
                  },
                  { requiredKeys: [] },
                ),
              ),
            ),
          }),
        ),
      ),
      on_exit: exit,
      exit,
      events: fc.array(linkEvent, { maxLength: 8 }),
      results,
    },
    { requiredKeys: ['link_session_id'] },
  ),
);

const accountFilter = withExtras(
  fc.record(
    {
      account_subtypes: fc.array(fc.string(), { maxLength: 3 }),
      limited_purpose_types: fc.array(fc.string(), { maxLength: 2 }),
    },
    { requiredKeys: ['account_subtypes'] },
  ),
);

const metadata = withExtras(
  fc.record(
    {
      initial_products: fc.array(openEnum(['auth', 'transactions', 'identity', 'income_verification']), {
        maxLength: 3,
      }),
      webhook: fc.option(fc.webUrl()),
      country_codes: fc.array(openEnum(['US', 'CA', 'GB']), { maxLength: 3 }),
      language: fc.option(openEnum(['en', 'fr', 'es'])),
      institution_data: withExtras(fc.record({ routing_number: fc.string() }, { requiredKeys: [] })),
      account_filters: withExtras(
        fc.record(
          {
            depository: accountFilter,
            credit: accountFilter,
            loan: accountFilter,
            investment: accountFilter,
          },
          { requiredKeys: [] },
        ),
      ),
      redirect_uri: fc.option(fc.webUrl()),
      client_name: fc.option(fc.string()),
    },
    {
      requiredKeys: [
        'initial_products',
        'webhook',
        'country_codes',
        'language',
        'redirect_uri',
        'client_name',
      ],
    },
  ),
);

const linkToken = fc.oneof(
  fc
    .tuple(fc.constantFrom(...PLAID_ENVIRONMENTS), fc.uuid())
    .map(([environment, uuid]) => `link-${environment}-${uuid}`),
  fc.string(),
);

export const linkTokenGetResponse = withExtras(
  fc.record(
    {
      link_token: linkToken,
      created_at: fc.option(dateTime),
      expiration: fc.option(dateTime),
      link_sessions: fc.array(session, { maxLength: 4 }),
      metadata,
      user_id: fc.string(),
      request_id: fc.string(),
    },
    { requiredKeys: ['link_token', 'created_at', 'expiration', 'metadata', 'request_id'] },
  ),
);
