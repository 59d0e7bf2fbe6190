import type { ReactNode } from 'react';
import type { LinkTokenMetadata } from '../../../../shared/schemas/link-token-get-response';
import { extraFields } from '../lib/extra-fields';
import { Card } from '../../../components/Card';
import { Field, FieldList } from '../../../components/Field';
import { ExtraFields, JsonValue } from '../../../components/KeyValueView';
import text from '../../../components/text.module.css';

const METADATA_KEYS = [
  'client_name',
  'initial_products',
  'country_codes',
  'language',
  'webhook',
  'redirect_uri',
  'account_filters',
  'institution_data',
];

function Empty({ children }: { children: ReactNode }) {
  return <span className={text.empty}>{children}</span>;
}

function TextList({ items, empty }: { items: readonly string[]; empty: string }) {
  if (items.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ul className={text.inlineList}>
      {items.map((item, index) => (
        <li key={`${item}-${index}`}>
          <code>{item}</code>
        </li>
      ))}
    </ul>
  );
}

function AccountFilters({ filters }: { filters: LinkTokenMetadata['account_filters'] }) {
  const entries = Object.entries(filters ?? {});
  if (entries.length === 0) return <Empty>none: every account type is allowed</Empty>;
  return (
    <ul className={text.plainList}>
      {entries.map(([type, filter]) => {
        // Plaid may add filter types or keys; anything that is not the known shape is shown as is.
        const known =
          filter !== null &&
          typeof filter === 'object' &&
          Array.isArray((filter as { account_subtypes?: unknown }).account_subtypes);
        if (!known) {
          return (
            <li key={type}>
              <strong>{type}</strong>: <JsonValue value={filter} />
            </li>
          );
        }
        const {
          account_subtypes: subtypes,
          limited_purpose_types: limited,
          ...rest
        } = filter as {
          account_subtypes: string[];
          limited_purpose_types?: string[];
        };
        return (
          <li key={type}>
            <strong>{type}</strong>:{' '}
            {subtypes.length === 0 ? <Empty>no subtypes</Empty> : subtypes.join(', ')}
            {limited && limited.length > 0 && <> (limited purpose: {limited.join(', ')})</>}
            <ExtraFields entries={Object.entries(rest)} />
          </li>
        );
      })}
    </ul>
  );
}

// How the link_token was created: every field of its metadata, empty ones said to be empty.
export function ConfigurationSection({ metadata }: { metadata: LinkTokenMetadata }) {
  const institutionData = metadata.institution_data;
  return (
    <Card title="Configuration" titleLevel={3}>
      <FieldList>
        <Field label="Client name">{metadata.client_name ?? <Empty>not set</Empty>}</Field>
        <Field label="Products">
          <TextList items={metadata.initial_products} empty="none" />
        </Field>
        <Field label="Country codes">
          <TextList items={metadata.country_codes} empty="none" />
        </Field>
        <Field label="Language">
          {metadata.language ? <code>{metadata.language}</code> : <Empty>not set</Empty>}
        </Field>
        <Field label="Webhook">
          {metadata.webhook ? <code className={text.break}>{metadata.webhook}</code> : <Empty>not set</Empty>}
        </Field>
        <Field label="Redirect URI">
          {metadata.redirect_uri ? (
            <code className={text.break}>{metadata.redirect_uri}</code>
          ) : (
            <Empty>not set</Empty>
          )}
        </Field>
        <Field label="Account filters">
          <AccountFilters filters={metadata.account_filters} />
        </Field>
        <Field label="Institution routing number">
          {institutionData?.routing_number ? (
            <code>{institutionData.routing_number}</code>
          ) : (
            <Empty>not set</Empty>
          )}
          <ExtraFields entries={extraFields(institutionData, ['routing_number'])} />
        </Field>
      </FieldList>
      <ExtraFields entries={extraFields(metadata, METADATA_KEYS)} />
    </Card>
  );
}
